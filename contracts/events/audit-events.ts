/**
 * Events of the audit stream (`audit-tree-heads`): signed tree heads of the Merkle
 * log over the global order (RFC 6962). A head covers the leaves that existed when
 * it was signed; its own event is a later leaf, covered by a later head.
 */
export interface TreeHead {
  /** Number of leaves covered: the events at global positions 1…treeSize. */
  treeSize: number;
  /** RFC 6962 root hash of those leaves, hex. */
  rootHash: string;
  /** ISO timestamp of the clock port when the head was signed. */
  signedAt: string;
  /** First 16 hex characters of SHA-256 of the raw 32-byte public key. */
  keyId: string;
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** Ed25519 over the UTF-8 bytes of canonicalJson({ keyId, rootHash, signedAt, treeSize }), base64. */
  signature: string;
}

export type AuditEvent = { type: 'TreeHeadSigned'; data: TreeHead };

export type AuditEventType = AuditEvent['type'];

export const auditEventTypes = ['TreeHeadSigned'] as const satisfies readonly AuditEventType[];
