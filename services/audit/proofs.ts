import { validationError } from '../../contracts/errors.ts';
import type { SubtreeSource } from '../../domain/merkle/tree.ts';
import { consistencyProof, inclusionProof, rootHash } from '../../domain/merkle/tree.ts';

/** An audit path (RFC 6962 §2.1.1) from one event's leaf to the root of a tree size. */
export interface InclusionProofAnswer {
  leafIndex: number;
  treeSize: number;
  /** Hex, as every hash below. */
  leafHash: string;
  proof: string[];
  rootHash: string;
}

/** A consistency proof (RFC 6962 §2.1.2): the larger tree extends the smaller one. */
export interface ConsistencyProofAnswer {
  fromSize: number;
  toSize: number;
  fromRootHash: string;
  toRootHash: string;
  proof: string[];
}

const hex = (hashes: readonly Buffer[]): string[] => hashes.map((hash) => hash.toString('hex'));

/** A size the tree has reached: 1…tree.size; VALIDATION naming `field` otherwise. */
const reached = (tree: SubtreeSource, field: string, size: number): void => {
  if (size < 1 || size > tree.size) {
    throw validationError(field, `must be a tree size from 1 to ${tree.size}, the size reached`);
  }
};

/**
 * Proves the event at global `position` is in the tree of `treeSize` leaves: its
 * leaf index is its leaf number less one (the position itself on a dense log).
 */
export const proveInclusion = (
  tree: SubtreeSource & { leafOf(position: number): number | null },
  position: number,
  treeSize: number,
): InclusionProofAnswer => {
  reached(tree, 'treeSize', treeSize);
  const leaf = tree.leafOf(position);
  if (leaf === null || leaf > treeSize) {
    throw validationError(
      'position',
      `must be the position of an event in the tree of size ${treeSize}`,
    );
  }
  const leafIndex = leaf - 1;
  return {
    leafIndex,
    treeSize,
    leafHash: tree.subtree(0, leafIndex).toString('hex'),
    proof: hex(inclusionProof(tree, leafIndex, treeSize)),
    rootHash: rootHash(tree, treeSize).toString('hex'),
  };
};

/** Proves the tree of `toSize` leaves extends the tree of `fromSize` leaves. */
export const proveConsistency = (
  tree: SubtreeSource,
  fromSize: number,
  toSize: number,
): ConsistencyProofAnswer => {
  reached(tree, 'toSize', toSize);
  if (fromSize < 1 || fromSize > toSize) {
    throw validationError('fromSize', `must be a tree size from 1 to toSize ${toSize}`);
  }
  return {
    fromSize,
    toSize,
    fromRootHash: rootHash(tree, fromSize).toString('hex'),
    toRootHash: rootHash(tree, toSize).toString('hex'),
    proof: hex(consistencyProof(tree, fromSize, toSize)),
  };
};
