import { createHash } from 'node:crypto';

/** Domain-separation prefixes of RFC 6962 §2.1: a leaf can never pass for a node. */
const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** Length in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

/** RFC 6962 leaf hash: SHA-256(0x00 ‖ data). */
export const leafHash = (data: Uint8Array): Buffer =>
  createHash('sha256').update(LEAF_PREFIX).update(data).digest();

/** RFC 6962 interior node hash: SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Buffer =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();

/** Root of the empty tree, MTH({}) = SHA-256 of the empty string. */
export const emptyRoot = (): Buffer => createHash('sha256').digest();
