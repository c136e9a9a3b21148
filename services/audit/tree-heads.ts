import { sign, verify } from 'node:crypto';
import type { TreeHead } from '../../contracts/events/index.ts';
import { canonicalJson } from '../../domain/merkle/canonical-json.ts';
import type { SigningKey } from '../../infra/keys/signing-key.ts';
import { keyIdOf, publicKeyFromRaw } from '../../infra/keys/signing-key.ts';

/** What a head says before it is signed. */
export interface UnsignedTreeHead {
  treeSize: number;
  /** Hex. */
  rootHash: string;
  /** ISO timestamp. */
  signedAt: string;
  /** Events 1…legacyUpTo predate authenticated writes (see TreeHead); absent: not said. */
  legacyUpTo?: number;
}

/**
 * The exact bytes a head's signature covers: canonicalJson({ keyId, legacyUpTo,
 * rootHash, signedAt, treeSize }), legacyUpTo left out when the head does not say it.
 */
export const treeHeadSigningBytes = (head: UnsignedTreeHead & { keyId: string }) =>
  Buffer.from(
    canonicalJson({
      keyId: head.keyId,
      ...(head.legacyUpTo == null ? {} : { legacyUpTo: head.legacyUpTo }),
      rootHash: head.rootHash,
      signedAt: head.signedAt,
      treeSize: head.treeSize,
    }),
    'utf8',
  );

/** Signs a head with the audit key (Ed25519: no digest parameter, the algorithm fixes it). */
export const signTreeHead = (key: SigningKey, head: UnsignedTreeHead): TreeHead => {
  const signed = { ...head, keyId: key.keyId };
  const signature = sign(null, treeHeadSigningBytes(signed), key.privateKey);
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    signedAt: head.signedAt,
    keyId: key.keyId,
    publicKey: key.publicKeyRaw.toString('base64'),
    ...(head.legacyUpTo === undefined ? {} : { legacyUpTo: head.legacyUpTo }),
    signature: signature.toString('base64'),
  };
};

/**
 * Whether a head's signature holds under the public key it names and that key's
 * id matches. Pass `trusted` (raw public key) to also require that key: a head
 * re-signed with another key is self-consistent but not ours.
 */
export const verifyTreeHead = (head: TreeHead, trusted?: Uint8Array): boolean => {
  try {
    const raw = Buffer.from(head.publicKey, 'base64');
    if (raw.length !== 32 || keyIdOf(raw) !== head.keyId) return false;
    if (trusted && !raw.equals(Buffer.from(trusted))) return false;
    const signature = Buffer.from(head.signature, 'base64');
    return verify(null, treeHeadSigningBytes(head), publicKeyFromRaw(raw), signature);
  } catch {
    return false;
  }
};
