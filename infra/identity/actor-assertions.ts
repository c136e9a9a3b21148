import { randomUUID } from 'node:crypto';
import type { Actor } from '../../contracts/actor.ts';
import {
  type AssertionClaims,
  openAssertion,
  paramsDigest,
  signAssertion,
  type TrustedKey,
} from './assertion.ts';
import type { NodeIdentity } from './node-identity.ts';
import type { ReplayGuard } from './replay-guard.ts';

/** How long an assertion lives: a call is verified as it arrives, well within this. */
export const assertionLifetimeMs = 30_000;

/** Clocks of two nodes may drift this far apart. */
export const clockSkewMs = 30_000;

/** The actor an assertion proves, and the person's own assertion to carry on. */
export interface Asserted {
  actor: Actor;
  /** The assertion a person arrived with (for calls made on their behalf); null for the system. */
  origin: string | null;
}

/** The same actor: id, role, unit and name alike. */
export const sameActor = (a: Actor, b: Actor): boolean =>
  a.id === b.id && a.role === b.role && a.unitId === b.unitId && a.name === b.name;

const isActor = (value: unknown): value is Actor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Actor).id === 'string' &&
  typeof (value as Actor).role === 'string';

/**
 * Signs assertions for the calls this node makes: directly for an actor its
 * key may assert, as a hop carrying the person's own assertion otherwise;
 * null when it may do neither (the call then arrives unasserted and is refused).
 */
export const createAsserter = (identity: NodeIdentity, now: () => number = Date.now) => {
  const own = identity.trusted.get(identity.keyId)?.may ?? new Set();
  return (actor: Actor, action: string, params: unknown, origin: string | null): string | null => {
    const direct = actor.role === 'system' ? own.has('system') : own.has('person');
    if (!direct && !(actor.role !== 'system' && own.has('forward') && origin !== null)) return null;
    const claims: AssertionClaims = {
      kid: identity.keyId,
      actor,
      action,
      digest: paramsDigest(params),
      rid: randomUUID(),
      exp: now() + assertionLifetimeMs,
      ...(direct ? {} : { via: origin as string }),
    };
    return signAssertion(claims, identity.privateKey);
  };
};

/** The call an assertion must be for. */
export interface AssertedCall {
  action: string;
  params: unknown;
}

const alive = (exp: unknown, now: number): string | null => {
  if (typeof exp !== 'number') return 'malformed';
  if (exp < now - clockSkewMs) return 'expired';
  if (exp > now + assertionLifetimeMs + clockSkewMs) return 'valid for longer than assertions live';
  return null;
};

/** The person a hop's `via` names, verified: signed by a key that may assert persons, alive. */
const viaPerson = (
  via: string,
  actor: Actor,
  trusted: ReadonlyMap<string, TrustedKey>,
  now: number,
): string | null => {
  const opened = openAssertion(via, trusted);
  if ('refused' in opened) return `its person's assertion: ${opened.refused}`;
  const { claims, key } = opened;
  if (!key.may.has('person'))
    return `its person's assertion is by a key that may not assert persons`;
  if (claims.via !== undefined) return "its person's assertion is itself a hop";
  const dead = alive(claims.exp, now);
  if (dead) return `its person's assertion: ${dead}`;
  if (!isActor(claims.actor) || !sameActor(claims.actor, actor)) {
    return "it names another actor than its person's assertion";
  }
  return null;
};

/**
 * Checks an assertion arriving with `call`: signed by a trusted key, for this
 * action and these params, alive, seen once, and by a key that may assert this
 * actor (or, for a hop, carrying that person's own valid assertion). Returns
 * what it proves, or why it is refused.
 */
export const verifyAssertion = (
  token: unknown,
  call: AssertedCall,
  trusted: ReadonlyMap<string, TrustedKey>,
  replay: ReplayGuard,
  now: number,
): Asserted | { refused: string } => {
  const opened = openAssertion(token, trusted);
  if ('refused' in opened) return opened;
  const { claims, key } = opened;
  if (!isActor(claims.actor)) return { refused: 'malformed' };
  const dead = alive(claims.exp, now);
  if (dead) return { refused: dead };
  if (claims.action !== call.action)
    return { refused: `it is for another action (${claims.action})` };
  if (claims.digest !== paramsDigest(call.params)) return { refused: 'it is for other params' };
  if (claims.actor.role === 'system') {
    if (!key.may.has('system')) return { refused: `key ${key.name} may not assert the system` };
  } else if (claims.via === undefined) {
    if (!key.may.has('person')) return { refused: `key ${key.name} may not assert persons` };
  } else {
    if (!key.may.has('forward')) return { refused: `key ${key.name} may not forward persons` };
    const why = viaPerson(claims.via, claims.actor, trusted, now);
    if (why) return { refused: why };
  }
  if (typeof claims.rid !== 'string' || !replay.firstSeen(claims.rid, claims.exp, now)) {
    return { refused: 'replayed' };
  }
  const origin = claims.actor.role === 'system' ? null : (claims.via ?? (token as string));
  return { actor: claims.actor, origin };
};
