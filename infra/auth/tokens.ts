import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Actor, Role } from '../../contracts/actor.ts';
import { humanRoles } from '../../contracts/actor.ts';
import { DomainError } from '../../contracts/errors.ts';

const issuer = 'dubanju';
const audience = 'dubanju';

export interface TokenClaims {
  sub: string;
  role: Exclude<Role, 'system'>;
  unit?: string;
  name?: string;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

/** Signs an HS256 token for the embedded mode (the `token` script, tests, the demo). */
export const signToken = async (
  secret: string,
  claims: TokenClaims,
  expiresIn: string | number = '12h',
): Promise<string> => {
  const payload: Record<string, string> = { role: claims.role };
  if (claims.unit) payload.unit = claims.unit;
  if (claims.name) payload.name = claims.name;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keyOf(secret));
};

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

const reason = (error: unknown): string => {
  if (error instanceof joseErrors.JWTExpired) return 'token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return `token claim ${error.claim} is invalid`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'token algorithm is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return 'token signature is invalid';
  return 'token is malformed';
};

/** Verifies a bearer token and returns its actor, or throws UNAUTHENTICATED. */
export const verifyToken = async (secret: string, token: string): Promise<Actor> => {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      issuer,
      audience,
    }));
  } catch (error) {
    throw unauthenticated(reason(error));
  }
  const role = payload.role;
  if (typeof role !== 'string' || !(humanRoles as readonly string[]).includes(role)) {
    throw unauthenticated(`token role must be one of ${humanRoles.join(', ')}`);
  }
  if (typeof payload.sub !== 'string' || payload.sub === '')
    throw unauthenticated('token has no subject');
  const unit = typeof payload.unit === 'string' ? payload.unit : undefined;
  if (role === 'department_head' && !unit)
    throw unauthenticated('a department_head token names its unit');
  const actor: Actor = { id: payload.sub, role: role as Role };
  if (unit) actor.unitId = unit;
  if (typeof payload.name === 'string') actor.name = payload.name;
  return actor;
};
