import { sign, verify } from 'node:crypto';
import type { SigningKeyRotation } from '../../contracts/events/index.ts';
import { canonicalJson } from '../../domain/merkle/canonical-json.ts';
import { keyIdOf, publicKeyFromRaw, type SigningKey } from '../../infra/keys/signing-key.ts';

/** Domain separation: a rotation's signature is never valid as a head's, or anything else's. */
const context = 'dubanju audit key rotation v1\n';

/** The exact bytes a rotation's signature covers. */
export const rotationSigningBytes = (rotation: Omit<SigningKeyRotation, 'signature'>): Buffer =>
  Buffer.from(
    context +
      canonicalJson({
        afterTreeSize: rotation.afterTreeSize,
        at: rotation.at,
        fromKeyId: rotation.fromKeyId,
        toKeyId: rotation.toKeyId,
        toPublicKey: rotation.toPublicKey,
      }),
    'utf8',
  );

/** The old key hands the log on to the new one, after the head of `afterTreeSize`. */
export const signRotation = (
  from: SigningKey,
  to: SigningKey,
  afterTreeSize: number,
  at: string,
): SigningKeyRotation => {
  const unsigned = {
    fromKeyId: from.keyId,
    fromPublicKey: from.publicKeyRaw.toString('base64'),
    toKeyId: to.keyId,
    toPublicKey: to.publicKeyRaw.toString('base64'),
    afterTreeSize,
    at,
  };
  const signature = sign(null, rotationSigningBytes(unsigned), from.privateKey);
  return { ...unsigned, signature: signature.toString('base64') };
};

/** Why a rotation does not hand on from `fromRaw` (the key trusted until then), or null when it does. */
export const rotationProblem = (rotation: SigningKeyRotation, fromRaw: Buffer): string | null => {
  const to = Buffer.from(rotation.toPublicKey, 'base64');
  if (to.length !== 32 || keyIdOf(to) !== rotation.toKeyId) {
    return `the new key ${rotation.toKeyId} is not named by its public key`;
  }
  if (
    rotation.fromKeyId !== keyIdOf(fromRaw) ||
    rotation.fromPublicKey !== fromRaw.toString('base64')
  ) {
    return `it hands on from key ${rotation.fromKeyId}, but the log's key was ${keyIdOf(fromRaw)}`;
  }
  try {
    const signature = Buffer.from(rotation.signature, 'base64');
    return verify(null, rotationSigningBytes(rotation), publicKeyFromRaw(fromRaw), signature)
      ? null
      : `its signature does not verify under key ${rotation.fromKeyId}`;
  } catch {
    return `its signature does not verify under key ${rotation.fromKeyId}`;
  }
};
