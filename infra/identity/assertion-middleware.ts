import type { CallingOptions, Context, Middleware, ServiceBroker } from 'moleculer';
import { Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import { type Asserted, createAsserter, verifyAssertion } from './actor-assertions.ts';
import type { AssertionClaims } from './assertion.ts';
import type { NodeIdentity } from './node-identity.ts';
import { createReplayGuard } from './replay-guard.ts';

/** What a call carries in `ctx.meta` about who acts. */
interface ActorMeta {
  actor?: Actor | undefined;
  assertion?: string | undefined;
}

/** The actors proven by assertions, by the context of the call they arrived with. */
const asserted = new WeakMap<object, Asserted>();

/**
 * The actor the assertion of this call proved; undefined when it came without
 * one (or on a broker that does not check them). Services authorise on this,
 * never on `ctx.meta.actor` as it arrives.
 */
export const assertedActorOf = (ctx: object): Actor | undefined => asserted.get(ctx)?.actor;

/** The claims of an assertion this node signed itself (read back for a retry). */
const ownClaims = (token: unknown): AssertionClaims | null => {
  if (typeof token !== 'string') return null;
  try {
    return JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
  } catch {
    return null;
  }
};

const sameActor = (a: Actor, b: Actor): boolean =>
  a.id === b.id && a.role === b.role && a.unitId === b.unitId && a.name === b.name;

const internal = (action: string): boolean => action.startsWith('$');

/**
 * Signed actor assertions on every broker call, in one process as over NATS.
 * Outgoing: a call carrying an actor gets an assertion for that actor, that
 * action and those params, signed with this node's key (a retry gets a fresh
 * one). A call made inside an action is made as the actor that action's
 * assertion proved, whatever its `meta` now says. Incoming: an actor without
 * an assertion, or an assertion that is not valid for this very call, is
 * refused with FORBIDDEN before the action runs, and logged.
 */
export const actorAssertions = (identity: NodeIdentity, now: () => number = Date.now) => {
  const assert = createAsserter(identity, now);
  const replay = createReplayGuard();
  let logger: { warn: (...args: unknown[]) => void } = console;

  const signedMeta = (
    meta: ActorMeta | undefined,
    actor: Actor | undefined,
    assertion: string | null,
  ) => ({
    ...meta,
    actor,
    assertion: assertion ?? undefined,
  });

  const outgoing = (action: string, params: unknown, opts: CallingOptions): CallingOptions => {
    if (opts.ctx) {
      // A retry: the same call again, for the actor this node asserted the first time.
      const meta = opts.ctx.meta as ActorMeta;
      const prior = ownClaims(meta.assertion);
      if (!prior) return opts;
      const origin =
        prior.actor.role === 'system' ? null : (prior.via ?? (meta.assertion as string));
      meta.actor = prior.actor;
      meta.assertion = assert(prior.actor, action, params, origin) ?? undefined;
      return opts;
    }
    const entry = opts.parentCtx ? asserted.get(opts.parentCtx) : undefined;
    const explicit = (opts.meta as ActorMeta | undefined)?.actor;
    const actor = explicit ?? entry?.actor;
    const origin = entry && (!explicit || sameActor(explicit, entry.actor)) ? entry.origin : null;
    const assertion = actor ? assert(actor, action, params, origin) : null;
    return { ...opts, meta: signedMeta(opts.meta as ActorMeta | undefined, actor, assertion) };
  };

  const refuse = (ctx: Context, why: string) => {
    logger.warn(
      { action: ctx.action?.name, callerNode: ctx.nodeID, requestId: ctx.requestID, why },
      'actor assertion refused',
    );
    return Promise.reject(
      new Errors.MoleculerClientError(
        `${ctx.action?.name}: actor assertion refused: ${why}`,
        403,
        'FORBIDDEN',
        { rule: 'a call names its actor with a valid signed assertion' },
      ),
    );
  };

  const middleware = {
    name: 'ActorAssertions',
    created(broker: ServiceBroker) {
      logger = broker.getLogger('actor-assertions');
    },
    call(next: (action: string, params: unknown, opts: CallingOptions) => Promise<unknown>) {
      return (action: string, params: unknown, opts: CallingOptions = {}) =>
        typeof action !== 'string' || internal(action)
          ? next(action, params, opts)
          : next(action, params, outgoing(action, params, opts));
    },
    localAction(handler: (ctx: Context) => Promise<unknown>, action: { name?: string }) {
      const name = action.name ?? '';
      if (internal(name)) return handler;
      return function verifyingActor(ctx: Context) {
        const meta = ctx.meta as ActorMeta;
        if (meta.assertion === undefined) {
          return meta.actor === undefined
            ? handler(ctx)
            : refuse(ctx, 'an actor without an assertion');
        }
        const proven = verifyAssertion(
          meta.assertion,
          { action: name, params: ctx.params },
          identity.trusted,
          replay,
          now(),
        );
        if ('refused' in proven) return refuse(ctx, proven.refused);
        asserted.set(ctx, proven);
        meta.actor = proven.actor;
        return handler(ctx);
      };
    },
  };
  // Moleculer's typings give the `call` hook the wrong shape; this one is what it calls.
  return middleware as unknown as Middleware;
};
