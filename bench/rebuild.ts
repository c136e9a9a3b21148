/**
 * Rebuild benchmark: events/s of replaying the whole log through every read
 * model (`allProjections`) into a fresh read-model store, as `npm run rebuild`
 * does. Either on a generated log of BENCH_EVENTS (default 1,000,000) realistic
 * task events (bench/generate-log.ts), batch-appended to a temporary SQLite
 * store, or on an existing log: `--data DIR` (its events are only read; the
 * rebuild goes to a temporary store).
 *
 *   npm run bench:rebuild                      # generated log
 *   npm run bench:rebuild -- --data ./data     # e.g. the demo's log
 *   BENCH_EVENTS=200000 npm run bench:rebuild
 *   npm run bench:rebuild -- --keep DIR        # keep the generated log in DIR (for profiling)
 *   BENCH_POSTGRES_URL=postgres://127.0.0.1/test npm run bench:rebuild [-- --schema NAME]
 *       # events and read models in PostgreSQL: the log generated into schema NAME
 *       # (kept, and only read when it already holds events), or with --data DIR
 *       # copied there from DIR's SQLite log; the rebuild goes into a fresh schema,
 *       # dropped afterwards unless --models NAME names one to keep
 * The npm script gives V8 a 64 MB young generation, as `npm run rebuild` does:
 * a rebuild allocates a new document per event, and fewer of them outlive a
 * scavenge into the old generation (about 8% less CPU here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgresEventStore } from '../infra/event-store/postgres/postgres-event-store.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { openPostgresReadModelStore } from '../infra/read-model-store/postgres/postgres-read-model-store.ts';
import { allProjections } from '../projections/index.ts';
import { rebuildReadModels } from '../services/projector/rebuild.ts';
import { dropSchemas, schemaUrl } from '../tests/support/postgres.ts';
import { copyLogToPostgres } from './copy-log.ts';
import { generateLog } from './generate-log.ts';
import { line, rate } from './stats.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    keep: { type: 'string' },
    schema: { type: 'string' },
    models: { type: 'string' },
  },
});
const work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-rebuild-'));
const postgresUrl = process.env.BENCH_POSTGRES_URL ?? null;
const schemaOf = (schema: string) => schemaUrl(schema, postgresUrl ?? '');
const rebuildSchema = values.models ?? `bench_rebuild_${process.pid}`;
try {
  const logDir = values.data ?? values.keep;
  const eventsPath = path.join(logDir ? path.resolve(logDir) : work, 'events.sqlite');
  const logUrl = postgresUrl ? schemaOf(values.schema ?? `bench_log_${process.pid}`) : '';
  const eventStore = postgresUrl
    ? await openPostgresEventStore({ connectionString: logUrl })
    : openSqliteEventStore({ path: eventsPath });
  line('stores', postgresUrl ? `PostgreSQL ${postgresUrl}` : `SQLite under ${work}`);
  if (postgresUrl && values.data && (await eventStore.lastPosition()) === 0) {
    // A SQLite log (--data) copied into PostgreSQL first, positions kept.
    const sqlite = openSqliteEventStore({ path: eventsPath });
    const started = performance.now();
    const copied = await copyLogToPostgres(sqlite, logUrl);
    line(
      'log copied into PostgreSQL',
      `${copied} events in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    await sqlite.close();
  }
  if (!values.data && (await eventStore.lastPosition()) === 0) {
    const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
    const started = performance.now();
    const log = await generateLog(eventStore, target);
    const ms = performance.now() - started;
    line(
      'generated log (decided, batch-appended)',
      `${log.events} events, ${log.tasks} tasks, ${log.refused} refused, ${rate(log.events, ms)} events/s`,
    );
  }
  const readModels = postgresUrl
    ? await openPostgresReadModelStore({ connectionString: schemaOf(rebuildSchema) })
    : openEmbeddedReadModelStore({ path: path.join(work, 'read-models.sqlite') });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const rebuilt = await rebuildReadModels({ eventStore, readModels, projections: allProjections });
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const cpuMs = (user + system) / 1000;
  line(
    `rebuild, ${allProjections.length} projections`,
    `${rebuilt.events} events in ${(ms / 1000).toFixed(1)} s: ${rate(rebuilt.events, ms)} events/s`,
  );
  // On a shared machine the wall clock counts other processes' turns too; CPU
  // time counts every thread of this one (the GC's helpers as well).
  line('rebuild, per CPU second of this process', `${rate(rebuilt.events, cpuMs)} events/s`);
  await readModels.close();
  await eventStore.close();
} finally {
  rmSync(work, { recursive: true, force: true });
  if (postgresUrl) {
    // The rebuild's schema, and the generated log's, unless named to be kept.
    const kept = [
      values.models ? null : rebuildSchema,
      values.schema ? null : `bench_log_${process.pid}`,
    ];
    await dropSchemas(
      kept.filter((schema) => schema !== null),
      postgresUrl,
    );
  }
}
