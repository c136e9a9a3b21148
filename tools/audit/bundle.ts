import type { TreeHead } from '../../contracts/events/audit-events.ts';
import type { EventMetadata } from '../../contracts/metadata.ts';

/** The format tag every bundle starts with; a reader refuses any other. */
export const bundleFormat = 'dubanju-audit-bundle/1';

/** The key the heads are signed with, as the bundle names it. */
export interface BundleKey {
  keyId: string;
  algorithm: 'Ed25519';
  /** Raw 32-byte public key, base64. */
  publicKey: string;
}

/** A signed head as stored, with the global position of the event that recorded it. */
export interface BundleHead extends TreeHead {
  position: number;
}

/** RFC 6962 consistency proof between two consecutive heads, hashes in hex. */
export interface BundleConsistency {
  fromSize: number;
  toSize: number;
  proof: string[];
}

/** An exported event: every stored field, its leaf index and hash, and its path to the head. */
export interface BundleEvent {
  position: number;
  /**
   * The event's leaf in the audit tree, from 0 in log order: position − 1 only on
   * a log without gaps. Absent from bundles written before it was exported; a
   * verifier then takes position − 1 and says so.
   */
  leafIndex?: number;
  streamId: string;
  revision: number;
  id: string;
  type: string;
  version: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
  /** Hex. */
  leafHash: string;
  /** Audit path to `head`, bottom-up, hex. */
  inclusionProof: string[];
}

/** The filters an export was asked for; absent members select everything. */
export interface ExportFilters {
  stream?: string;
  type?: string;
  actor?: string;
  unit?: string;
  /** Recorded at or after (ISO). */
  from?: string;
  /** Recorded at or before (ISO). */
  to?: string;
}

/** Runs of consecutive positions, `[first, last]` inclusive: a full export is one run. */
export type PositionRuns = [number, number][];

/**
 * What the export selected, signed with the audit key: without it, an event taken
 * out of a bundle would leave every remaining proof intact and go unnoticed.
 */
export interface BundleSelection {
  filters: ExportFilters;
  /** Size and root of the head the events are proven against. */
  treeSize: number;
  rootHash: string;
  exportedAt: string;
  count: number;
  positions: PositionRuns;
  keyId: string;
  /** Ed25519 over `selectionMessage`, base64; absent when the exporter had no key. */
  signature?: string;
}

/** A self-contained proof of part of the log that a verifier checks offline. */
export interface AuditBundle {
  format: typeof bundleFormat;
  exportedAt: string;
  publicKey: BundleKey;
  /** Every signed head found, in log order. */
  heads: BundleHead[];
  /** The latest head: the one every inclusion proof leads to. */
  head: BundleHead;
  /** Between each pair of consecutive heads. */
  consistency: BundleConsistency[];
  events: BundleEvent[];
  selection: BundleSelection;
}

/** The members written before the events, on the first line of an exported file. */
export type BundleHeader = Omit<AuditBundle, 'events' | 'selection'>;

/** A file that is not a bundle at all (as opposed to a bundle that fails to verify). */
export class BundleFormatError extends Error {
  override name = 'BundleFormatError';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the members before the events have the bundle's outer shape, naming the
 * first that does not. Their contents are the verifier's to judge, item by item,
 * so one damaged head or event is reported rather than refusing the whole file.
 */
export const asBundleHeader = (value: unknown): BundleHeader => {
  if (!isObject(value)) throw new BundleFormatError('the file does not hold a JSON object');
  if (value.format !== bundleFormat) {
    throw new BundleFormatError(`format: must be ${bundleFormat}, not ${String(value.format)}`);
  }
  for (const member of ['publicKey', 'head']) {
    if (!isObject(value[member])) throw new BundleFormatError(`${member}: must be an object`);
  }
  for (const member of ['heads', 'consistency']) {
    if (!Array.isArray(value[member])) throw new BundleFormatError(`${member}: must be an array`);
  }
  return value as unknown as BundleHeader;
};

export const asSelection = (value: unknown): BundleSelection => {
  if (!isObject(value)) throw new BundleFormatError('selection: must be an object');
  return value as unknown as BundleSelection;
};

/** A whole bundle parsed at once: the header, an events array and the selection. */
export const asBundle = (value: unknown): AuditBundle => {
  const header = asBundleHeader(value);
  const { events, selection } = value as Record<string, unknown>;
  if (!Array.isArray(events)) throw new BundleFormatError('events: must be an array');
  return { ...header, events, selection: asSelection(selection) };
};
