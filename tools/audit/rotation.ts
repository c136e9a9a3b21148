import { verify } from 'node:crypto';
import type { SigningKeyRotation } from '../../contracts/events/audit-events.ts';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import { canonicalJson } from '../../domain/merkle/index.ts';
import { keyIdOf, publicKeyFromRaw, RAW_KEY_SIZE, strictBase64 } from './keys.ts';

/** The event type a handed-on signing key is stored as, in the stream `treeHeadStreamId`. */
export const rotationEventType = 'SigningKeyRotated';

/** A key rotation as found in the log, with the position of its event. */
export interface FoundRotation {
  position: number;
  rotation: SigningKeyRotation;
}

/** The rotation a stored event carries, when it is one of the audit stream. */
export const rotationOf = (event: { streamId: string; type: string; data: unknown }) =>
  event.streamId === treeHeadStreamId && event.type === rotationEventType
    ? (event.data as SigningKeyRotation)
    : null;

/**
 * The bytes a rotation's signature covers: "dubanju audit key rotation v1\n" and
 * canonicalJson({ afterTreeSize, at, fromKeyId, toKeyId, toPublicKey }). Written
 * here again, not imported from the audit service: the offline checker is a
 * second, independent reading of the contract.
 */
const rotationMessage = (rotation: SigningKeyRotation): Buffer =>
  Buffer.from(
    `dubanju audit key rotation v1\n${canonicalJson({
      afterTreeSize: rotation.afterTreeSize,
      at: rotation.at,
      fromKeyId: rotation.fromKeyId,
      toKeyId: rotation.toKeyId,
      toPublicKey: rotation.toPublicKey,
    })}`,
    'utf8',
  );

/**
 * The new key (raw) a rotation hands the log on to from `from` (raw), or why it
 * does not: it must name `from`, carry a well-formed new key named by its id,
 * and be signed by `from`.
 */
export const rotatedKey = (
  rotation: SigningKeyRotation,
  from: Buffer,
): { key: Buffer } | { problem: string } => {
  const to = strictBase64(rotation.toPublicKey, RAW_KEY_SIZE);
  if (!to || keyIdOf(to) !== rotation.toKeyId) {
    return { problem: `the new key ${String(rotation.toKeyId)} is not named by its public key` };
  }
  if (rotation.fromKeyId !== keyIdOf(from)) {
    return {
      problem: `it hands on from key ${String(rotation.fromKeyId)}, but the key in force was ${keyIdOf(from)}`,
    };
  }
  const signature = strictBase64(rotation.signature, 64);
  const holds =
    signature !== undefined &&
    verify(null, rotationMessage(rotation), publicKeyFromRaw(from), signature);
  return holds
    ? { key: to }
    : { problem: `its signature does not verify under key ${keyIdOf(from)}` };
};
