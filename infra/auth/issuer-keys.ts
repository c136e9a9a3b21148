import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, errors as joseErrors } from 'jose';
import type { IssuerKey } from './public-key.ts';

/** Where the keys that sign tokens come from: one source per deployment. */
export type TokenKeys =
  | { kind: 'secret'; secret: string }
  | { kind: 'pem'; key: IssuerKey }
  | { kind: 'jwks'; url: string };

/**
 * The issuer's key set could not be fetched or read. Not the token's fault, so
 * not UNAUTHENTICATED: the gateway answers UNAVAILABLE and the client retries.
 */
export class KeysUnavailableError extends Error {
  override name = 'KeysUnavailableError';
}

export type KeyResolver = Uint8Array | IssuerKey['key'] | JWTVerifyGetKey;

/** jose fetches the set once, keeps it 10 minutes, and refetches early (at most every 30 s) for an unknown key id. */
const remoteSetOptions = {
  timeoutDuration: 5000,
  cooldownDuration: 30_000,
  cacheMaxAge: 600_000,
} as const;

/** Failures that speak of the token, not of the key set's availability. */
const aboutTheToken = (error: unknown): boolean =>
  error instanceof joseErrors.JWKSNoMatchingKey ||
  error instanceof joseErrors.JWKSMultipleMatchingKeys;

const remoteKeys = (url: string): JWTVerifyGetKey => {
  const keySet = createRemoteJWKSet(new URL(url), remoteSetOptions);
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (aboutTheToken(error)) throw error;
      throw new KeysUnavailableError(`the token issuer's keys at ${url} are unreachable`, {
        cause: error,
      });
    }
  };
};

/**
 * The key (or key lookup) and the algorithms a source allows. HS256 only with the
 * local secret; with an issuer's keys only its asymmetric algorithms, so a token
 * "signed" with the public key as an HMAC secret, or with `alg: none`, never passes.
 */
export const issuerKeys = (keys: TokenKeys): { resolver: KeyResolver; algorithms: string[] } => {
  switch (keys.kind) {
    case 'secret':
      return { resolver: new TextEncoder().encode(keys.secret), algorithms: ['HS256'] };
    case 'pem':
      return { resolver: keys.key.key, algorithms: [...keys.key.algorithms] };
    case 'jwks':
      return { resolver: remoteKeys(keys.url), algorithms: ['RS256', 'ES256'] };
    default: {
      const _exhaustive: never = keys;
      throw new Error(`unknown key source ${JSON.stringify(_exhaustive)}`);
    }
  }
};
