/**
 * The RFC 6962 Merkle tree over the ordered event log: root and range hashes,
 * inclusion and consistency proofs from a SubtreeSource, and their verification.
 */
export { memorySubtreeSource } from './memory-source.ts';
export { consistencyProof, inclusionProof } from './proofs.ts';
export { rangeHash, rootHash } from './range-hash.ts';
export type { SubtreeSource } from './source.ts';
export { verifyConsistency, verifyInclusion } from './verify.ts';
