import { SignJWT } from 'jose';
import type { Actor, Role } from '../../contracts/actor.ts';
import type { TokenPolicy } from './verifier.ts';
import { createTokenVerifier, embeddedPolicy } from './verifier.ts';

export interface TokenClaims {
  sub: string;
  role: Exclude<Role, 'system'>;
  unit?: string;
  name?: string;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/**
 * Signs an HS256 token for the embedded mode (the `token` script, tests, the demo),
 * for issuer and audience `dubanju` unless told otherwise (AUTH_ISSUER, AUTH_AUDIENCE).
 */
export const signToken = async (
  secret: string,
  claims: TokenClaims,
  expiresIn: string | number = '12h',
  issuedFor: Pick<TokenPolicy, 'issuer' | 'audience'> = embeddedPolicy,
): Promise<string> => {
  const payload: Record<string, string> = { role: claims.role };
  if (claims.unit) payload.unit = claims.unit;
  if (claims.name) payload.name = claims.name;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(issuedFor.issuer)
    .setAudience(issuedFor.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
};

/** Verifies an embedded-mode (HS256) token and returns its actor, or throws UNAUTHENTICATED. */
export const verifyToken = (
  secret: string,
  token: string,
  policy: TokenPolicy = embeddedPolicy,
): Promise<Actor> => createTokenVerifier({ kind: 'secret', secret }, policy)(token);
