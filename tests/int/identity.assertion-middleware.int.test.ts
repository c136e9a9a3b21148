import { generateKeyPairSync } from 'node:crypto';
import { type Context, Errors, ServiceBroker } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { Capability, TrustedKey } from '../../infra/identity/assertion.ts';
import {
  AssertingContext,
  actorAssertions,
  assertedActorOf,
} from '../../infra/identity/assertion-middleware.ts';
import type { NodeIdentity } from '../../infra/identity/node-identity.ts';
import { keyIdOf, rawPublicKey } from '../../infra/keys/signing-key.ts';

/*
 * Two brokers on Moleculer's in-memory transporter: a gateway whose key may
 * assert persons, and a services node whose key may only carry them on.
 */

const office: Actor = { id: 'office-1', role: 'office' };
const trusted = new Map<string, TrustedKey>();
const identityOf = (name: string, may: Capability[]): NodeIdentity => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(rawPublicKey(publicKey));
  trusted.set(keyId, { name, publicKey, may: new Set(may) });
  return { keyId, privateKey, trusted, source: 'provisioned' };
};

const brokerOf = (nodeID: string, identity: NodeIdentity) =>
  new ServiceBroker({
    nodeID,
    namespace: 'assertions-int',
    transporter: 'Fake',
    logger: false,
    retryPolicy: {
      enabled: true,
      retries: 2,
      delay: 10,
      check: (error: Error) => error.name === 'ServiceNotAvailableError',
    },
    middlewares: [actorAssertions(identity)],
    ContextFactory: AssertingContext,
  });

const gateway = brokerOf('gateway', identityOf('gateway', ['person']));
const services = brokerOf('services', identityOf('services', ['system', 'forward']));
let flakyCalls = 0;

beforeAll(async () => {
  services.createService({
    name: 'inner',
    actions: {
      whoAmI: (ctx: Context) => assertedActorOf(ctx) ?? null,
      open: () => 'open to all',
    },
  });
  services.createService({
    name: 'outer',
    actions: {
      async carryOn(ctx: Context) {
        return ctx.call('inner.whoAmI', { asked: 'by outer' });
      },
      async carryOnAfterMetaChanged(ctx: Context<unknown, { actor?: Actor }>) {
        ctx.meta.actor = { id: 'someone-else', role: 'inspector' };
        return ctx.call('inner.whoAmI', {});
      },
      flaky(ctx: Context) {
        flakyCalls += 1;
        if (flakyCalls === 1) {
          throw new Errors.ServiceNotAvailableError({ action: 'outer.flaky', nodeID: 'services' });
        }
        return assertedActorOf(ctx) ?? null;
      },
    },
  });
  gateway.createService({
    name: 'front',
    actions: {
      whoAmI: (ctx: Context) => assertedActorOf(ctx) ?? null,
      sawAssertion: (ctx: Context<unknown, { assertion?: string }>) => ctx.meta.assertion ?? null,
    },
  });
  await Promise.all([gateway.start(), services.start()]);
  await gateway.waitForServices(['inner', 'outer']);
  await services.waitForServices(['front']);
});

afterAll(async () => {
  await Promise.all([gateway.stop(), services.stop()]);
});

const as = (actor: unknown) => ({ meta: { actor } });

describe('actor assertions between two nodes', () => {
  it('prove the person the gateway asserted', async () => {
    expect(await gateway.call('inner.whoAmI', {}, as(office))).toEqual(office);
  });

  it('carry the person on through a call the services node makes on their behalf', async () => {
    expect(await gateway.call('outer.carryOn', {}, as(office))).toEqual(office);
  });

  it('carry on the person the assertion proved, not what the meta says by then', async () => {
    expect(await gateway.call('outer.carryOnAfterMetaChanged', {}, as(office))).toEqual(office);
  });

  it('are signed afresh for a retry, which is not taken for a replay', async () => {
    expect(await gateway.call('outer.flaky', {}, as(office))).toEqual(office);
    expect(flakyCalls).toBe(2);
  });

  it('are not needed by a call without an actor', async () => {
    expect(await gateway.call('inner.open')).toBe('open to all');
    expect(await gateway.call('inner.whoAmI')).toBeNull();
  });

  it('are not made for a call that stays in its process, which knows who acts', async () => {
    expect(await gateway.call('front.whoAmI', {}, as(office))).toEqual(office);
    expect(await gateway.call('front.sawAssertion', {}, as(office))).toBeNull();
  });

  it('are what a node whose key may not assert persons cannot make for another node', async () => {
    expect(await services.call('inner.whoAmI', {}, as(office))).toEqual(office);
    await expect(services.call('front.whoAmI', {}, as(office))).rejects.toMatchObject({
      type: 'FORBIDDEN',
      message: expect.stringContaining('an actor without an assertion'),
    });
  });
});
