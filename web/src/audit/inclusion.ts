import { nodeHash, sameBytes } from './hashes.ts';

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * The root an RFC 9162 §2.1.3.2 inclusion proof leads to from `leaf` at `index`
 * in a tree of `size` leaves, or null when the proof does not fit that tree.
 */
export const rootFromInclusion = async (
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
): Promise<Uint8Array | null> => {
  if (!isCount(index) || !isCount(size) || index >= size) return null;
  if (leaf.length !== 32 || proof.some((hash) => hash.length !== 32)) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await nodeHash(p, r);
      // Right-border nodes without a sibling: climb until this node is a right child.
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
};

/** Does `proof` show `leaf` at `index` in the tree of `size` leaves whose root is `root`? */
export const verifyInclusion = async (
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): Promise<boolean> => {
  const computed = await rootFromInclusion(leaf, index, size, proof);
  return computed !== null && sameBytes(computed, root);
};
