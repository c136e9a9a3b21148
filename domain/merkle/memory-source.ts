import { validationError } from '../../contracts/errors.ts';
import { isHash } from './bytes.ts';
import { HASH_SIZE, nodeHash } from './hashes.ts';
import type { SubtreeSource } from './source.ts';

/**
 * A SubtreeSource holding every perfect subtree of the given leaf hashes in
 * memory: one contiguous buffer per level, about 2·n·32 bytes in all. For tests,
 * the offline verifier and small exports. Each answer is a copy, so a caller that
 * alters a proof cannot alter the tree.
 */
export const memorySubtreeSource = (leaves: readonly Uint8Array[]): SubtreeSource => {
  const levels = buildLevels(leafLevel(leaves));
  return {
    size: leaves.length,
    subtree: (level, index) => Buffer.from(hashAt(levels, level, index)),
  };
};

const leafLevel = (leaves: readonly Uint8Array[]): Buffer => {
  const level = Buffer.alloc(leaves.length * HASH_SIZE);
  leaves.forEach((leaf, i) => {
    if (!isHash(leaf)) throw validationError(`leaves[${i}]`, 'must be a 32-byte hash');
    level.set(leaf, i * HASH_SIZE);
  });
  return level;
};

/** Level l + 1 holds the parents of complete pairs of level l; a lone last node waits. */
const buildLevels = (leaves: Buffer): Buffer[] => {
  const levels = [leaves];
  for (let below = leaves; below.length >= 2 * HASH_SIZE; ) {
    const count = Math.floor(below.length / HASH_SIZE / 2);
    const level = Buffer.alloc(count * HASH_SIZE);
    for (let i = 0; i < count; i++) {
      const left = slot(below, 2 * i);
      const right = slot(below, 2 * i + 1);
      level.set(nodeHash(left, right), i * HASH_SIZE);
    }
    levels.push(level);
    below = level;
  }
  return levels;
};

const hashAt = (levels: readonly Buffer[], level: number, index: number): Buffer => {
  const hashes = levels[level];
  if (hashes === undefined || !Number.isSafeInteger(index) || index < 0) {
    throw validationError('level', `no perfect subtree (${level}, ${index}) in this tree`);
  }
  if ((index + 1) * HASH_SIZE > hashes.length) {
    throw validationError('index', `no perfect subtree (${level}, ${index}) in this tree`);
  }
  return slot(hashes, index);
};

const slot = (level: Buffer, index: number): Buffer =>
  level.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
