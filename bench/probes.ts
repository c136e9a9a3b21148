/**
 * Start-up and probes on a large log: the server (`main.ts`, its own process)
 * on a data folder whose read models are current, timed from spawn to
 * `/healthz` and to `/readyz`; then `npm run rebuild` in another process on
 * the same folder while `/healthz` and `/readyz` are polled every 100 ms: the
 * slowest probe answer, any probe that failed, and how long the rebuild ran
 * (when the server's own projector takes it over, until that script hands over).
 *
 *   node bench/probes.ts --data DIR     # a folder `npm run bench:boards -- --keep DIR` made
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../tests/support/nats-server.ts';
import { spawnServer } from './server-process.ts';
import { line } from './stats.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
if (!values.data) throw new Error('--data DIR: a data folder with a log and current read models');
const dir = path.resolve(values.data);

const port = await freePort();
const probe = async (name: 'healthz' | 'readyz') => {
  const started = performance.now();
  try {
    const response = await fetch(`http://127.0.0.1:${port}/${name}`, {
      signal: AbortSignal.timeout(10_000),
    });
    await response.text();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    return { status: 0, ms: performance.now() - started };
  }
};

const spawned = performance.now();
const server = spawnServer(dir, port, randomBytes(32).toString('hex'));

/** Polls `name` every 100 ms until it answers 200; how long that took. */
const until200 = async (name: 'healthz' | 'readyz', from: number) => {
  for (;;) {
    if ((await probe(name)).status === 200) return performance.now() - from;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

try {
  const healthy = await until200('healthz', spawned);
  const ready = await until200('readyz', spawned);
  line('spawn to /healthz 200', `${(healthy / 1000).toFixed(1)} s`);
  line('spawn to /readyz 200 (read models current)', `${(ready / 1000).toFixed(1)} s`);

  const rebuildStarted = performance.now();
  const rebuild = spawn(process.execPath, ['--max-semi-space-size=64', 'scripts/rebuild.ts'], {
    env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const rebuilt = new Promise<number>((resolve) =>
    rebuild.once('exit', (code) => resolve(code ?? 1)),
  );
  let done = false;
  void rebuilt.then(() => {
    done = true;
  });
  const health: number[] = [];
  let failed = 0;
  let notReady = 0;
  let readyAgain: number | null = null;
  while (!done || readyAgain === null) {
    const [h, r] = await Promise.all([probe('healthz'), probe('readyz')]);
    health.push(h.ms);
    if (h.status !== 200) failed += 1;
    if (r.status !== 200) notReady += 1;
    else if (done && readyAgain === null) readyAgain = performance.now() - rebuildStarted;
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (performance.now() - rebuildStarted > 30 * 60_000) break;
  }
  const code = await rebuilt;
  line('rebuild (another process) exit code', String(code));
  line(
    '/healthz during the rebuild',
    `${health.length} probes, slowest ${Math.max(...health).toFixed(0)} ms, ${failed} not 200`,
  );
  line('/readyz not 200 during the rebuild', `${notReady} of ${health.length} probes`);
  line(
    'rebuild script ran (then /readyz 200)',
    readyAgain === null ? 'not within 30 min' : `${(readyAgain / 1000).toFixed(1)} s`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}
