import { HASH_SIZE } from './hashes.ts';

/** True for a Uint8Array (a Buffer too); anything else a caller passed is refused. */
export const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/** A SHA-256 hash: exactly 32 bytes. */
export const isHash = (value: unknown): value is Uint8Array =>
  isBytes(value) && value.length === HASH_SIZE;

export const isHashList = (value: unknown): value is readonly Uint8Array[] =>
  Array.isArray(value) && value.every(isHash);

export const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
