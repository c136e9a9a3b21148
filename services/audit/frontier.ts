import { nodeHash } from '../../domain/merkle/hashes.ts';

/**
 * The right edge of a Merkle tree being built leaf by leaf: for each level, the
 * root of the last perfect subtree still waiting for its right sibling. These are
 * exactly the perfect subtrees a tree of `size` leaves decomposes into, one per
 * set bit of `size`, so appending never needs more than they hold.
 */
export type Frontier = Map<number, Buffer>;

/** A perfect subtree over leaves [index·2^level, (index+1)·2^level). */
export interface SubtreeAt {
  level: number;
  index: number;
}

export interface CompletedNode extends SubtreeAt {
  hash: Buffer;
}

/** Where the frontier of a tree of `size` leaves sits: (level, index) per set bit of `size`. */
export const frontierCoordinates = (size: number): SubtreeAt[] => {
  const coordinates: SubtreeAt[] = [];
  // Division rather than bit operators: sizes may pass 2^31.
  for (let level = 0, rest = size; rest > 0; level++, rest = Math.floor(rest / 2)) {
    if (rest % 2 === 1) coordinates.push({ level, index: rest - 1 });
  }
  return coordinates;
};

/**
 * Appends leaf number `size` (0-based) to a tree of `size` leaves: the leaf
 * completes one perfect subtree per trailing one-bit of `size`. Updates `frontier`
 * in place and returns the completed subtrees of level ≥ 1, lowest first.
 */
export const appendLeaf = (frontier: Frontier, size: number, leaf: Buffer): CompletedNode[] => {
  const completed: CompletedNode[] = [];
  let hash = leaf;
  let level = 0;
  let index = size;
  while (index % 2 === 1) {
    const left = frontier.get(level);
    if (!left) throw new Error(`frontier of size ${size} lacks its subtree at level ${level}`);
    frontier.delete(level);
    hash = nodeHash(left, hash);
    level += 1;
    index = (index - 1) / 2;
    completed.push({ level, index, hash });
  }
  frontier.set(level, hash);
  return completed;
};
