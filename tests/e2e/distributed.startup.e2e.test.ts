import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildSystem } from '../support/child-system.ts';
import { startChildSystem } from '../support/child-system.ts';
import type { NatsServer } from '../support/nats-server.ts';
import { freePort, natsUnavailableReason, startNatsServer } from '../support/nats-server.ts';

/*
 * A node started before its NATS server, or with the wrong credentials: it says
 * so in one line naming TRANSPORTER, keeps trying with growing pauses, answers
 * /healthz (alive) but not /readyz (not ready), and joins once NATS is there.
 */

const secret = 'distributed-startup-secret-0123456789ab';
const cannotConnect = /TRANSPORTER=\S+: cannot connect to NATS/;

const probe = async (port: number, name: 'healthz' | 'readyz') => {
  const response = await fetch(`http://127.0.0.1:${port}/${name}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

const eventually = async (what: string, look: () => Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await look().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: not within ${ms} ms`);
};

(natsUnavailableReason() ? describe.skip : describe)('a node starting without its NATS', () => {
  let dataDir: string;
  const started: ChildSystem[] = [];
  const servers: NatsServer[] = [];

  const startNode = async (env: Record<string, string>, ready: RegExp) => {
    const node = await startChildSystem(
      { DATA_DIR: dataDir, JWT_SECRET: secret, LEASE_TTL_MS: '1500', ...env },
      30_000,
      { ready },
    );
    started.push(node);
    return node;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-startup-'));
  });
  afterAll(async () => {
    for (const node of started) await node.kill('SIGTERM');
    for (const server of servers) await server.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe('when nothing listens at TRANSPORTER', () => {
    it('says so naming TRANSPORTER, backs off, stays alive but not ready, and joins once NATS is up', async () => {
      const [natsPort, httpPort] = [await freePort(), await freePort()];
      const transporter = `nats://127.0.0.1:${natsPort}`;
      const gateway = await startNode(
        { SERVICES: 'gateway', TRANSPORTER: transporter, PORT: String(httpPort) },
        cannotConnect,
      );
      expect(await gateway.waitFor(cannotConnect)).toContain(
        `TRANSPORTER=${transporter}: cannot connect to NATS: nothing listens there`,
      );
      // Each pause is jittered within the upper half of a doubling ceiling: 0.5 s, then 1 s.
      const pause = (line: string) => Number(/retrying in ([\d.]+) s/.exec(line)?.[1]);
      const second = pause(await gateway.waitFor(/\(attempt 2\)/));
      expect(second).toBeGreaterThanOrEqual(0.5);
      expect(second).toBeLessThanOrEqual(1);
      const first = pause(await gateway.waitFor(/\(attempt 1\)/));
      expect(first).toBeGreaterThanOrEqual(0.2);
      expect(first).toBeLessThanOrEqual(0.5);
      expect(await probe(httpPort, 'healthz')).toMatchObject({
        status: 200,
        body: { status: 'ok', eventLoopDelay: { windowSeconds: 10 } },
      });
      expect(await probe(httpPort, 'readyz')).toEqual({
        status: 503,
        body: { status: 'unavailable', missing: ['transporter'] },
      });
      expect(gateway.child.exitCode).toBeNull();

      servers.push(await startNatsServer({ port: natsPort }));
      await gateway.waitFor(/ready: http:/);
      // Connected, but the services it forwards to are not there yet.
      const waiting = await probe(httpPort, 'readyz');
      expect(waiting.status).toBe(503);
      expect(waiting.body.missing).toContain('tasks.registerTask');

      const healthPort = await freePort();
      await startNode(
        {
          SERVICES: 'tasks,directory,rules,supervision,projector,views,boards,audit',
          TRANSPORTER: transporter,
          LEASE_STORE: 'embedded',
          HEALTH_PORT: String(healthPort),
        },
        /services .* ready/,
      );
      await eventually('the gateway ready', async () => {
        return (await probe(httpPort, 'readyz')).status === 200;
      });
      // A node without the gateway answers the probes on HEALTH_PORT, and nothing else.
      expect(await probe(healthPort, 'readyz')).toEqual({ status: 200, body: { status: 'ready' } });
      expect((await fetch(`http://127.0.0.1:${healthPort}/graphql`)).status).toBe(404);
    }, 90_000);
  });

  describe('when NATS refuses the credentials', () => {
    it('names TRANSPORTER and the credentials without printing the password, and is not ready', async () => {
      const nats = await startNatsServer({ user: 'dubanju', password: 'right-password' });
      servers.push(nats);
      const httpPort = await freePort();
      const gateway = await startNode(
        {
          SERVICES: 'gateway',
          TRANSPORTER: nats.urlWithPassword('wrong-password'),
          PORT: String(httpPort),
        },
        cannotConnect,
      );
      const line = await gateway.waitFor(cannotConnect);
      expect(line).toContain(`TRANSPORTER=nats://dubanju:***@127.0.0.1:${nats.port}`);
      expect(line).toContain('the server refused the credentials');
      expect(gateway.output.join('\n')).not.toContain('wrong-password');
      expect((await probe(httpPort, 'readyz')).status).toBe(503);
      expect(gateway.child.exitCode).toBeNull();
    }, 60_000);
  });

  describe('when TRANSPORTER is not a NATS URL at all', () => {
    it('stops at once with a message naming TRANSPORTER', async () => {
      const child = spawn(process.execPath, ['main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, TRANSPORTER: 'http://127.0.0.1:4222' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('configuration: TRANSPORTER=http://127.0.0.1:4222');
    }, 30_000);
  });
});

if (natsUnavailableReason()) {
  console.warn(`a node starting without its NATS: skipped, ${natsUnavailableReason()}`);
}
