/** Where an event stands in the log and what it says: as stored and as the history shows it. */
export interface LoggedEvent {
  position: number;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  version: number;
  data: unknown;
  recordedAt: string;
}

/** An event as the audit history shows it (`auditHistory`), with its leaf hash. */
export interface AuditEvent extends LoggedEvent {
  businessDate: string;
  actor: { id: string; role: string; unitId: string | null; name: string | null };
  correlationId: string | null;
  causationId: string | null;
  idempotencyKey: string | null;
  /** As stored; absent from servers older than this console. */
  metadata?: Record<string, unknown>;
  leafHash: string;
  /**
   * Its leaf in the audit tree, from 0 in log order (position − 1 only on a log
   * without gaps); absent from servers older than this console.
   */
  leafIndex?: number | null;
}

/**
 * A signed tree head (RFC 6962 STH) over the first `treeSize` events of the log,
 * with the position of the event recording it.
 */
export interface TreeHead {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  keyId: string;
  publicKey: string;
  /** How many events at the start of the log were written before writes were authenticated; null on older heads. */
  legacyUpTo?: number | null;
  signature: string;
  position: number;
}

export interface AuditKey {
  keyId: string;
  algorithm: string;
  publicKey: string;
}

export interface InclusionProof {
  /** The leaf proven, from 0 in log order: stated by the server, checked by `leafIndexFits`. */
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
  rootHash: string;
}
