import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Errors, ServiceBroker } from 'moleculer';
import { connect, type NatsConnection } from 'nats';
import type { Actor } from '../../contracts/actor.ts';
import { signToken } from '../../infra/auth/tokens.ts';
import { AssertingContext, actorAssertions } from '../../infra/identity/assertion-middleware.ts';
import { processIdentity } from '../../infra/identity/node-identity.ts';
import { sealPacket, signedPackets } from '../../infra/identity/signed-packets.ts';
import { loadOrCreateSigningKey } from '../../infra/keys/signing-key.ts';
import type { ChildSystem } from '../support/child-system.ts';
import { startChildSystem } from '../support/child-system.ts';
import { postGraphQL as post } from '../support/http-calls.ts';
import type { NatsServer } from '../support/nats-server.ts';
import { natsUnavailableReason, startNatsServer } from '../support/nats-server.ts';

/*
 * A gateway node and a services node over a real nats-server, each with its own
 * identity key (the gateway may assert persons; the services node the system, and
 * persons only on their behalf). On the same bus: a rogue that reads the signed
 * packets but sends its own unsigned or signed with a key of its own, a sniffer,
 * and a node holding the services node's stolen key that replays what was seen.
 */

const secret = 'rogue-broker-e2e-secret-0123456789abcdef';
const office: Actor = { id: 'office', role: 'office' };
const inspector: Actor = { id: 'inspector', role: 'inspector' };

/** A sealed packet's payload: what precedes the signature, key id and its length. */
const unsealed = (data: Uint8Array): Buffer => Buffer.from(data).subarray(0, data.length - 32);

/**
 * How a rogue that knows the packet format reads the bus: the seal cut off
 * unchecked. What it sends goes out as its own middlewares leave it.
 */
const readsSealedPackets = {
  name: 'ReadsSealedPackets',
  transporterReceive:
    (next: (cmd: string, data: Buffer, s: unknown) => unknown) =>
    (cmd: string, data: Buffer, s: unknown) =>
      next(cmd, unsealed(data), s),
};

/** A rogue that reads the bus as above and seals what it sends with a key of its own. */
const sealingWithItsOwnKey = (key: Buffer) => ({
  ...readsSealedPackets,
  name: 'SealsWithItsOwnKey',
  transporterSend:
    (next: (topic: string, data: Buffer, meta: unknown) => unknown) =>
    (topic: string, data: Buffer, meta: { packet: { type: string } }) =>
      next(topic, sealPacket(key, meta.packet.type, data), meta),
});

/** A broker of the rogue's, calls given up on after 2 s. */
const rogueBroker = (nodeID: string, middlewares: object[] = [readsSealedPackets]) =>
  new ServiceBroker({
    namespace: 'dubanju',
    nodeID,
    transporter: { type: 'NATS', options: { servers: natsUrl } },
    logger: false,
    requestTimeout: 2_000,
    middlewares: middlewares as never,
    ContextFactory: AssertingContext,
  });
let natsUrl = '';

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
  let signer: ServiceBroker;
  let officeToken: string;
  let busKey: Buffer;

  const unitIds = async (): Promise<string[]> => {
    const result = await post(gateway.url, officeToken, '{ units { id } }');
    return ((result.data?.units ?? []) as { id: string }[]).map((unit) => unit.id);
  };

  /** A call the services node never answers: it dropped the packet. */
  const unanswered = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(Errors.RequestTimeoutError);
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
    natsUrl = nats.url;
    const gatewayKey = loadOrCreateSigningKey(path.join(keyDir, 'gateway.pem'));
    const servicesKey = loadOrCreateSigningKey(path.join(keyDir, 'services.pem'));
    busKey = randomBytes(32);
    writeFileSync(path.join(keyDir, 'bus-key'), `${busKey.toString('hex')}\n`, { mode: 0o600 });
    const trusted = [
      `gateway:person:${gatewayKey.publicKeyRaw.toString('base64url')}`,
      `services:system+forward:${servicesKey.publicKeyRaw.toString('base64url')}`,
    ].join(',');
    const nodeEnv = (services: string, key: string) => ({
      SERVICES: services,
      DATA_DIR: dataDir,
      TRANSPORTER: nats.url,
      LEASE_STORE: 'embedded',
      JWT_SECRET: secret,
      NODE_KEY_FILE: path.join(keyDir, key),
      NODE_TRUSTED_KEYS: trusted,
      BUS_KEY_FILE: path.join(keyDir, 'bus-key'),
    });
    // On the bus before the system: what its nodes announce as they start is all a
    // rogue can learn, since they answer none of its own requests (DISCOVER included).
    rogue = rogueBroker('rogue-plain');
    const own = processIdentity();
    signer = rogueBroker('rogue-signer', [
      sealingWithItsOwnKey(randomBytes(32)),
      actorAssertions(own),
    ]);
    await Promise.all([rogue.start(), signer.start()]);
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
      // The system's packets are sealed; the rogues' own are plain JSON.
      for await (const message of subscription) {
        try {
          seen.push(JSON.parse(unsealed(message.data).toString()));
        } catch {
          seen.push(JSON.parse(message.string()));
        }
      }
    })();

    await rogue.waitForServices(['tasks', 'directory', 'views'], 20_000);
    await signer.waitForServices(['directory'], 20_000);
  }, 90_000);

  afterAll(async () => {
    await rogue?.stop();
    await signer?.stop();
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

  it('is not heard with a plain broker: its calls go unanswered', async () => {
    await unanswered(
      rogue.call(
        'directory.registerUnit',
        { id: 'rogue', name: '冒名单位' },
        { meta: { actor: office } },
      ),
    );
    await unanswered(
      rogue.call('views.taskHistory', { id: 'anything' }, { meta: { actor: inspector } }),
    );
    expect(await unitIds()).not.toContain('rogue');
  });

  it('is not heard sealing with a key of its own', async () => {
    await unanswered(
      signer.call(
        'directory.registerUnit',
        { id: 'rogue', name: '冒名单位' },
        { meta: { actor: office } },
      ),
    );
    expect(await unitIds()).not.toContain('rogue');
  });

  it('is routed no call by announcing services of its own', async () => {
    let heard = 0;
    const impostor = rogueBroker('rogue-services');
    impostor.createService({
      name: 'directory',
      actions: {
        knownUnits: () => {
          heard += 1;
          return ['ghost'];
        },
      },
    });
    impostor.createService({
      name: 'audit',
      actions: {
        recordTaskHistoryRead: () => {
          heard += 1;
          return { recorded: true };
        },
      },
    });
    await impostor.start();
    try {
      // Long enough for the gateway to have heard the impostor's announcement.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const ghost = await signToken(secret, {
        sub: 'ghost-head',
        role: 'department_head',
        unit: 'ghost',
      });
      const inspectorToken = await signToken(secret, { sub: 'inspector', role: 'inspector' });
      for (let i = 0; i < 6; i += 1) {
        const asGhost = await post(gateway.url, ghost, '{ units { id } }');
        expect(asGhost.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        const read = await post(
          gateway.url,
          inspectorToken,
          '{ taskHistory(id: "none") { totalCount } }',
        );
        expect(read.errors?.[0]?.extensions?.code).not.toBe('INTERNAL');
      }
      expect(heard).toBe(0);
    } finally {
      await impostor.stop();
    }
  });

  it('cannot replay what it saw, nor re-target it, even holding the bus key', async () => {
    const captured = seen.find((packet) => packet.action === 'directory.registerUnit');
    if (!captured) throw new Error('the sniffer saw no registerUnit request');
    const thief = rogueBroker('rogue-thief', [signedPackets(busKey)]);
    await thief.start();
    try {
      await thief.waitForServices(['directory', 'tasks'], 20_000);
      const meta = { actor: captured.meta.actor, assertion: captured.meta.assertion };
      expect(meta.assertion).toEqual(expect.any(String));
      const again = await refusalOf(
        thief.call('directory.registerUnit', captured.params, { meta }),
      );
      expect(again.message).toContain('replayed');
      const other = await refusalOf(
        thief.call('directory.registerUnit', { ...captured.params, id: 'rogue' }, { meta }),
      );
      expect(other.message).toContain('it is for other params');
      const elsewhere = await refusalOf(
        thief.call('tasks.registerTask', captured.params, { meta }),
      );
      expect(elsewhere.message).toContain('it is for another action');
      // Without a node key of its own, it cannot assert an actor at all.
      const forged = await refusalOf(
        thief.call(
          'directory.registerUnit',
          { id: 'rogue', name: '冒名单位' },
          { meta: { actor: office } },
        ),
      );
      expect(forged).toMatchObject({ code: 403, type: 'FORBIDDEN' });
    } finally {
      await thief.stop();
    }
    expect(await unitIds()).toEqual(['edu']);
  });

  it('is logged by the node that refused it', async () => {
    await services.waitFor(/bus packet refused/);
    await services.waitFor(/actor assertion refused/);
  });
});
