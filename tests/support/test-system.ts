import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../contracts/actor.ts';
import { signToken } from '../../infra/auth/tokens.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import { loadConfig } from '../../infra/config/config.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { System } from '../../system/system.ts';
import { createSystem } from '../../system/system.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestSystem {
  system: System;
  dataDir: string;
  url: string;
  token(role: Exclude<Role, 'system'>, unit?: string): Promise<string>;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  lastPosition(): Promise<number>;
  /** Waits until the read models have applied everything stored so far. */
  settled(): Promise<void>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * The audit's signing key and the write key provisioned as production wants
 * them: outside the data folder, readable by their owner only. Answers the folder.
 */
const provisionedKeyDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-key-'));
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(path.join(dir, 'audit.pem'), privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
  });
  writeFileSync(path.join(dir, 'event-write-key'), `${randomBytes(32).toString('hex')}\n`, {
    mode: 0o600,
  });
  return dir;
};

/**
 * Starts the whole system in this process on fresh embedded stores and a free
 * port; in production mode, with a signing key provisioned outside them.
 */
export const startTestSystem = async (
  env: Record<string, string> = {},
  overrides: {
    clock?: Clock;
    dataDir?: string;
    /** Wraps the event store (e.g. `sparseEventStore`: positions with gaps). */
    eventStore?: (opened: EventStore) => EventStore;
  } = {},
): Promise<TestSystem> => {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dubanju-test-'));
  const keyDir = env.NODE_ENV === 'production' ? provisionedKeyDir() : null;
  const config = loadConfig({
    ...(keyDir
      ? {
          AUDIT_SIGNING_KEY_FILE: path.join(keyDir, 'audit.pem'),
          EVENT_WRITE_KEY_FILE: path.join(keyDir, 'event-write-key'),
        }
      : {}),
    DATA_DIR: dataDir,
    // Tests send bursts as one actor: the per-actor limit has tests of its own.
    RATE_LIMIT_PER_MINUTE: '0',
    PORT: '0',
    LOG_LEVEL: 'warn',
    PROJECTOR_POLL_MS: '50',
    // Past overviews are kept when first asked; keeping them ahead has tests of its own.
    BOARDS_KEPT_DAYS: '0',
    // Where a browser test built the console, when not web/dist.
    ...(process.env.CONSOLE_DIR ? { CONSOLE_DIR: process.env.CONSOLE_DIR } : {}),
    ...env,
  });
  const system = createSystem(config, {
    ...(overrides.clock ? { clock: overrides.clock } : {}),
    ...(overrides.eventStore ? { eventStore: overrides.eventStore } : {}),
  });
  await system.start();
  const url = system.url ?? '';
  return {
    system,
    dataDir,
    url,
    token: (role, unit) =>
      signToken(system.secret, {
        sub: `${role}${unit ? `-${unit}` : ''}`,
        role,
        ...(unit ? { unit } : {}),
      }),
    async gql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    lastPosition: () => system.stores.eventStore.lastPosition(),
    async settled() {
      await system.broker.call('projector.catchUp');
    },
    async stop(options = {}) {
      await system.stop();
      if (keyDir) rmSync(keyDir, { recursive: true, force: true });
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
