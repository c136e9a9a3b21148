import { sha256 } from '@noble/hashes/sha2.js';

const hashes = new Map<string, string>();
const encoder = new TextEncoder();

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * The SHA-256 (lower-case hex) of a document's UTF-8 bytes: the key it is
 * persisted under. Computed without WebCrypto, which plain-HTTP intranet
 * addresses do not offer.
 */
export const operationHash = (document: string): string => {
  let hash = hashes.get(document);
  if (!hash) {
    hash = hex(sha256(encoder.encode(document)));
    hashes.set(document, hash);
  }
  return hash;
};

/** The request extension naming a persisted document (the APQ convention the gateway reads). */
export const persistedQueryOf = (document: string) => ({
  persistedQuery: { version: 1, sha256Hash: operationHash(document) },
});
