/** The pure core of the audit log: canonical event bytes and the RFC 6962 Merkle tree. */
export { canonicalJson } from './canonical-json.ts';
export { eventLeafBytes, eventLeafHash } from './event-leaf.ts';
export { emptyRoot, HASH_SIZE, leafHash, nodeHash } from './hashes.ts';
export {
  consistencyProof,
  inclusionProof,
  memorySubtreeSource,
  rangeHash,
  rootHash,
  type SubtreeSource,
  verifyConsistency,
  verifyInclusion,
} from './tree.ts';
