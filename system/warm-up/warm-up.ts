import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoNow } from '../../demo/demo-env.ts';
import { runDemo } from '../../demo/run-demo.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { createSystem } from '../system.ts';
import { exercise } from './exercise.ts';

/** The demo's plan, wherever the process was started from. */
const planFile = fileURLToPath(new URL('../../plans/2021-gaoxin.json', import.meta.url));

/** What a warm-up did. */
export interface WarmUpReport {
  /** Events of the scratch year, played through the commands. */
  events: number;
  requests: number;
  /** Of them, indicator values reported. */
  writes: number;
  /** Requests answered with an error (the warm-up goes on). */
  failed: number;
  ms: number;
}

/**
 * Runs the node's own code before the node is offered, so that its first
 * minute of load meets code already compiled and optimised (cold, a node under
 * 200 requests/s answered its first seconds in seconds, not milliseconds): the
 * demo's year played through the commands into a scratch store, then
 * `requests` GraphQL requests of a working day's mix, writes included, to a
 * scratch system on a loopback port of its own. That system is configured
 * from nothing but a temporary folder, removed after: none of the node's
 * stores, keys, bus, channels or witnesses is read or written.
 */
export const warmUp = async (requests: number): Promise<WarmUpReport> => {
  const started = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-warm-up-'));
  try {
    const secret = randomBytes(32).toString('hex');
    const config = loadConfig({
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: secret,
      CLOCK: demoNow,
      LOG_LEVEL: 'silent',
      // Boards built in this thread, as a node without workers does; nothing kept ahead.
      BOARDS_WORKER: 'false',
      BOARDS_KEPT_DAYS: '0',
    });
    const { events } = await runDemo(config, { planFile });
    const system = createSystem(config);
    try {
      await system.start();
      const sent = await exercise(system.url as string, secret, requests);
      return { events, requests, ...sent, ms: performance.now() - started };
    } finally {
      await system.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
