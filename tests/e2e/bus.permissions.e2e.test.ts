import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect, type NatsConnection } from 'nats';
import { signToken } from '../../infra/auth/tokens.ts';
import type { ChildSystem } from '../support/child-system.ts';
import { startChildSystem } from '../support/child-system.ts';
import { postGraphQL as post, type GraphQLResult as Result } from '../support/http-calls.ts';
import type { NatsServer } from '../support/nats-server.ts';
import { natsUnavailableReason, startNatsServer } from '../support/nats-server.ts';

/*
 * The shipped NATS permissions (infra/deploy/nats-permissions.conf) on a real
 * nats-server: three node groups signed in as themselves work together, and
 * each credential is refused what its group may not do.
 */

const secret = 'bus-permissions-e2e-secret-0123456789abcdef';
const passwords = { gateway: 'gw-pass', commands: 'cmd-pass', projection: 'proj-pass' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first error the server reports to `connection` within `ms`, or null. */
const permissionError = async (connection: NatsConnection, ms = 3000): Promise<string | null> => {
  const statuses = connection.status();
  const timeout = pause(ms).then(() => null);
  const first = (async () => {
    for await (const status of statuses) {
      if (status.type === 'error') return String(status.data);
    }
    return null;
  })();
  return Promise.race([first, timeout]);
};

(natsUnavailableReason() ? describe.skip : describe)('the shipped NATS permissions', () => {
  let nats: NatsServer;
  let dataDir: string;
  const nodes: ChildSystem[] = [];
  let gateway: ChildSystem;
  let office: string;

  const as = (kind: keyof typeof passwords) =>
    connect({ servers: `127.0.0.1:${nats.port}`, user: kind, pass: passwords[kind] });

  beforeAll(async () => {
    nats = await startNatsServer({
      jetstream: true,
      include: {
        file: path.resolve('infra', 'deploy', 'nats-permissions.conf'),
        env: {
          NATS_GATEWAY_PASSWORD: passwords.gateway,
          NATS_COMMANDS_PASSWORD: passwords.commands,
          NATS_PROJECTION_PASSWORD: passwords.projection,
        },
      },
    });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-permissions-'));
    const node = (kind: keyof typeof passwords, services: string) => ({
      SERVICES: services,
      NODE_KIND: kind,
      DATA_DIR: dataDir,
      TRANSPORTER: `nats://127.0.0.1:${nats.port}`,
      NATS_USER: kind,
      NATS_PASSWORD: passwords[kind],
      JWT_SECRET: secret,
      LEASE_STORE: 'nats',
      PROJECTOR_POLL_MS: '100',
    });
    const ready = { ready: /services .* ready/ };
    nodes.push(
      await startChildSystem(node('commands', 'tasks,directory,rules,supervision'), 30_000, ready),
    );
    nodes.push(
      await startChildSystem(node('projection', 'projector,views,boards,audit'), 30_000, ready),
    );
    gateway = await startChildSystem(node('gateway', 'gateway'), 30_000);
    nodes.push(gateway);
    office = await signToken(secret, { sub: 'office', role: 'office' });
    for (let i = 0; i < 300; i++) {
      if ((await fetch(`${gateway.url}/readyz`)).status === 200) break;
      await pause(100);
    }
  }, 120_000);

  afterAll(async () => {
    for (const child of nodes.reverse()) await child.kill('SIGTERM');
    await nats?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('let the three node groups work together: commands, projection, leases', async () => {
    const unit = await post(
      gateway.url,
      office,
      'mutation { registerUnit(input: {id: "edu", name: "教育局"}) { id } }',
    );
    expect(unit.errors).toBeUndefined();
    const task = await post(
      gateway.url,
      office,
      `mutation { registerTask(input: {title: "新建学校", section: "教育", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }`,
    );
    expect(task.errors).toBeUndefined();
    const taskId = (task.data?.registerTask as { id: string } | undefined)?.id;
    const assigned = await post(
      gateway.url,
      office,
      'mutation($t: ID!) { assignTask(input: {taskId: $t, leadUnitId: "edu"}) { revision } }',
      { t: taskId },
    );
    expect(assigned.errors).toBeUndefined();
    let seen: Result = {};
    for (let i = 0; i < 100; i++) {
      seen = await post(
        gateway.url,
        office,
        'query($t: ID!) { task(id: $t) { leadUnit { id } } }',
        {
          t: taskId,
        },
      );
      if ((seen.data?.task as { leadUnit?: { id: string } } | null)?.leadUnit) break;
      await pause(100);
    }
    expect(seen.data?.task).toEqual({ leadUnit: { id: 'edu' } });
  });

  it('refuse a connection without credentials', async () => {
    await expect(connect({ servers: `127.0.0.1:${nats.port}` })).rejects.toThrow(/Authorization/i);
  });

  it('refuse the gateway’s user a subscription to the requests of command nodes', async () => {
    const connection = await as('gateway');
    try {
      const errors = permissionError(connection);
      connection.subscribe('MOL-dubanju.REQ.commands.>');
      expect(await errors).toMatch(/PERMISSIONS_VIOLATION/);
    } finally {
      await connection.close().catch(() => undefined);
    }
  });

  it('refuse the projection user a request to a command node', async () => {
    const connection = await as('projection');
    try {
      const errors = permissionError(connection);
      connection.publish('MOL-dubanju.REQ.commands.any-node', '{}');
      expect(await errors).toMatch(/PERMISSIONS_VIOLATION/);
    } finally {
      await connection.close().catch(() => undefined);
    }
  });

  it('let no user send a request to a gateway, which serves nothing', async () => {
    const connection = await as('commands');
    try {
      const errors = permissionError(connection);
      connection.publish('MOL-dubanju.REQ.gateway.any-node', '{}');
      expect(await errors).toMatch(/PERMISSIONS_VIOLATION/);
    } finally {
      await connection.close().catch(() => undefined);
    }
  });

  it('still let the projection user answer its own requests and the gateway send them', async () => {
    const projection = await as('projection');
    const gatewayUser = await as('gateway');
    try {
      const subscription = projection.subscribe('MOL-dubanju.REQ.projection.probe', { max: 1 });
      await projection.flush();
      gatewayUser.publish('MOL-dubanju.REQ.projection.probe', 'hello');
      for await (const message of subscription) expect(message.string()).toBe('hello');
    } finally {
      await projection.close();
      await gatewayUser.close();
    }
  });
});
