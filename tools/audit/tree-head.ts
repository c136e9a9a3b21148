import { verify } from 'node:crypto';
import type { TreeHead } from '../../contracts/events/audit-events.ts';
import { treeHeadStreamId } from '../../contracts/streams.ts';
import { canonicalJson } from '../../domain/merkle/index.ts';
import { keyIdOf, publicKeyFromRaw, RAW_KEY_SIZE, strictBase64, strictHex } from './keys.ts';

/** The event type signed heads are stored as, in the stream `treeHeadStreamId`. */
export const treeHeadEventType = 'TreeHeadSigned';

/**
 * The bytes a head's signature covers: UTF-8 of canonicalJson({ keyId, legacyUpTo,
 * rootHash, signedAt, treeSize }), legacyUpTo left out when the head has none. Written here again, not imported from the audit service,
 * so the offline verifier is a second, independent reading of the contract.
 */
export const treeHeadMessage = (head: TreeHead): Buffer =>
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

/** The fields a head must carry, with the shape each must have. */
const shapeProblem = (head: unknown): string | null => {
  if (typeof head !== 'object' || head === null) return 'is not an object';
  const h = head as Record<string, unknown>;
  if (!Number.isSafeInteger(h.treeSize) || (h.treeSize as number) < 1) {
    return 'treeSize must be a whole number of at least 1';
  }
  if (!strictHex(h.rootHash, 32)) return 'rootHash must be 64 lower-case hex characters';
  if (typeof h.signedAt !== 'string' || Number.isNaN(Date.parse(h.signedAt))) {
    return 'signedAt must be an ISO timestamp';
  }
  if (typeof h.keyId !== 'string') return 'keyId must be a string';
  if (!strictBase64(h.publicKey, RAW_KEY_SIZE)) {
    return 'publicKey must be base64 of a raw 32-byte key';
  }
  if (!strictBase64(h.signature, 64)) return 'signature must be base64 of 64 bytes';
  if (
    h.legacyUpTo != null &&
    !(Number.isSafeInteger(h.legacyUpTo) && (h.legacyUpTo as number) >= 0)
  ) {
    return 'legacyUpTo must be a whole number of at least 0';
  }
  return null;
};

/**
 * Why a head cannot be trusted, or null when it holds: well-formed, signed by
 * `trustedKey` (raw 32 bytes), named by that key's id, and its signature verifies.
 */
export const treeHeadProblem = (head: unknown, trustedKey: Uint8Array): string | null => {
  const shape = shapeProblem(head);
  if (shape) return `malformed: ${shape}`;
  const h = head as TreeHead;
  const raw = strictBase64(h.publicKey, RAW_KEY_SIZE)!;
  if (!raw.equals(Buffer.from(trustedKey))) {
    return `signed by key ${keyIdOf(raw)}, not the trusted key ${keyIdOf(trustedKey)}`;
  }
  if (h.keyId !== keyIdOf(raw)) return `keyId ${h.keyId} does not name its public key`;
  const signature = Buffer.from(h.signature, 'base64');
  return verify(null, treeHeadMessage(h), publicKeyFromRaw(raw), signature)
    ? null
    : 'signature does not verify';
};

/** The head a stored event carries, when it is a signed head of the audit stream. */
export const treeHeadOf = (event: { streamId: string; type: string; data: unknown }) =>
  event.streamId === treeHeadStreamId && event.type === treeHeadEventType
    ? (event.data as TreeHead)
    : null;

/** The raw public key a head names, if it names one well-formed. */
export const headKey = (head: unknown): Buffer | undefined =>
  typeof head === 'object' && head !== null
    ? strictBase64((head as { publicKey?: unknown }).publicKey, RAW_KEY_SIZE)
    : undefined;
