/** RFC 6962 hashing with WebCrypto: leaves and nodes are domain-separated by a prefix byte. */

/** Bytes WebCrypto accepts: backed by an ArrayBuffer, never a shared one. */
export type Bytes = Uint8Array<ArrayBuffer>;

export const fromHex = (text: string): Bytes => {
  if (!/^(?:[0-9a-f]{2})*$/.test(text)) throw new Error('not lower-case hex');
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
};

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export const fromBase64 = (text: string): Bytes =>
  Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

const sha256 = async (...parts: Uint8Array[]): Promise<Bytes> => {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
};

/** SHA-256(0x00 ‖ data). */
export const leafHash = (data: Uint8Array): Promise<Bytes> => sha256(Uint8Array.of(0), data);

/** SHA-256(0x01 ‖ left ‖ right). */
export const nodeHash = (left: Uint8Array, right: Uint8Array): Promise<Bytes> =>
  sha256(Uint8Array.of(1), left, right);

/** SHA-256 of anything, for key ids. */
export const digest = (data: Uint8Array): Promise<Bytes> => sha256(data);

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);
