import type { Bytes } from './hashes.ts';

const webCryptoVerifies = async (publicKey: Bytes, signature: Bytes, message: Bytes) => {
  const key = await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, [
    'verify',
  ]);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, message);
};

/**
 * RFC 8032 verification in script, loaded only by a browser whose WebCrypto
 * lacks Ed25519. Strict (not ZIP-215), as WebCrypto and the server's OpenSSL
 * are: a signature holds here exactly when it holds there.
 */
const scriptVerifies = async (publicKey: Bytes, signature: Bytes, message: Bytes) => {
  const { verifyAsync } = await import('@noble/ed25519');
  try {
    return await verifyAsync(signature, message, publicKey, { zip215: false });
  } catch (error) {
    // Bytes of the wrong length or kind: not a key or not a signature.
    if (error instanceof RangeError || error instanceof TypeError) return false;
    throw error;
  }
};

const failedAs = (error: unknown): unknown => (error as { name?: unknown } | null)?.name;

/**
 * Does `signature` over `message` hold under the raw Ed25519 `publicKey`? False
 * only when the bytes say no (a key WebCrypto refuses as data is no key). A
 * browser without Ed25519 in WebCrypto checks with @noble/ed25519 instead; one
 * that cannot check at all throws: "cannot check" is never reported as "invalid".
 */
export const ed25519Verifies = async (
  publicKey: Bytes,
  signature: Bytes,
  message: Bytes,
): Promise<boolean> => {
  try {
    return await webCryptoVerifies(publicKey, signature, message);
  } catch (error) {
    if (failedAs(error) === 'NotSupportedError') {
      return scriptVerifies(publicKey, signature, message);
    }
    if (failedAs(error) === 'DataError') return false;
    throw error;
  }
};
