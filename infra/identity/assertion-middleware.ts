import type { CallingOptions, Middleware, ServiceBroker } from 'moleculer';
import { Context, Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import { type Asserted, createAsserter, sameActor, verifyAssertion } from './actor-assertions.ts';
import type { NodeIdentity } from './node-identity.ts';
import { createReplayGuard } from './replay-guard.ts';

/** What a call carries in `ctx.meta` about who acts. */
interface ActorMeta {
  actor?: Actor | undefined;
  assertion?: string | undefined;
}

/** The actors proven by assertions, by the context of the call they arrived with. */
const asserted = new WeakMap<object, Asserted>();

/** Who acts in a call made in this process: passed to the context it creates, never sent. */
const localActor = Symbol('dubanju.localActor');

/** Contexts created by calls made in this process, with who acts in them. */
const inProcess = new WeakMap<object, Asserted>();

/** The same, by the context's meta object, which a retry's copy of the context shares. */
const byMeta = new WeakMap<object, Asserted>();

type Create = (
  broker: ServiceBroker,
  endpoint: unknown,
  params: unknown,
  opts: CallingOptions & { [localActor]?: Asserted },
) => Context;

const create: Create = (broker, endpoint, params, opts) => {
  // Context.create builds an instance of the broker's ContextFactory: the class below.
  const ctx = (Context.create as Create)(broker, endpoint, params, opts);
  const who = opts?.[localActor];
  if (who) {
    inProcess.set(ctx, who);
    byMeta.set(ctx.meta as object, who);
  }
  return ctx;
};

/**
 * Moleculer's context, remembering who acts in the calls this process makes.
 * Moleculer builds the context of a request that arrives over the transporter
 * with the constructor, never with `create`: such a context is never taken for
 * one of this process's own, and must prove its actor with an assertion.
 */
export const AssertingContext: typeof Context = Object.assign(class extends Context {}, {
  create,
}) as unknown as typeof Context;

/**
 * The actor the assertion of this call proved, or this process's own call
 * named; undefined when it came without one (or on a broker that does not
 * check them). Services authorise on this, never on `ctx.meta.actor` as it
 * arrives.
 */
export const assertedActorOf = (ctx: object): Actor | undefined => asserted.get(ctx)?.actor;

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

  /**
   * Who acts in a call this process makes: the actor it names, or inside an
   * action the actor that action's assertion proved (whatever its meta now
   * says), with the person's own assertion to carry on. Passed to the context
   * only: nothing is signed unless the call leaves the process.
   */
  const outgoing = (opts: CallingOptions): CallingOptions => {
    if (opts.ctx) {
      // A retry reuses a copy of the context, which shares its meta.
      const who = byMeta.get(opts.ctx.meta as object);
      if (who) inProcess.set(opts.ctx, who);
      return opts;
    }
    const entry = opts.parentCtx ? asserted.get(opts.parentCtx) : undefined;
    const explicit = (opts.meta as ActorMeta | undefined)?.actor;
    const actor = explicit ?? entry?.actor;
    const origin = entry && (!explicit || sameActor(explicit, entry.actor)) ? entry.origin : null;
    const meta = { ...opts.meta, actor, assertion: undefined };
    const local: CallingOptions & { [localActor]?: Asserted } = { ...opts, meta };
    if (actor) local[localActor] = { actor, origin };
    return local;
  };

  /** A call leaving the process: signed for who acts in it, afresh for each attempt. */
  const signed = (ctx: Context): void => {
    const meta = ctx.meta as ActorMeta;
    const who = inProcess.get(ctx);
    meta.actor = who?.actor;
    meta.assertion = who
      ? (assert(who.actor, ctx.action?.name ?? '', ctx.params, who.origin) ?? undefined)
      : undefined;
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
          : next(action, params, outgoing(opts));
    },
    remoteAction(next: (ctx: Context) => Promise<unknown>, action: { name?: string }) {
      if (internal(action.name ?? '')) return next;
      return function signingActor(ctx: Context) {
        signed(ctx);
        return next(ctx);
      };
    },
    localAction(handler: (ctx: Context) => Promise<unknown>, action: { name?: string }) {
      const name = action.name ?? '';
      if (internal(name)) return handler;
      return function verifyingActor(ctx: Context) {
        const meta = ctx.meta as ActorMeta;
        const own = inProcess.get(ctx);
        if (own) {
          // Made in this process, which knows who acts: nothing to prove.
          asserted.set(ctx, own);
          meta.actor = own.actor;
          return handler(ctx);
        }
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
