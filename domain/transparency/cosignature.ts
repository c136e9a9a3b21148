import { sign, verify } from 'node:crypto';
import {
  cosignatureType,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  noteKeyId,
  parseSignatureLine,
  publicKeyOf,
} from './signed-note.ts';

/**
 * Witness cosignatures (c2sp.org/tlog-cosignature, Ed25519, type 0x04): a
 * signature line added to a checkpoint by a witness that checked the log only
 * grew since the last checkpoint it cosigned. It signs `cosignature/v1`, the
 * time, then the checkpoint's note text.
 */

/** What a cosignature signs: the header, the time line, the checkpoint's text. */
export const cosignedMessage = (text: string, timestamp: number): Buffer =>
  Buffer.from(`cosignature/v1\ntime ${timestamp}\n${text}`, 'utf8');

/** The signature line a witness adds to the checkpoint `text` at `timestamp` (POSIX seconds). */
export const cosignatureLine = (text: string, witness: NoteSigner, timestamp: number): string => {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError('a cosignature time is whole seconds since the epoch');
  }
  const head = Buffer.alloc(12);
  head.writeUInt32BE(noteKeyId(witness.name, witness.publicKeyRaw, cosignatureType), 0);
  head.writeBigUInt64BE(BigInt(timestamp), 4);
  const signature = sign(null, cosignedMessage(text, timestamp), witness.privateKey);
  return `— ${witness.name} ${Buffer.concat([head, signature]).toString('base64')}\n`;
};

/**
 * The time a cosignature says, when it is by `witness` and holds over the
 * checkpoint `text`; null otherwise (another key, a changed text, a forgery).
 */
export const cosignatureTime = (
  text: string,
  cosignature: NoteSignature,
  witness: NoteVerifier,
): number | null => {
  const { name, keyId, signature } = cosignature;
  if (name !== witness.name || keyId !== witness.keyId || witness.type !== cosignatureType) {
    return null;
  }
  if (signature.length !== 8 + 64) return null;
  const timestamp = signature.readBigUInt64BE(0);
  if (timestamp > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const holds = verify(
    null,
    cosignedMessage(text, Number(timestamp)),
    publicKeyOf(witness.publicKeyRaw),
    signature.subarray(8),
  );
  return holds ? Number(timestamp) : null;
};

/** `cosignatureTime` of one signature line (its newline optional). */
export const verifyCosignature = (
  text: string,
  line: string,
  witness: NoteVerifier,
): number | null => {
  const cosignature = parseSignatureLine(line.replace(/\n$/, ''));
  return cosignature === null ? null : cosignatureTime(text, cosignature, witness);
};
