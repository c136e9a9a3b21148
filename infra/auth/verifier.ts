import type { JWTPayload, JWTVerifyOptions } from 'jose';
import { errors as joseErrors, jwtVerify } from 'jose';
import type { Actor } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';
import type { ClaimNames } from './claims.ts';
import { actorFromClaims, defaultClaimNames } from './claims.ts';
import type { KeyResolver, TokenKeys } from './issuer-keys.ts';
import { issuerKeys, KeysUnavailableError } from './issuer-keys.ts';

export type { TokenKeys } from './issuer-keys.ts';
export { KeysUnavailableError } from './issuer-keys.ts';

/** What every accepted token must say besides its signature. */
export interface TokenPolicy extends ClaimNames {
  issuer: string;
  audience: string;
  /** Leeway for `exp` and `nbf`, for clocks that drift apart. */
  clockSkewSeconds: number;
  /** The longest a token may be valid, from `iat` (or from now without one). */
  maxTokenHours: number;
}

/** The embedded mode's own tokens: issuer and audience `dubanju`, claims `role` and `unit`. */
export const embeddedPolicy: TokenPolicy = {
  issuer: 'dubanju',
  audience: 'dubanju',
  clockSkewSeconds: 30,
  maxTokenHours: 24,
  ...defaultClaimNames,
};

export type TokenVerifier = (token: string) => Promise<Actor>;

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

const claimReason = (error: joseErrors.JWTClaimValidationFailed): string => {
  if (error.reason === 'missing') return `token has no ${error.claim} claim`;
  if (error.claim === 'nbf') return 'token is not valid yet';
  return `token claim ${error.claim} is invalid`;
};

/** Why jose refused a token, in words a client can act on (never the token itself). */
const reason = (error: unknown): string => {
  if (error instanceof joseErrors.JWTExpired) return 'token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return claimReason(error);
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  if (error instanceof joseErrors.JOSENotSupported) return 'token algorithm is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'token signature is invalid';
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey) {
    return 'token was signed with a key the issuer does not publish';
  }
  return 'token is malformed';
};

/**
 * A set of keys without ids may hold several that fit a token: jose then hands
 * them over one by one, and the token stands if any of them verifies it.
 */
const verifyAgainstEach = async (
  token: string,
  candidates: joseErrors.JWKSMultipleMatchingKeys,
  options: JWTVerifyOptions,
): Promise<JWTPayload> => {
  let last: unknown = candidates;
  for await (const key of candidates) {
    try {
      return (await jwtVerify(token, key, options)).payload;
    } catch (error) {
      last = error;
    }
  }
  throw last;
};

const verifyWith = async (
  token: string,
  resolver: KeyResolver,
  options: JWTVerifyOptions,
): Promise<JWTPayload> => {
  try {
    return (await jwtVerify(token, resolver, options)).payload;
  } catch (error) {
    if (error instanceof joseErrors.JWKSMultipleMatchingKeys) {
      return verifyAgainstEach(token, error, options);
    }
    throw error;
  }
};

/**
 * Verifies bearer tokens against one key source (the local HS256 secret, an
 * issuer's PEM key, or its JWKS) and returns the actor they name. Signature,
 * algorithm, `iss`, `aud`, `exp` (required) and `nbf` are checked; anything
 * wrong is UNAUTHENTICATED with the reason. Keys that cannot be fetched are a
 * KeysUnavailableError: the token may be fine, the issuer is out of reach.
 */
export const createTokenVerifier = (
  keys: TokenKeys,
  policy: TokenPolicy = embeddedPolicy,
): TokenVerifier => {
  const { resolver, algorithms } = issuerKeys(keys);
  const options: JWTVerifyOptions = {
    algorithms,
    issuer: policy.issuer,
    audience: policy.audience,
    clockTolerance: policy.clockSkewSeconds,
    requiredClaims: ['exp'],
  };
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verifyWith(token, resolver, options);
    } catch (error) {
      if (error instanceof KeysUnavailableError) throw error;
      throw unauthenticated(reason(error));
    }
    const from = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
    const lifetime = (payload.exp as number) - from;
    if (lifetime > policy.maxTokenHours * 3600 + policy.clockSkewSeconds) {
      throw unauthenticated(
        `token is valid for longer than ${policy.maxTokenHours} h (AUTH_MAX_TOKEN_HOURS)`,
      );
    }
    return actorFromClaims(payload as Record<string, unknown>, policy);
  };
};
