import { rangeHash } from './range-hash.ts';
import { requireCount, splitPoint } from './sizes.ts';
import type { SubtreeSource } from './source.ts';

/**
 * RFC 6962 PATH(m, D[n]) (RFC 9162 §2.1.3.1): the audit path of leaf `index` in
 * the tree of its first `size` leaves, bottom-up. Walks down from the root; each
 * step costs one sibling, a perfect subtree on the left or a range hash on the
 * right, so O(log² n) lookups. Throws a VALIDATION error unless
 * 0 ≤ index < size ≤ source.size.
 */
export const inclusionProof = (source: SubtreeSource, index: number, size: number): Buffer[] => {
  requireCount('size', size, 1, source.size);
  requireCount('index', index, 0, size - 1);
  const siblings: Buffer[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k.size) {
      siblings.push(rangeHash(source, lo + k.size, hi));
      hi = lo + k.size;
    } else {
      siblings.push(source.subtree(k.level, lo / k.size));
      lo += k.size;
    }
  }
  return siblings.reverse();
};

/**
 * RFC 6962 PROOF(m, D[n]) (RFC 9162 §2.1.4.1): the consistency proof between the
 * tree at `size1` and at `size2` leaves, for 0 < size1 ≤ size2 ≤ source.size
 * (equal sizes: an empty proof). Follows SUBPROOF down from the root, O(log² n)
 * lookups. Throws a VALIDATION error for sizes out of range.
 */
export const consistencyProof = (source: SubtreeSource, size1: number, size2: number): Buffer[] => {
  requireCount('size2', size2, 1, source.size);
  requireCount('size1', size1, 1, size2);
  const siblings: Buffer[] = [];
  let lo = 0;
  let hi = size2;
  // SUBPROOF's flag b: still on the left edge, where the old root is the verifier's own.
  let onLeftEdge = true;
  while (size1 < hi) {
    const k = splitPoint(hi - lo);
    if (size1 <= lo + k.size) {
      siblings.push(rangeHash(source, lo + k.size, hi));
      hi = lo + k.size;
    } else {
      siblings.push(source.subtree(k.level, lo / k.size));
      lo += k.size;
      onLeftEdge = false;
    }
  }
  const seed = onLeftEdge ? [] : [rangeHash(source, lo, hi)];
  return [...seed, ...siblings.reverse()];
};
