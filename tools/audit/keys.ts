import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/** Length of a raw Ed25519 public key. */
export const RAW_KEY_SIZE = 32;

/** A key id: the first 16 hex characters of SHA-256 of the raw public key. */
export const keyIdOf = (raw: Uint8Array): string =>
  createHash('sha256').update(raw).digest('hex').slice(0, 16);

/** An Ed25519 public key object from its raw 32 bytes. */
export const publicKeyFromRaw = (raw: Uint8Array): KeyObject =>
  createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') },
    format: 'jwk',
  });

/** The raw 32 bytes of an Ed25519 key; a private key yields its public half. */
export const rawPublicKeyOf = (key: KeyObject): Buffer => {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`the key is ${publicKey.asymmetricKeyType ?? 'unknown'}, not Ed25519`);
  }
  return Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
};

/** Decodes base64 strictly: undefined unless it is canonical base64 of exactly `size` bytes. */
export const strictBase64 = (text: unknown, size?: number): Buffer | undefined => {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  if (size !== undefined && bytes.length !== size) return undefined;
  return bytes;
};

/** Decodes lower-case hex of `size` bytes, or undefined. */
export const strictHex = (text: unknown, size: number): Buffer | undefined => {
  if (typeof text !== 'string' || text.length !== size * 2 || !/^[0-9a-f]*$/.test(text)) {
    return undefined;
  }
  return Buffer.from(text, 'hex');
};
