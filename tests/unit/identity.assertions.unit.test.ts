import { generateKeyPairSync } from 'node:crypto';
import type { Actor } from '../../contracts/actor.ts';
import {
  assertionLifetimeMs,
  clockSkewMs,
  createAsserter,
  verifyAssertion,
} from '../../infra/identity/actor-assertions.ts';
import { type Capability, signAssertion, type TrustedKey } from '../../infra/identity/assertion.ts';
import type { NodeIdentity } from '../../infra/identity/node-identity.ts';
import { createReplayGuard } from '../../infra/identity/replay-guard.ts';
import { keyIdOf, rawPublicKey } from '../../infra/keys/signing-key.ts';

const now = 1_700_000_000_000;
const office: Actor = { id: 'office-1', role: 'office' };
const system: Actor = { id: 'clock', role: 'system' };
const params = { taskId: 't1', percent: 40 };

/** A node with a fresh key, trusted by `trusted` with the capabilities given. */
const nodeWith = (name: string, may: Capability[], trusted: Map<string, TrustedKey>) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(rawPublicKey(publicKey));
  trusted.set(keyId, { name, publicKey, may: new Set(may) });
  const identity: NodeIdentity = { keyId, privateKey, trusted, source: 'provisioned' };
  return { identity, assert: createAsserter(identity, () => now) };
};

const setUp = () => {
  const trusted = new Map<string, TrustedKey>();
  const gateway = nodeWith('gateway', ['person'], trusted);
  const service = nodeWith('tasks', ['forward', 'system'], trusted);
  const replay = createReplayGuard();
  const check = (
    token: unknown,
    action = 'tasks.reportProgress',
    asked: unknown = params,
    at = now,
  ) => verifyAssertion(token, { action, params: asked }, trusted, replay, at);
  return { trusted, gateway, service, check };
};

describe('an actor assertion', () => {
  it('proves the person a gateway asserted, for that action and params', () => {
    const { gateway, check } = setUp();
    const token = gateway.assert(office, 'tasks.reportProgress', params, null);
    expect(check(token)).toEqual({ actor: office, origin: token });
  });

  it('is refused for another action, other params, or a second time', () => {
    const { gateway, check } = setUp();
    const token = gateway.assert(office, 'tasks.reportProgress', params, null);
    expect(check(token, 'tasks.terminateTask')).toEqual({
      refused: 'it is for another action (tasks.reportProgress)',
    });
    expect(check(token, 'tasks.reportProgress', { ...params, percent: 100 })).toEqual({
      refused: 'it is for other params',
    });
    expect(check(token)).toMatchObject({ actor: office });
    expect(check(token)).toEqual({ refused: 'replayed' });
  });

  it('is refused once expired, and when it claims to live longer than assertions do', () => {
    const { gateway, check } = setUp();
    const token = gateway.assert(office, 'tasks.reportProgress', params, null);
    const late = now + assertionLifetimeMs + clockSkewMs + 1;
    expect(check(token, 'tasks.reportProgress', params, late)).toEqual({ refused: 'expired' });
    const { privateKey } = gateway.identity;
    const forever = signAssertion(
      {
        kid: gateway.identity.keyId,
        actor: office,
        action: 'tasks.reportProgress',
        digest: JSON.parse(Buffer.from(token?.split('.')[0] ?? '', 'base64url').toString()).digest,
        rid: 'r-forever',
        exp: now + 365 * 86_400_000,
      },
      privateKey,
    );
    expect(check(forever)).toEqual({ refused: 'valid for longer than assertions live' });
  });

  it('is refused when signed by a key the deployment does not trust, or altered', () => {
    const { check } = setUp();
    const stranger = nodeWith('rogue', ['person'], new Map());
    const token = stranger.assert(office, 'tasks.reportProgress', params, null) as string;
    expect(check(token)).toMatchObject({
      refused: expect.stringContaining('a key this deployment does not trust'),
    });
    const { gateway } = setUp();
    const honest = gateway.assert(office, 'tasks.reportProgress', params, null) as string;
    const [body, signature] = honest.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString());
    const inspector = Buffer.from(
      JSON.stringify({ ...claims, actor: { id: 'x', role: 'inspector' } }),
    ).toString('base64url');
    expect(check(`${inspector}.${signature}`)).toMatchObject({ refused: expect.any(String) });
    expect(check('not-an-assertion')).toEqual({ refused: 'malformed' });
    expect(check(undefined)).toEqual({ refused: 'malformed' });
  });

  it('of a person comes only from a key that may assert persons', () => {
    const { service, check } = setUp();
    // A service node cannot assert a person on its own…
    expect(service.assert(office, 'tasks.reportProgress', params, null)).toBeNull();
    // …nor can a hand-made direct assertion from its key pass.
    const forged = signAssertion(
      {
        kid: service.identity.keyId,
        actor: office,
        action: 'tasks.reportProgress',
        digest: 'x',
        rid: 'r1',
        exp: now + 1000,
      },
      service.identity.privateKey,
    );
    expect(check(forged)).toMatchObject({ refused: expect.any(String) });
  });

  it('of the system comes only from a key that may assert the system', () => {
    const { gateway, service, check } = setUp();
    expect(gateway.assert(system, 'tasks.reportProgress', params, null)).toBeNull();
    const token = service.assert(system, 'tasks.reportProgress', params, null);
    expect(check(token)).toEqual({ actor: system, origin: null });
  });
});

describe('a hop made on a person’s behalf', () => {
  it('carries the person’s own assertion and proves that person', () => {
    const { gateway, service, check } = setUp();
    const origin = gateway.assert(office, 'tasks.registerTask', { title: 'x' }, null) as string;
    const hop = service.assert(office, 'directory.knownUnits', { ids: ['edu'] }, origin);
    expect(check(hop, 'directory.knownUnits', { ids: ['edu'] })).toEqual({ actor: office, origin });
  });

  it('may not name another actor than the person’s assertion', () => {
    const { gateway, service, check } = setUp();
    const origin = gateway.assert(office, 'tasks.registerTask', {}, null) as string;
    const inspector: Actor = { id: 'i1', role: 'inspector' };
    const hop = service.assert(inspector, 'views.taskHistory', { id: 't1' }, origin);
    expect(check(hop, 'views.taskHistory', { id: 't1' })).toEqual({
      refused: "it names another actor than its person's assertion",
    });
  });

  it('needs a person’s assertion that is itself valid and alive', () => {
    const { gateway, service, check } = setUp();
    const stale = createAsserter(gateway.identity, () => now - 10 * assertionLifetimeMs)(
      office,
      'tasks.registerTask',
      {},
      null,
    ) as string;
    const hop = service.assert(office, 'directory.knownUnits', { ids: [] }, stale);
    expect(check(hop, 'directory.knownUnits', { ids: [] })).toEqual({
      refused: "its person's assertion: expired",
    });
    const rogue = nodeWith('rogue', ['person'], new Map());
    const foreign = rogue.assert(office, 'tasks.registerTask', {}, null) as string;
    const carried = service.assert(office, 'directory.knownUnits', { ids: [] }, foreign);
    expect(check(carried, 'directory.knownUnits', { ids: [] })).toMatchObject({
      refused: expect.stringContaining("its person's assertion: signed by a key"),
    });
  });
});
