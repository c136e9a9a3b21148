import { DomainError } from '../../contracts/errors.ts';
import type { SigningKeyRotation } from '../../contracts/events/index.ts';
import type { AuditDivergence } from '../../infra/audit/alarm.ts';
import type { TreeHeadIndex } from '../../infra/audit/tree-head-index.ts';
import type { SigningKey } from '../../infra/keys/signing-key.ts';
import { type KeyChain, keyChain } from './key-chain.ts';
import { signRotation } from './key-rotation.ts';

/** The log's signing keys, from the heads and rotations of its tree-head stream. */
export const keyChainOf = (heads: TreeHeadIndex): KeyChain =>
  keyChain([
    ...heads.all().map(({ head, position }) => ({ head, position })),
    ...heads.rotations().map(({ rotation, position }) => ({ rotation, position })),
  ]);

export interface SigningKeyCheckDeps {
  heads: TreeHeadIndex;
  /** This node's key (AUDIT_SIGNING_KEY_FILE). */
  key: SigningKey;
  /** The key it takes over from, when the operator hands the log on (AUDIT_PREVIOUS_SIGNING_KEY_FILE). */
  previous: SigningKey | null;
  now: () => string;
  /** Records a rotation in the tree-head stream. */
  record: (rotation: SigningKeyRotation) => Promise<void>;
}

/**
 * Whether this node may sign the log's heads: its key must be the one the chain
 * of heads and rotations ends with. Given the key in force as the previous key,
 * it hands the log on (a rotation signed by that key) and may. Otherwise the
 * key was replaced without the old key's word (deleted, regenerated, swapped):
 * that is found, named and refused, as an altered log is.
 */
export const checkSigningKey = async (
  deps: SigningKeyCheckDeps,
): Promise<AuditDivergence | null> => {
  await deps.heads.refresh();
  const chain = keyChainOf(deps.heads);
  if (chain.problem) return chain.problem;
  const current = chain.keys.at(-1);
  if (!current || current.keyId === deps.key.keyId) return null;
  if (deps.previous?.keyId === current.keyId) {
    const afterTreeSize = deps.heads.latest()?.head.treeSize ?? 0;
    try {
      await deps.record(signRotation(deps.previous, deps.key, afterTreeSize, deps.now()));
    } catch (error) {
      // Another node handed it on (or signed a head) first: look again.
      if (!(error instanceof DomainError && error.code === 'ILLEGAL_STATE')) throw error;
    }
    return checkSigningKey({ ...deps, previous: null });
  }
  return {
    position: deps.heads.latest()?.position ?? current.from.position,
    what: `this node's signing key ${deps.key.keyId} (AUDIT_SIGNING_KEY_FILE) is not the log's key ${current.keyId}, and no rotation signed by ${current.keyId} announces it: restore that key, or hand the log on with AUDIT_PREVIOUS_SIGNING_KEY_FILE set to it`,
  };
};
