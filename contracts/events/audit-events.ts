import type { Role } from '../actor.ts';

/**
 * Events of the audit: records of who read the history, and signed tree heads
 * (stream `audit-tree-heads`) of the Merkle log over the global order (RFC 6962).
 * A head covers the leaves that existed when it was signed; its own event is a
 * later leaf, covered by a later head.
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
  /**
   * Events 1…legacyUpTo were written before writes were authenticated and carry
   * no write MAC; every later one must carry one. Fixed by the first head that
   * says it (0: none), repeated by every later head; absent on heads signed
   * before writes were authenticated.
   */
  legacyUpTo?: number;
  /**
   * Ed25519 over the UTF-8 bytes of canonicalJson({ keyId, legacyUpTo, rootHash,
   * signedAt, treeSize }) (legacyUpTo left out when absent), base64.
   */
  signature: string;
  /**
   * The term of the `audit` lease the head was signed under (a fencing token,
   * see `Lease.term`), not covered by the signature: the stream refuses a head
   * under a term older than one it has recorded. Absent: signed on demand or
   * without an election.
   */
  leaseTerm?: number;
}

/**
 * A witness's cosignature of a signed head (c2sp.org/tlog-cosignature, Ed25519):
 * the witness checked, on its own machine, that the head's tree extends the
 * last one it cosigned. Verified against the configured witness keys before
 * it is recorded.
 */
export interface TreeHeadCosignature {
  treeSize: number;
  /** The head's root, hex. */
  rootHash: string;
  /** The witness's key name. */
  witness: string;
  /** The 32-bit key ID of the witness's key, 8 hex characters. */
  keyId: string;
  /** When the witness cosigned, seconds since the epoch (as it signed it). */
  timestamp: number;
  /** base64(key ID ‖ timestamp ‖ Ed25519 signature): the signature line's value. */
  signature: string;
}

/**
 * The audit signing key handed on (key rotation): announced by the key it
 * replaces, recorded in the tree-head stream before any head the new key signs.
 * Whoever trusts the old key can so follow the log to the new one; a key that
 * turns up without such an announcement (a deleted key replaced) is not the log's.
 */
export interface SigningKeyRotation {
  fromKeyId: string;
  /** The old raw 32-byte Ed25519 public key, base64. */
  fromPublicKey: string;
  toKeyId: string;
  /** The new raw 32-byte Ed25519 public key, base64. */
  toPublicKey: string;
  /** The size of the last head the old key signed (0: none). */
  afterTreeSize: number;
  /** ISO timestamp of the clock port when it was handed on. */
  at: string;
  /**
   * Ed25519 by the old key over the UTF-8 bytes of "dubanju audit key rotation v1\n"
   * followed by canonicalJson({ afterTreeSize, at, fromKeyId, toKeyId, toPublicKey }), base64.
   */
  signature: string;
}

/**
 * The audit service found its own stored log altered behind its back (an
 * event that no longer hashes to the leaf it indexed, a position missing, a
 * log that ends too soon): recorded where it can still write, once per
 * divergence, in the stream `audit-alarms`.
 */
export interface AuditAlarm {
  position: number;
  what: string;
  /** ISO timestamp of the clock port when it was found. */
  at: string;
}

/** The histories whose reading is itself recorded. */
export type AuditedRead = 'auditHistory' | 'taskHistory';

/**
 * A read of the record (查阅留痕): an inspector or a leader searched the audit
 * history or read a task's history. Stored in `audit-reads-<day>-<actor>` streams,
 * one per reader per day (UTC+8), so readers never contend for one stream.
 */
export interface HistoryRead {
  actorId: string;
  role: Role;
  /** The reader's unit, where its token names one. */
  unitId?: string;
  operation: AuditedRead;
  /** What was asked: the search's filters and page (absent ones left out), or `{ taskId }`. */
  query: Record<string, unknown>;
  /** How many events the answer carried (one page of a search). */
  resultCount: number;
  /** ISO timestamp of the clock port when the read was answered. */
  at: string;
  /**
   * The window this record covers: later reads of the same thing by the same
   * reader before `to` add no record. Absent on records made before windows.
   */
  window?: { from: string; to: string };
  /**
   * How many times the reader read it in the window: 1 on the record made at the
   * window's first read; on a second record of the same window, made once it is
   * over, the total (when it was read again). Absent on records made before counts.
   */
  reads?: number;
}

/** Roles whose reads of the history are recorded; the others read only what they act on. */
export const recordedReaders = ['inspector', 'leader'] as const satisfies readonly Role[];

export type AuditEvent =
  | { type: 'TreeHeadSigned'; data: TreeHead }
  | { type: 'TreeHeadCosigned'; data: TreeHeadCosignature }
  | { type: 'SigningKeyRotated'; data: SigningKeyRotation }
  | { type: 'AuditAlarmRaised'; data: AuditAlarm }
  | { type: 'AuditHistoryRead'; data: HistoryRead };

export type AuditEventType = AuditEvent['type'];

export const auditEventTypes = [
  'TreeHeadSigned',
  'TreeHeadCosigned',
  'SigningKeyRotated',
  'AuditAlarmRaised',
  'AuditHistoryRead',
] as const satisfies readonly AuditEventType[];
