import { bytesEqual, isBytes, isHash, isHashList } from './bytes.ts';
import { nodeHash } from './hashes.ts';
import { half, isCount, isOdd, isPowerOfTwo } from './sizes.ts';

/**
 * RFC 9162 §2.1.3.2: does `proof` show the leaf hash `leaf` at `index` in the
 * tree of `size` leaves whose root is `root`? Strict and total: an index outside
 * the tree, a proof of the wrong length, or any hash that is not 32 bytes gives
 * false; it never throws.
 */
export const verifyInclusion = (
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean => {
  if (!isCount(index) || !isCount(size) || index >= size) return false;
  if (!isHash(leaf) || !isHash(root) || !isHashList(proof)) return false;
  const computed = rootFromInclusion(leaf, index, size, proof);
  return computed !== null && bytesEqual(computed, root);
};

/** The root the path leads to, or null when the path does not fit the tree's shape. */
const rootFromInclusion = (
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Uint8Array | null => {
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // Skip the levels where this node is a right-border node with no sibling.
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? r : null;
};

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of `size1` leaves with root
 * `root1` is a prefix of the tree of `size2` leaves with root `root2`? Strict and
 * total, with the edge cases of the transparency-dev/merkle vectors: size1 > size2
 * is false; size1 = 0 is false (nothing to prove from an empty tree); equal sizes
 * hold iff the proof is empty and the roots are equal; a proof of the wrong length
 * or with a hash that is not 32 bytes is false. Never throws.
 */
export const verifyConsistency = (
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean => {
  if (!isCount(size1) || !isCount(size2) || size1 === 0 || size1 > size2) return false;
  if (!Array.isArray(proof)) return false;
  if (size1 === size2) {
    return proof.length === 0 && isBytes(root1) && isBytes(root2) && bytesEqual(root1, root2);
  }
  if (proof.length === 0 || !isHashList(proof) || !isHash(root1) || !isHash(root2)) return false;
  // A power-of-two old tree is itself a node of the new one: its root seeds the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  const roots = rootsFromConsistency(size1, size2, path);
  return roots !== null && bytesEqual(roots.first, root1) && bytesEqual(roots.second, root2);
};

/** Both roots the path leads to, or null when it does not fit the trees' shapes. */
const rootsFromConsistency = (
  size1: number,
  size2: number,
  path: readonly Uint8Array[],
): { first: Uint8Array; second: Uint8Array } | null => {
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return null;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 ? { first: fr, second: sr } : null;
};
