import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { freePort } from '../support/nats-server.ts';

/*
 * `node main.ts` told to warm up (WARM_UP_REQUESTS): alive while it does, ready
 * only after it, saying what it did; its own log as empty as it was.
 */

const status = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.status,
    () => 0,
  );

const scratchFolders = () =>
  readdirSync(os.tmpdir()).filter((name) => name.startsWith('dubanju-warm-up-'));

describe('a process warming up before it is offered', () => {
  let dataDir: string;
  let child: ChildProcess | null = null;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-warm-start-'));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('is alive and not ready while it warms up, then ready, its log untouched', async () => {
    const port = await freePort();
    const before = scratchFolders();
    const output: string[] = [];
    child = spawn(process.execPath, ['main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        WARM_UP_REQUESTS: '80',
        SUPERVISION_CLOCK_INTERVAL_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk) => output.push(String(chunk)));
    }
    const polls: { warmed: boolean; alive: number; ready: number }[] = [];
    const started = performance.now();
    while (performance.now() - started < 90_000 && child.exitCode === null) {
      const [alive, ready] = await Promise.all([
        status(`http://127.0.0.1:${port}/healthz`),
        status(`http://127.0.0.1:${port}/readyz`),
      ]);
      polls.push({ warmed: output.join('').includes('warmed up:'), alive, ready });
      if (ready === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const log = output.join('');
    expect({ last: polls.at(-1), log }).toMatchObject({ last: { ready: 200 } });
    expect(log).toMatch(
      /warmed up: 80 requests \(24 writes, 0 failed\) to a scratch system of \d+ events/,
    );
    // Polled while it warmed up: alive, not ready.
    const warming = polls.filter((poll) => poll.alive === 200 && !poll.warmed);
    expect(warming.length).toBeGreaterThanOrEqual(3);
    for (const poll of warming) expect(poll.ready).toBe(503);
    expect(scratchFolders()).toEqual(before);
    const store = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    try {
      expect(await store.lastPosition()).toBe(0);
    } finally {
      await store.close();
    }
  }, 120_000);
});
