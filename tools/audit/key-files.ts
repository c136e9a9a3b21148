import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { RAW_KEY_SIZE, rawPublicKeyOf, strictBase64 } from './keys.ts';

/**
 * The audit signing key (Ed25519, PKCS#8 PEM) from `file`; null when there is no
 * such file. Throws, naming the file, when it holds anything else.
 */
export const loadSigningKey = (file: string): KeyObject | null => {
  if (!existsSync(file)) return null;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: readFileSync(file, 'utf8'), format: 'pem' });
  } catch {
    throw new Error(`${file}: not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file}: holds a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  }
  return key;
};

/**
 * A public key known out of band, for `--key`: base64 of the raw 32 bytes, or a
 * PEM file (public key, or the private key itself). Throws saying what it expected.
 */
export const parsePinnedKey = (value: string): Buffer => {
  const raw = strictBase64(value, RAW_KEY_SIZE);
  if (raw) return raw;
  if (!existsSync(value)) {
    throw new Error(`--key ${value}: neither base64 of a raw 32-byte key nor a PEM file`);
  }
  try {
    return rawPublicKeyOf(createPublicKey(readFileSync(value, 'utf8')));
  } catch (error) {
    throw new Error(`--key ${value}: not an Ed25519 key in PEM (${(error as Error).message})`);
  }
};
