import type { Config } from '../config/config.ts';
import type { TokenKeys } from './issuer-keys.ts';
import { loadIssuerKey } from './public-key.ts';
import type { TokenPolicy, TokenVerifier } from './verifier.ts';
import { createTokenVerifier } from './verifier.ts';

/** The settings token verification reads. */
export type AuthConfig = Pick<
  Config,
  | 'authJwksUrl'
  | 'authPublicKeyFile'
  | 'authIssuer'
  | 'authAudience'
  | 'authClockSkewSeconds'
  | 'authMaxTokenHours'
  | 'authRoleClaim'
  | 'authUnitClaim'
>;

/** The policy every token must meet, from configuration. */
export const tokenPolicyOf = (config: AuthConfig): TokenPolicy => ({
  issuer: config.authIssuer,
  audience: config.authAudience,
  clockSkewSeconds: config.authClockSkewSeconds,
  maxTokenHours: config.authMaxTokenHours,
  roleClaim: config.authRoleClaim,
  unitClaim: config.authUnitClaim,
});

/**
 * The one key source configured: an issuer's JWKS, else its PEM key (read now, so
 * a bad file stops start-up), else the local HS256 secret of the embedded mode.
 */
export const tokenKeysOf = (config: AuthConfig, secret: string): TokenKeys => {
  if (config.authJwksUrl) return { kind: 'jwks', url: config.authJwksUrl };
  if (config.authPublicKeyFile)
    return { kind: 'pem', key: loadIssuerKey(config.authPublicKeyFile) };
  return { kind: 'secret', secret };
};

/** The gateway's token verifier as configured. */
export const tokenVerifierFromConfig = (config: AuthConfig, secret: string): TokenVerifier =>
  createTokenVerifier(tokenKeysOf(config, secret), tokenPolicyOf(config));
