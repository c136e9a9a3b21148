import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import type { Actor } from '../../contracts/actor.ts';

/**
 * What a node may assert about an actor: `person` — a person it authenticated
 * (the gateway); `system` — the system actor (the clock); `forward` — a person
 * another node asserted, on a call made on that person's behalf.
 */
export type Capability = 'person' | 'system' | 'forward';

export const capabilities: readonly Capability[] = ['person', 'system', 'forward'];

/** A node's public key as a deployment trusts it. */
export interface TrustedKey {
  name: string;
  publicKey: KeyObject;
  may: ReadonlySet<Capability>;
}

/** What one assertion says: who acts, for which call, until when, signed by which key. */
export interface AssertionClaims {
  /** Key id of the signing node. */
  kid: string;
  actor: Actor;
  /** The action called (`service.action`). */
  action: string;
  /** SHA-256 of the call's params as JSON, base64url. */
  digest: string;
  /** Unique per call: a second delivery is a replay. */
  rid: string;
  /** Milliseconds since the epoch after which it is refused. */
  exp: number;
  /** On a call made on a person's behalf: the assertion that person arrived with. */
  via?: string;
}

/** Domain separation: an assertion's signature is never valid as any other signature. */
const context = Buffer.from('dubanju actor assertion v1\n');

/** The digest of a call's params, as sender and receiver both compute it. */
export const paramsDigest = (params: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(params ?? {}) ?? 'null')
    .digest('base64url');

/** The claims signed: `base64url(JSON).base64url(Ed25519 signature)`. */
export const signAssertion = (claims: AssertionClaims, privateKey: KeyObject): string => {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = sign(null, Buffer.concat([context, Buffer.from(body)]), privateKey);
  return `${body}.${signature.toString('base64url')}`;
};

/** The claims of an assertion whose signature `trusted` vouches for, or why not. */
export const openAssertion = (
  token: unknown,
  trusted: ReadonlyMap<string, TrustedKey>,
): { claims: AssertionClaims; key: TrustedKey } | { refused: string } => {
  if (typeof token !== 'string' || token.length > 16_384) return { refused: 'malformed' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { refused: 'malformed' };
  let claims: AssertionClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as AssertionClaims;
  } catch {
    return { refused: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null) return { refused: 'malformed' };
  const key = trusted.get(String(claims.kid));
  if (!key) return { refused: `signed by a key this deployment does not trust (${claims.kid})` };
  const signed = Buffer.concat([context, Buffer.from(body)]);
  if (!verify(null, signed, key.publicKey, Buffer.from(signature, 'base64url'))) {
    return { refused: 'its signature does not verify' };
  }
  return { claims, key };
};
