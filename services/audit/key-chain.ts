import type { SigningKeyRotation, TreeHead } from '../../contracts/events/index.ts';
import { keyIdOf } from '../../infra/keys/signing-key.ts';
import { rotationProblem } from './key-rotation.ts';

/** One entry of the tree-head stream that bears on keys, with its global position. */
export type KeyedEntry =
  | { position: number; head: TreeHead }
  | { position: number; rotation: SigningKeyRotation };

/** A key the log's heads were signed with, and from when to when it was the log's key. */
export interface KeyValidity {
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** The position and time it became the log's key: its first head, or the rotation to it. */
  from: { position: number; at: string };
  /** The rotation that handed the log on from it; null while it is the log's key. */
  until: { position: number; at: string } | null;
}

/** The log's keys in order, the current one last, and the first entry that breaks the chain. */
export interface KeyChain {
  keys: KeyValidity[];
  problem: { position: number; what: string } | null;
}

/**
 * Follows the log's signing keys along the tree-head stream (in position
 * order): the first head's key, then each rotation signed by the key before it.
 * A head signed by another key than the one in force, or a rotation its
 * predecessor did not sign, breaks the chain and is named.
 */
export const keyChain = (entries: readonly KeyedEntry[]): KeyChain => {
  const keys: KeyValidity[] = [];
  for (const entry of [...entries].sort((a, b) => a.position - b.position)) {
    const current = keys.at(-1);
    if ('head' in entry) {
      const { head } = entry;
      if (!current) {
        keys.push({
          keyId: head.keyId,
          publicKey: head.publicKey,
          from: { position: entry.position, at: head.signedAt },
          until: null,
        });
      } else if (head.publicKey !== current.publicKey) {
        return {
          keys,
          problem: {
            position: entry.position,
            what: `the head of tree size ${head.treeSize} is signed by key ${head.keyId}, not the log's key ${current.keyId}, and no rotation signed by ${current.keyId} announces it`,
          },
        };
      }
      continue;
    }
    const { rotation } = entry;
    const fromRaw = Buffer.from(current?.publicKey ?? rotation.fromPublicKey, 'base64');
    const problem = rotationProblem(rotation, fromRaw);
    if (problem) {
      return { keys, problem: { position: entry.position, what: `key rotation: ${problem}` } };
    }
    const handedOn = { position: entry.position, at: rotation.at };
    if (current) current.until = handedOn;
    else {
      keys.push({
        keyId: keyIdOf(fromRaw),
        publicKey: rotation.fromPublicKey,
        from: handedOn,
        until: handedOn,
      });
    }
    keys.push({
      keyId: rotation.toKeyId,
      publicKey: rotation.toPublicKey,
      from: handedOn,
      until: null,
    });
  }
  return { keys, problem: null };
};
