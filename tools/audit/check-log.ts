import { rootHash, type SubtreeSource } from '../../domain/merkle/index.ts';
import type { AuditRecord } from './audit-store.ts';
import { compactTree } from './compact-tree.ts';
import { checkHeadChain, type HeadChain, nameFoundHead } from './head-chain.ts';
import { namePositions } from './hex.ts';
import { locateDivergence } from './locate.ts';
import { type FoundHead, type LogScan, missingRuns } from './scan-log.ts';

/** A place where the log is not what was signed or recorded. */
export interface Divergence {
  position: number;
  what: string;
}

/** The verdict of recomputing the log against its signed heads and the audit record. */
export interface CheckReport {
  /** By position; the first is the first divergence. */
  divergences: Divergence[];
  /** Heads that cannot be trusted, each named. */
  headProblems: string[];
  /** Differences that incriminate the audit record rather than the log. */
  warnings: string[];
  chain: HeadChain;
  /** Size of the largest valid head the log matches (0: none). */
  agreedSize: number;
  scan: LogScan;
  /** The tree of the log as read, every perfect subtree computed: proofs come from it. */
  log: SubtreeSource;
  /** Whether the audit record was there to compare the log with, leaf by leaf. */
  recordChecked: boolean;
}

export interface CheckInput {
  scan: LogScan;
  /** `audit.sqlite`, when present. */
  record: AuditRecord | null;
  /** The key heads must be signed with (raw), when known. */
  trustedKey: Buffer | null;
  /** Heads known from elsewhere (a bundle exported earlier), besides the log's own. */
  extraHeads?: readonly FoundHead[];
}

const structuralDivergences = (scan: LogScan): Divergence[] => {
  const unreadable = new Set(scan.unreadable);
  const missing = missingRuns(scan).filter(([first]) => !unreadable.has(first));
  return [
    ...scan.unreadable.map((position) => ({
      position,
      what: 'the stored row cannot be read back (its data or metadata is not JSON)',
    })),
    ...missing.map(([first, last]) => ({
      position: first,
      what: `event missing: ${namePositions([first, last])} absent between position ${first - 1} and ${last + 1} (deleted from the log)`,
    })),
  ];
};

/** The first signed head the log disagrees with, located as narrowly as the record allows. */
const signedDivergence = (
  log: SubtreeSource,
  input: CheckInput,
  chain: HeadChain,
): { divergence: Divergence | null; agreedSize: number } => {
  let agreedSize = 0;
  for (const found of chain.valid) {
    const { treeSize } = found.head;
    if (treeSize > log.size) {
      const what = `the log ends at position ${log.size}, but the signed ${nameFoundHead(found)} covers ${treeSize} events: the tail was cut off`;
      return { divergence: { position: log.size + 1, what }, agreedSize };
    }
    const root = Buffer.from(found.head.rootHash, 'hex');
    if (rootHash(log, treeSize).equals(root)) {
      agreedSize = treeSize;
      continue;
    }
    const located = locateDivergence(log, input.record, treeSize, root, agreedSize);
    const head = `the signed ${nameFoundHead(found)}`;
    const divergence =
      located.kind === 'exact'
        ? {
            position: located.position,
            what: `the event differs from the one ${head} covers (changed after it was signed)`,
          }
        : {
            position: located.first,
            what: `somewhere in ${namePositions([located.first, located.last])} the log differs from ${head}; no trusted record narrows it further`,
          };
    return { divergence, agreedSize };
  }
  return { divergence: null, agreedSize };
};

/**
 * The log against the audit record, leaf by leaf. Where a signed head already
 * vouches for the log (up to `agreedSize`), a difference means the record was
 * altered (a warning); beyond it, the event changed since it was recorded.
 */
const recordComparison = (scan: LogScan, record: AuditRecord, agreedSize: number) => {
  const divergences: Divergence[] = [];
  const warnings: string[] = [];
  const { leaves } = record;
  const shared = Math.min(leaves.size, scan.size);
  for (let index = 0; index < shared; index++) {
    if (!leaves.has(index) || !scan.leaves.has(index)) continue;
    if (leaves.get(index).equals(scan.leaves.get(index))) continue;
    const position = index + 1;
    if (position <= agreedSize) {
      warnings.push(
        `position ${position}: audit.sqlite records another leaf, but the log matches its signed head: the audit record was altered`,
      );
    } else {
      divergences.push({
        position,
        what: 'leaf hash differs from the one the audit service recorded when it first saw the event',
      });
    }
  }
  if (leaves.size > scan.size) {
    divergences.push({
      position: scan.size + 1,
      what: `the log ends at position ${scan.size}, but the audit service recorded leaves up to ${leaves.size}: the tail was cut off`,
    });
  }
  return { divergences, warnings };
};

const recordApartWarning =
  'audit.sqlite numbers its leaves apart from the positions (it indexed a log with gaps), so it is not the record of this log: not compared';

/** Keeps the first divergence named at each position (the most specific is added first). */
const byPosition = (divergences: readonly Divergence[]): Divergence[] => {
  const seen = new Set<number>();
  return divergences
    .filter(({ position }) => !seen.has(position) && seen.add(position))
    .sort((a, b) => a.position - b.position);
};

/**
 * Recomputes the log against every signed head (and the audit record, when there
 * is one and it numbers its leaves as this log does): events missing or unreadable, the first head the log no longer matches
 * and the first position where it parts from it, a tail cut off, heads whose
 * signatures fail.
 */
export const checkLog = (given: CheckInput): CheckReport => {
  const apart = given.record?.leavesApartFromPositions === true;
  const input = apart ? { ...given, record: null } : given;
  const { scan } = input;
  const chain = checkHeadChain(
    [...scan.heads, ...(input.extraHeads ?? [])],
    input.trustedKey,
    scan.rotations,
  );
  const log = compactTree(scan.leaves, scan.size);
  const signed = signedDivergence(log, input, chain);
  const recorded = input.record
    ? recordComparison(scan, input.record, signed.agreedSize)
    : { divergences: [], warnings: [] };
  return {
    divergences: byPosition([
      ...structuralDivergences(scan),
      ...(signed.divergence ? [signed.divergence] : []),
      ...recorded.divergences,
    ]),
    headProblems: chain.problems,
    warnings: [...(apart ? [recordApartWarning] : []), ...recorded.warnings],
    chain,
    agreedSize: signed.agreedSize,
    scan,
    log,
    recordChecked: input.record !== null,
  };
};
