import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Signed notes (c2sp.org/signed-note): a text ending in a newline, a blank
 * line, then one line per signature, `— <key name> base64(key ID || signature)`.
 * Ed25519 only (signature type 0x01), as transparency logs and their
 * witnesses use them.
 */

/** The signature type byte of Ed25519 in signed notes. */
const ed25519Type = 0x01;

/** The signature type byte of timestamped Ed25519 witness cosignatures (c2sp.org/tlog-cosignature). */
export const cosignatureType = 0x04;

/** A signature type this module knows. */
export type NoteKeyType = typeof ed25519Type | typeof cosignatureType;

/** A key that signs notes: its name (a schema-less URL), its Ed25519 private key and raw public key. */
export interface NoteSigner {
  name: string;
  privateKey: KeyObject;
  publicKeyRaw: Uint8Array;
}

/** A key that checks notes: its name, its 32-bit key ID, raw Ed25519 public key and signature type. */
export interface NoteVerifier {
  name: string;
  keyId: number;
  publicKeyRaw: Buffer;
  type: NoteKeyType;
}

/** Why a note was refused. */
export class NoteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteError';
  }
}

/** A name a key may have: non-empty, no spaces (any Unicode space) and no `+`. */
const validName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

/** SHA-256(key name || 0x0A || type || public key)[:4], big-endian. */
export const noteKeyId = (
  name: string,
  publicKeyRaw: Uint8Array,
  type: NoteKeyType = ed25519Type,
): number =>
  createHash('sha256')
    .update(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKeyRaw]))
    .digest()
    .readUInt32BE(0);

const hex8 = (keyId: number): string => keyId.toString(16).padStart(8, '0');

/** The verifier key of a signer, as witnesses and clients are configured with it: `name+keyid+base64(type || key)`. */
export const verifierKey = (
  name: string,
  publicKeyRaw: Uint8Array,
  type: NoteKeyType = ed25519Type,
): string => {
  if (!validName(name)) throw new NoteError(`key name ${JSON.stringify(name)} is not valid`);
  const typed = Buffer.concat([Buffer.from([type]), publicKeyRaw]);
  return `${name}+${hex8(noteKeyId(name, publicKeyRaw, type))}+${typed.toString('base64')}`;
};

/** Reads a verifier key (`name+keyid+base64(0x01 || key)`); refuses a malformed or mismatched one. */
export const parseVerifierKey = (vkey: string): NoteVerifier => {
  const match = /^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/.exec(vkey);
  if (!match) throw new NoteError('a verifier key is name+keyid+base64(key)');
  const [, name, id, encoded] = match as unknown as [string, string, string, string];
  const typed = Buffer.from(encoded, 'base64');
  const type = typed[0];
  const known = type === ed25519Type || type === cosignatureType;
  if (typed.length !== 33 || !known || typed.toString('base64') !== encoded) {
    throw new NoteError(
      'only Ed25519 verifier keys are accepted (type 0x01, or 0x04 for cosignatures; 32 bytes)',
    );
  }
  const publicKeyRaw = typed.subarray(1);
  const keyId = noteKeyId(name, publicKeyRaw, type);
  if (hex8(keyId) !== id) throw new NoteError(`the key ID ${id} does not match the key`);
  return { name, keyId, publicKeyRaw, type };
};

export const publicKeyOf = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });

/** Whether a text may be signed: UTF-8 without control characters other than newline, ending in one. */
const checkText = (text: string): void => {
  if (!text.endsWith('\n')) throw new NoteError('a note text ends in a newline');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the rule is about control characters
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) {
    throw new NoteError('a note holds no control characters other than newline');
  }
};

/** `text` signed by each of `signers`. */
export const signNote = (text: string, signers: readonly NoteSigner[]): string => {
  checkText(text);
  const body = Buffer.from(text, 'utf8');
  const lines = signers.map((signer) => {
    if (!validName(signer.name))
      throw new NoteError(`key name ${JSON.stringify(signer.name)} is not valid`);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(noteKeyId(signer.name, signer.publicKeyRaw));
    const signature = sign(null, body, signer.privateKey);
    return `— ${signer.name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
};

/** One signature line of a note: the key's name and ID, the signature after the ID, the base64 as written. */
export interface NoteSignature {
  name: string;
  keyId: number;
  signature: Buffer;
  encoded: string;
}

/** A line `— <name> base64(key ID ‖ signature)` (without its newline), or null when it is not one. */
export const parseSignatureLine = (line: string): NoteSignature | null => {
  const match = /^— (\S+) ([A-Za-z0-9+/]+={0,2})$/u.exec(line);
  if (!match) return null;
  const [, name, encoded] = match as unknown as [string, string, string];
  const blob = Buffer.from(encoded, 'base64');
  if (blob.length < 5) return null;
  return { name, keyId: blob.readUInt32BE(0), signature: blob.subarray(4), encoded };
};

/**
 * A note split into its text (ending in a newline) and its signature lines,
 * refused when it is not shaped as a signed note.
 */
export const splitNote = (note: string): { text: string; signatures: NoteSignature[] } => {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new NoteError('a signed note has a blank line before its signatures');
  const text = note.slice(0, split + 1);
  checkText(text);
  const lines = note.slice(split + 2);
  if (!lines.endsWith('\n') || lines.length > 16 * 1024) {
    throw new NoteError('the signature lines of a note end in a newline');
  }
  const signatures = lines
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const signature = parseSignatureLine(line);
      if (!signature)
        throw new NoteError(`a signature line is "— name base64": ${JSON.stringify(line)}`);
      return signature;
    });
  return { text, signatures };
};

/** A note's text and the known keys whose signatures hold. */
export interface OpenedNote {
  text: string;
  verifiedBy: NoteVerifier[];
}

/**
 * The text of `note` once a signature by one of `verifiers` holds. A
 * signature by an unknown key (name and ID) is ignored; one by a known key
 * that fails refuses the whole note, as does a note no known key signed.
 */
export const openNote = (note: string, verifiers: readonly NoteVerifier[]): OpenedNote => {
  const { text, signatures } = splitNote(note);
  const body = Buffer.from(text, 'utf8');
  const verifiedBy: NoteVerifier[] = [];
  for (const { name, keyId, signature } of signatures) {
    const known = verifiers.find(
      (key) => key.type === ed25519Type && key.name === name && key.keyId === keyId,
    );
    if (known === undefined) continue;
    if (!verify(null, body, publicKeyOf(known.publicKeyRaw), signature)) {
      throw new NoteError(`the signature of ${name} does not hold`);
    }
    verifiedBy.push(known);
  }
  if (verifiedBy.length === 0) throw new NoteError('no signature of a known key');
  return { text, verifiedBy };
};
