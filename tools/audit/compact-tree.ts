import type { SubtreeSource } from '../../domain/merkle/index.ts';
import { HASH_SIZE, nodeHash } from '../../domain/merkle/index.ts';

/**
 * A whole log's leaf hashes in one buffer, 32 bytes a leaf, slot i holding the
 * leaf of global position i + 1. A million leaves take 32 MB here, where an array
 * of Buffers would take several times that in object headers alone.
 */
export interface CompactLeaves {
  /** Number of slots: the highest position set. */
  readonly size: number;
  set(index: number, hash: Uint8Array): void;
  get(index: number): Buffer;
  /** Whether a slot was ever set: an unset slot is an event the log lacks. */
  has(index: number): boolean;
}

const EMPTY = Buffer.alloc(HASH_SIZE);

/** A growable set of leaf slots; unset slots read as 32 zero bytes, which no leaf hash is. */
export const compactLeaves = (initialCapacity = 1024): CompactLeaves => {
  let bytes = Buffer.alloc(initialCapacity * HASH_SIZE);
  let filled = new Uint8Array(initialCapacity);
  let size = 0;
  const grow = (needed: number) => {
    let capacity = filled.length;
    while (capacity < needed) capacity *= 2;
    const nextBytes = Buffer.alloc(capacity * HASH_SIZE);
    bytes.copy(nextBytes);
    const nextFilled = new Uint8Array(capacity);
    nextFilled.set(filled);
    bytes = nextBytes;
    filled = nextFilled;
  };
  return {
    get size() {
      return size;
    },
    set(index, hash) {
      if (index >= filled.length) grow(index + 1);
      bytes.set(hash, index * HASH_SIZE);
      filled[index] = 1;
      size = Math.max(size, index + 1);
    },
    get(index) {
      if (index >= size) return EMPTY;
      return bytes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
    },
    has: (index) => index < size && filled[index] === 1,
  };
};

/**
 * Every perfect subtree of the first `size` leaves, level by level (about 2n
 * hashes in all), so a root or a proof costs lookups only: exporting proofs for
 * a million events stays O(n log n) hashing at worst, not O(n) per proof.
 */
export const compactTree = (leaves: CompactLeaves, size = leaves.size): SubtreeSource => {
  const levels: Buffer[] = [leafLevel(leaves, size)];
  for (let count = Math.floor(size / 2); count >= 1; count = Math.floor(count / 2)) {
    levels.push(parentLevel(levels[levels.length - 1]!, count));
  }
  return {
    size,
    subtree(level, index) {
      const hashes = levels[level];
      if (!hashes || (index + 1) * HASH_SIZE > hashes.length) {
        throw new RangeError(`no perfect subtree at level ${level}, index ${index}`);
      }
      // A copy: a caller that alters a proof must not alter the tree.
      return Buffer.from(hashes.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE));
    },
  };
};

const leafLevel = (leaves: CompactLeaves, size: number): Buffer => {
  const level = Buffer.alloc(size * HASH_SIZE);
  for (let i = 0; i < size; i++) level.set(leaves.get(i), i * HASH_SIZE);
  return level;
};

const parentLevel = (children: Buffer, count: number): Buffer => {
  const level = Buffer.alloc(count * HASH_SIZE);
  for (let i = 0; i < count; i++) {
    const left = children.subarray(2 * i * HASH_SIZE, (2 * i + 1) * HASH_SIZE);
    const right = children.subarray((2 * i + 1) * HASH_SIZE, (2 * i + 2) * HASH_SIZE);
    level.set(nodeHash(left, right), i * HASH_SIZE);
  }
  return level;
};
