import { nodeHash, rangeHash, type SubtreeSource } from '../../domain/merkle/index.ts';
import type { AuditRecord } from './audit-store.ts';

/** Where a signed head and the log part ways: one position, or the narrowest window known. */
export type Located =
  | { kind: 'exact'; position: number }
  | { kind: 'window'; first: number; last: number };

class Missing extends Error {}

/** RFC 6962's split of n ≥ 2 leaves: the largest power of two below n. */
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** The range hash as the audit record has it, or undefined where the record lacks a part. */
const recordedRange = (
  record: AuditRecord,
  size: number,
  start: number,
  end: number,
): Buffer | undefined => {
  const source: SubtreeSource = {
    size,
    subtree(level, index) {
      const hash = record.subtree(level, index);
      if (!hash) throw new Missing();
      return hash;
    },
  };
  try {
    return rangeHash(source, start, end);
  } catch (error) {
    if (error instanceof Missing) return undefined;
    throw error;
  }
};

/**
 * Finds the first leaf where the log leaves the tree a signed head commits to.
 * Walks down from the signed root along RFC 6962's split: at each node the audit
 * record's two children must hash to the trusted parent (so a record altered to
 * match the log is caught there), and the walk goes left whenever the log's left
 * half differs. Where the record cannot vouch for a node, the answer is the window
 * reached, clipped by `agreedSize` (the largest head the log still matches).
 * Requires that the log's root at `treeSize` differs from `root`.
 */
export const locateDivergence = (
  log: SubtreeSource,
  record: AuditRecord | null,
  treeSize: number,
  root: Buffer,
  agreedSize: number,
): Located => {
  let lo = 0;
  let hi = treeSize;
  let expected = root;
  while (record && hi - lo > 1) {
    const mid = lo + split(hi - lo);
    const left = recordedRange(record, treeSize, lo, mid);
    const right = recordedRange(record, treeSize, mid, hi);
    if (!left || !right || !nodeHash(left, right).equals(expected)) break;
    if (!rangeHash(log, lo, mid).equals(left)) {
      hi = mid;
      expected = left;
    } else {
      lo = mid;
      expected = right;
    }
  }
  const first = Math.max(lo, agreedSize) + 1;
  return first >= hi ? { kind: 'exact', position: hi } : { kind: 'window', first, last: hi };
};
