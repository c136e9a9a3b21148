import type { StoredEvent } from './stored-event.ts';
import type { AuditKey, TreeHead } from './types.ts';

/** The format tag of `tools/audit/bundle.ts`: `npm run audit:verify` reads what this writes. */
export const bundleFormat = 'dubanju-audit-bundle/1';

/** An event proven against the head: its stored fields, leaf index and hash, and audit path (hex). */
export interface ProvenEvent {
  stored: StoredEvent;
  /** Its leaf, from 0 in log order, as its inclusion proof names it: position − 1 only on a log without gaps. */
  leafIndex: number;
  leafHash: string;
  inclusionProof: string[];
}

/** The filters in the exporter's terms; absent members select everything. */
export interface BundleFilters {
  stream?: string;
  type?: string;
  actor?: string;
  unit?: string;
}

/** Runs of consecutive positions, `[first, last]`, as the exporter lists a selection. */
export const toRuns = (positions: readonly number[]): [number, number][] => {
  const runs: [number, number][] = [];
  for (const position of positions) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === position) last[1] = position;
    else runs.push([position, position]);
  }
  return runs;
};

/**
 * A bundle in the exporter's file layout (header on line 1, one event a line, the
 * selection last), proving the events against one signed head. A browser holds no
 * signing key, so the selection is unsigned: the bundle proves every event it
 * holds, not that none was left out (`--allow-unsigned-selection` accepts that).
 */
export const bundleText = (
  events: readonly ProvenEvent[],
  head: TreeHead,
  key: AuditKey,
  filters: BundleFilters,
  exportedAt: string,
): string => {
  const header = {
    format: bundleFormat,
    exportedAt,
    publicKey: { keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicKey },
    heads: [head],
    head,
    consistency: [],
  };
  const lines = events.map(({ stored, leafIndex, leafHash, inclusionProof }) =>
    JSON.stringify({ ...stored, leafIndex, leafHash, inclusionProof }),
  );
  const selection = {
    filters,
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    exportedAt,
    count: events.length,
    positions: toRuns(events.map((event) => event.stored.position)),
    keyId: key.keyId,
  };
  return (
    `${JSON.stringify(header).slice(0, -1)},"events":[` +
    lines.map((line, i) => `${i === 0 ? '\n' : ',\n'}${line}`).join('') +
    `\n],"selection":${JSON.stringify(selection)}}\n`
  );
};
