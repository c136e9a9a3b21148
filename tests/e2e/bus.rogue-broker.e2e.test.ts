import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Errors, ServiceBroker } from 'moleculer';
import { connect, type NatsConnection } from 'nats';
import type { Actor } from '../../contracts/actor.ts';
import { signToken } from '../../infra/auth/tokens.ts';
import { AssertingContext, actorAssertions } from '../../infra/identity/assertion-middleware.ts';
import { processIdentity } from '../../infra/identity/node-identity.ts';
import { loadOrCreateSigningKey } from '../../infra/keys/signing-key.ts';
import type { ChildSystem } from '../support/child-system.ts';
import { startChildSystem } from '../support/child-system.ts';
import { postGraphQL as post } from '../support/http-calls.ts';
import type { NatsServer } from '../support/nats-server.ts';
import { natsUnavailableReason, startNatsServer } from '../support/nats-server.ts';

/*
 * A gateway node and a services node over a real nats-server, each with its own
 * identity key (the gateway may assert persons; the services node the system, and
 * persons only on their behalf). A rogue on the same bus, with a plain broker or
 * one signing with a key of its own, and a sniffer replaying what it saw.
 */

const secret = 'rogue-broker-e2e-secret-0123456789abcdef';
const office: Actor = { id: 'office', role: 'office' };
const inspector: Actor = { id: 'inspector', role: 'inspector' };

/** Moleculer's request packet as it crosses NATS (JSON serializer). */
interface RequestPacket {
  action: string;
  params: Record<string, unknown>;
  meta: { actor?: Actor; assertion?: string };
}

(natsUnavailableReason() ? describe.skip : describe)('a rogue on the bus', () => {
  let nats: NatsServer;
  let dataDir: string;
  let keyDir: string;
  let gateway: ChildSystem;
  let services: ChildSystem;
  let sniffer: NatsConnection;
  const seen: RequestPacket[] = [];
  let rogue: ServiceBroker;
  let officeToken: string;

  const unitIds = async (): Promise<string[]> => {
    const result = await post(gateway.url, officeToken, '{ units { id } }');
    return ((result.data?.units ?? []) as { id: string }[]).map((unit) => unit.id);
  };

  /** The refusal of a call, as the rogue receives it. */
  const refusalOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Errors.MoleculerError);
    return error as Errors.MoleculerError;
  };

  beforeAll(async () => {
    nats = await startNatsServer();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-rogue-'));
    keyDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-node-keys-'));
    const gatewayKey = loadOrCreateSigningKey(path.join(keyDir, 'gateway.pem'));
    const servicesKey = loadOrCreateSigningKey(path.join(keyDir, 'services.pem'));
    const trusted = [
      `gateway:person:${gatewayKey.publicKeyRaw.toString('base64url')}`,
      `services:system+forward:${servicesKey.publicKeyRaw.toString('base64url')}`,
    ].join(',');
    const nodeEnv = (services: string, key: string) => ({
      SERVICES: services,
      DATA_DIR: dataDir,
      TRANSPORTER: nats.url,
      JWT_SECRET: secret,
      NODE_KEY_FILE: path.join(keyDir, key),
      NODE_TRUSTED_KEYS: trusted,
    });
    services = await startChildSystem(
      nodeEnv('tasks,directory,rules,projector,views,audit', 'services.pem'),
      30_000,
      { ready: /services .* ready/ },
    );
    gateway = await startChildSystem(nodeEnv('gateway', 'gateway.pem'), 30_000);
    officeToken = await signToken(secret, { sub: 'office', role: 'office' });

    sniffer = await connect({ servers: `127.0.0.1:${nats.port}` });
    const subscription = sniffer.subscribe('MOL-dubanju.REQ.>');
    void (async () => {
      for await (const message of subscription) seen.push(JSON.parse(message.string()));
    })();

    rogue = new ServiceBroker({
      namespace: 'dubanju',
      nodeID: 'rogue-plain',
      transporter: { type: 'NATS', options: { servers: nats.url } },
      logger: false,
    });
    await rogue.start();
    await rogue.waitForServices(['tasks', 'directory', 'views'], 20_000);
  }, 90_000);

  afterAll(async () => {
    await rogue?.stop();
    await sniffer?.close();
    await gateway?.kill('SIGTERM');
    await services?.kill('SIGTERM');
    await nats?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('works for the gateway, a person’s calls carried on by the services node', async () => {
    const unit = await post(
      gateway.url,
      officeToken,
      'mutation { registerUnit(input: {id: "edu", name: "教育局"}) { id } }',
    );
    expect(unit.errors).toBeUndefined();
    // Assigning asks the directory whether the unit exists: a call the services
    // node makes on the office's behalf, with the office's own assertion carried on.
    const task = await post(
      gateway.url,
      officeToken,
      `mutation { registerTask(input: {title: "新建学校", section: "教育", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }`,
    );
    const taskId = (task.data?.registerTask as { id: string } | undefined)?.id;
    const assigned = await post(
      gateway.url,
      officeToken,
      'mutation($t: ID!) { assignTask(input: {taskId: $t, leadUnitId: "edu"}) { revision } }',
      { t: taskId },
    );
    expect(assigned.errors).toBeUndefined();
    expect(seen.some((packet) => packet.action === 'directory.registerUnit')).toBe(true);
  });

  it('cannot forge an actor with a plain broker', async () => {
    const forged = await refusalOf(
      rogue.call(
        'directory.registerUnit',
        { id: 'rogue', name: '冒名单位' },
        { meta: { actor: office } },
      ),
    );
    expect(forged).toMatchObject({ code: 403, type: 'FORBIDDEN' });
    expect(forged.message).toContain('an actor without an assertion');
    const read = await refusalOf(
      rogue.call('views.taskHistory', { id: 'anything' }, { meta: { actor: inspector } }),
    );
    expect(read).toMatchObject({ type: 'FORBIDDEN' });
    expect(await unitIds()).not.toContain('rogue');
  });

  it('cannot sign with a key of its own', async () => {
    const signer = new ServiceBroker({
      namespace: 'dubanju',
      nodeID: 'rogue-signer',
      transporter: { type: 'NATS', options: { servers: nats.url } },
      logger: false,
      middlewares: [actorAssertions(processIdentity())],
      ContextFactory: AssertingContext,
    });
    await signer.start();
    try {
      await signer.waitForServices(['directory'], 20_000);
      const refused = await refusalOf(
        signer.call(
          'directory.registerUnit',
          { id: 'rogue', name: '冒名单位' },
          { meta: { actor: office } },
        ),
      );
      expect(refused.message).toContain('a key this deployment does not trust');
    } finally {
      await signer.stop();
    }
    expect(await unitIds()).not.toContain('rogue');
  });

  it('cannot replay what it saw, nor re-target it to other params or another action', async () => {
    const captured = seen.find((packet) => packet.action === 'directory.registerUnit');
    if (!captured) throw new Error('the sniffer saw no registerUnit request');
    const meta = { actor: captured.meta.actor, assertion: captured.meta.assertion };
    expect(meta.assertion).toEqual(expect.any(String));
    const again = await refusalOf(rogue.call('directory.registerUnit', captured.params, { meta }));
    expect(again.message).toContain('replayed');
    const other = await refusalOf(
      rogue.call('directory.registerUnit', { ...captured.params, id: 'rogue' }, { meta }),
    );
    expect(other.message).toContain('it is for other params');
    const elsewhere = await refusalOf(rogue.call('tasks.registerTask', captured.params, { meta }));
    expect(elsewhere.message).toContain('it is for another action');
    expect(await unitIds()).toEqual(['edu']);
  });

  it('is logged by the node that refused it', async () => {
    await services.waitFor(/actor assertion refused/);
  });
});
