/**
 * Start-up of a node on a large log in PostgreSQL: the data folder's SQLite log
 * (`npm run bench:boards -- --keep DIR` makes one, with its read models rebuilt)
 * copied into a PostgreSQL schema with its positions kept, then, over a local
 * nats-server with leases in PostgreSQL, each kind of node started in turn as its
 * own process and timed from spawn to `/healthz` 200, to `/readyz` 200 and to
 * the line saying its services are ready:
 *   - a command node (tasks, directory, rules, supervision), which reads no
 *     read model of the log's size to start;
 *   - a projection node (projector, views, boards) whose read models are the
 *     folder's, current at the log's end (same positions), so its projector has
 *     nothing to catch up.
 * Each is started twice: the first start pays what the operating system has
 * not cached yet. Prints the log's size beside the figures: start-up should not
 * grow with it.
 *
 *   BENCH_POSTGRES_URL=postgres://127.0.0.1/test node bench/node-start.ts --data DIR [--schema NAME]
 *
 * `--schema NAME` keeps the copied log in NAME (and reuses it when it already
 * holds events); without it the copy goes to a schema dropped afterwards.
 * `--only command` (or `projection`) starts that kind of node alone.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgresEventStore } from '../infra/event-store/postgres/postgres-event-store.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { startChildSystem } from '../tests/support/child-system.ts';
import { freePort, startNatsServer } from '../tests/support/nats-server.ts';
import { dropSchemas, schemaUrl } from '../tests/support/postgres.ts';
import { copyLogToPostgres } from './copy-log.ts';
import { line } from './stats.ts';

const { values } = parseArgs({
  options: { data: { type: 'string' }, schema: { type: 'string' }, only: { type: 'string' } },
});
const base = process.env.BENCH_POSTGRES_URL;
if (!base) throw new Error('BENCH_POSTGRES_URL=postgres://…: where the log is copied');
if (!values.data) throw new Error('--data DIR: a folder with a log and its current read models');
const dir = path.resolve(values.data);
const schema = values.schema ?? `bench_start_${process.pid}`;
const url = schemaUrl(schema, base);
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The folder's log in the schema, copied unless it is there already; its last position. */
const logInPostgres = async (): Promise<number> => {
  const target = await openPostgresEventStore({ connectionString: url });
  try {
    const there = await target.lastPosition();
    if (there > 0) return there;
    const source = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    try {
      const started = performance.now();
      const copied = await copyLogToPostgres(source, url);
      line('log copied into PostgreSQL', `${copied} events in ${ms(performance.now() - started)}`);
      return copied;
    } finally {
      await source.close();
    }
  } finally {
    await target.close();
  }
};

/**
 * Polls `/name` on `port` every 50 ms until it answers 200; the time from `from`.
 * Gives up when `gone` says the process ended.
 */
const until200 = async (
  port: number,
  name: 'healthz' | 'readyz',
  from: number,
  gone: () => unknown,
) => {
  for (;;) {
    const failed = gone();
    if (failed) throw failed;
    const answered = await fetch(`http://127.0.0.1:${port}/${name}`, {
      signal: AbortSignal.timeout(5_000),
    }).then(
      async (response) => {
        await response.text();
        return response.status;
      },
      () => 0,
    );
    if (answered === 200) return performance.now() - from;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

const nats = await startNatsServer();
try {
  const end = await logInPostgres();
  line('log', `${end} events (last position) in ${schema}`);
  const secret = randomBytes(32).toString('hex');
  const nodes = [
    ['command node', 'tasks,directory,rules,supervision'],
    ['projection node', 'projector,views,boards'],
  ] as const;
  for (const [name, services] of nodes) {
    if (values.only && !name.startsWith(values.only)) continue;
    for (const attempt of [1, 2]) {
      const port = await freePort();
      const spawned = performance.now();
      const starting = startChildSystem(
        {
          SERVICES: services,
          TRANSPORTER: nats.url,
          LEASE_STORE: 'postgres',
          EVENT_STORE_URL: url,
          DATA_DIR: dir,
          HEALTH_PORT: String(port),
          JWT_SECRET: secret,
          CLOCK: '2021-12-31T02:00:00Z',
          // No clock run: the copied log stays the folder's, and its read models current.
          SUPERVISION_CLOCK_INTERVAL_MS: '0',
        },
        600_000,
        { ready: /services .* ready/ },
      );
      let failed: unknown = null;
      starting.catch((error: unknown) => {
        failed = error;
      });
      const healthy = await until200(port, 'healthz', spawned, () => failed);
      const ready = await until200(port, 'readyz', spawned, () => failed);
      const node = await starting;
      const logged = performance.now() - spawned;
      line(
        `${name}, start ${attempt}`,
        `/healthz ${ms(healthy)}, /readyz ${ms(ready)}, services ready by ${ms(logged)}`,
      );
      await node.kill('SIGTERM');
    }
  }
} finally {
  await nats.stop();
  if (!values.schema) await dropSchemas([schema], base);
}
