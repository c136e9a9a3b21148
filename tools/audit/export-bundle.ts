import type { KeyObject } from 'node:crypto';
import {
  consistencyProof,
  eventLeafHash,
  inclusionProof,
  type SubtreeSource,
} from '../../domain/merkle/index.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import type { AuditRecord } from './audit-store.ts';
import {
  type BundleConsistency,
  type BundleEvent,
  type BundleHead,
  type BundleHeader,
  type BundleSelection,
  bundleFormat,
  type ExportFilters,
} from './bundle.ts';
import { openBundleWriter } from './bundle-writer.ts';
import { checkLog } from './check-log.ts';
import { checkSigningKey, ExportRefused, targetHead } from './export-target.ts';
import { matchesFilters } from './filters.ts';
import { toHex } from './hex.ts';
import { keyIdOf, rawPublicKeyOf } from './keys.ts';
import { scanLog } from './scan-log.ts';
import { signSelection, toRuns } from './selection.ts';

export interface ExportOptions {
  store: EventStore;
  record: AuditRecord | null;
  /** The audit key's private half, to sign the selection; null exports it unsigned. */
  signingKey: KeyObject | null;
  filters: ExportFilters;
  out: string;
  /** ISO timestamp of the export. */
  exportedAt: string;
}

export interface ExportResult {
  head: BundleHead;
  heads: number;
  exported: number;
  /** Selected events after the head: not provable until a later head covers them. */
  leftOut: number;
  keyId: string;
  selectionSigned: boolean;
  /** Divergences past the head, which do not stop the export but deserve a look. */
  warnings: string[];
}

const consistencyChain = (tree: SubtreeSource, heads: readonly BundleHead[]): BundleConsistency[] =>
  heads.slice(1).map((head, i) => {
    const fromSize = heads[i]!.treeSize;
    return {
      fromSize,
      toSize: head.treeSize,
      proof: toHex(consistencyProof(tree, fromSize, head.treeSize)),
    };
  });

/** The public key the heads were held to, as the bundle names it. */
const bundleKey = (raw: Buffer) => ({
  keyId: keyIdOf(raw),
  algorithm: 'Ed25519' as const,
  publicKey: raw.toString('base64'),
});

/**
 * The event's leaf index in the log the exporter reads, the embedded SQLite file:
 * its schema numbers events 1, 2, 3… without gaps (an append out of sequence is
 * refused), and the first pass refused a log with a position missing under the
 * head, so leaf i is position i + 1. Written into the bundle all the same, as a
 * bundle of a log with gaps (made in the console) must say it.
 */
const leafIndexInSqliteLog = (event: StoredEvent): number => event.position - 1;

const bundleEvent = (event: StoredEvent, tree: SubtreeSource, leafHash: Buffer): BundleEvent => ({
  position: event.position,
  leafIndex: leafIndexInSqliteLog(event),
  streamId: event.streamId,
  revision: event.revision,
  id: event.id,
  type: event.type,
  version: event.version,
  data: event.data,
  metadata: event.metadata,
  recordedAt: event.recordedAt,
  leafHash: leafHash.toString('hex'),
  inclusionProof: toHex(inclusionProof(tree, leafIndexInSqliteLog(event), tree.size)),
});

/**
 * Exports the events the filters select, each with its inclusion proof to the
 * latest signed head, with every head, the consistency proofs between them and the
 * signed selection. Reads the log twice: once to recompute every leaf and check it
 * against the heads (refusing, with the first bad position, a log that disagrees),
 * once to write the selected events. Memory: about 100 bytes a leaf for the tree
 * (a million events: some 500 MB resident in all, measured).
 */
export const exportBundle = async (options: ExportOptions): Promise<ExportResult> => {
  const scan = await scanLog(options.store);
  const report = checkLog({
    scan,
    record: options.record,
    trustedKey: options.signingKey ? rawPublicKeyOf(options.signingKey) : null,
  });
  const head = targetHead(report);
  const key = report.chain.key!;
  checkSigningKey(options.signingKey, key);
  // The checked tree, cut to the head: perfect subtrees below its size are the same.
  const tree: SubtreeSource = { size: head.treeSize, subtree: report.log.subtree };
  // Heads of the key in force only: the bundle names one key (heads signed before a
  // rotation hold under the old key, which audit:check follows in the log itself).
  const current = key.toString('base64');
  const heads = report.chain.valid
    .filter(({ head }) => head.publicKey === current)
    .map(({ position, head }) => ({ ...head, position }))
    .sort((a, b) => a.position - b.position);
  if (head.publicKey !== current) {
    throw new ExportRefused([
      `the signing key was handed on to ${keyIdOf(key)}, which has signed no head yet: sign one (the signTreeHead mutation), then export`,
    ]);
  }
  const header: BundleHeader = {
    format: bundleFormat,
    exportedAt: options.exportedAt,
    publicKey: bundleKey(key),
    heads,
    head,
    consistency: consistencyChain(tree, heads),
  };
  const written = await writeEvents(options, header, tree, scan.leaves);
  return {
    head,
    heads: heads.length,
    exported: written.positions.length,
    leftOut: written.leftOut,
    keyId: keyIdOf(key),
    selectionSigned: written.selection.signature !== undefined,
    warnings: [
      ...report.warnings,
      ...report.divergences
        .filter(({ position }) => position > head.treeSize)
        .map(
          ({ position, what }) => `position ${position} (after the head, not exported): ${what}`,
        ),
    ],
  };
};

/** The event's leaf, refusing an event that changed since the first pass checked it. */
const unchangedLeaf = (event: StoredEvent, leaves: { get(index: number): Buffer }): Buffer => {
  const leaf = eventLeafHash(event);
  if (!leaf.equals(leaves.get(leafIndexInSqliteLog(event)))) {
    throw new ExportRefused([`position ${event.position}: changed while the export was running`]);
  }
  return leaf;
};

/** The second pass: the selected events, with their proofs, into the bundle file. */
const writeEvents = async (
  options: ExportOptions,
  header: BundleHeader,
  tree: SubtreeSource,
  leaves: { get(index: number): Buffer },
) => {
  const writer = openBundleWriter(options.out, header);
  const positions: number[] = [];
  let leftOut = 0;
  try {
    for (let after = 0; ; ) {
      const page = await options.store.readAll({ after, limit: 2000 });
      if (page.length === 0) break;
      for (const event of page) {
        if (!matchesFilters(event, options.filters)) continue;
        if (leafIndexInSqliteLog(event) >= tree.size) {
          leftOut += 1;
          continue;
        }
        writer.event(bundleEvent(event, tree, unchangedLeaf(event, leaves)));
        positions.push(event.position);
      }
      after = page[page.length - 1]!.position;
    }
    const selection = selectionOf(options, header.head, header.publicKey.keyId, positions);
    writer.finish(selection);
    return { positions, leftOut, selection };
  } catch (error) {
    writer.abandon();
    throw error;
  }
};

const selectionOf = (
  options: ExportOptions,
  head: BundleHead,
  keyId: string,
  positions: number[],
): BundleSelection => {
  const selection: BundleSelection = {
    filters: options.filters,
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    exportedAt: options.exportedAt,
    count: positions.length,
    positions: toRuns(positions),
    keyId,
  };
  return options.signingKey ? signSelection(selection, options.signingKey) : selection;
};
