import { validationError } from '../../contracts/errors.ts';
import { emptyRoot, nodeHash } from './hashes.ts';
import { largestPowerOfTwoAtMost, requireCount } from './sizes.ts';
import type { SubtreeSource } from './source.ts';

/**
 * MTH(D[start:end]) of RFC 6962 §2.1, from at most log₂(n) perfect subtrees: the
 * range is cut, left to right, into the perfect subtrees its recursion would
 * build, and they are folded from the right. Serves every range that occurs in
 * RFC 6962 recursion (the left part at each split is an aligned perfect subtree);
 * throws a VALIDATION error for any other range, or one beyond `source.size`.
 */
export const rangeHash = (source: SubtreeSource, start: number, end: number): Buffer => {
  requireCount('end', end, 0, source.size);
  requireCount('start', start, 0, end);
  if (start === end) return emptyRoot();
  const parts = perfectParts(source, start, end);
  let hash = parts[parts.length - 1]!;
  for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(parts[i]!, hash);
  return hash;
};

/** The tree's root hash at `size` leaves; the empty tree's is SHA-256(""). */
export const rootHash = (source: SubtreeSource, size: number): Buffer => {
  requireCount('size', size, 0, source.size);
  return rangeHash(source, 0, size);
};

const perfectParts = (source: SubtreeSource, start: number, end: number): Buffer[] => {
  const parts: Buffer[] = [];
  for (let lo = start; lo < end; ) {
    const { size, level } = largestPowerOfTwoAtMost(end - lo);
    if (lo % size !== 0) {
      throw validationError('start', `[${start}, ${end}) is not a range of RFC 6962 recursion`);
    }
    parts.push(source.subtree(level, lo / size));
    lo += size;
  }
  return parts;
};
