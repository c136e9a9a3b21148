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
 * The npm script gives V8 a 64 MB young generation, as `npm run rebuild` does:
 * a rebuild allocates a new document per event, and fewer of them outlive a
 * scavenge into the old generation (about 8% less CPU here).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { allProjections } from '../projections/index.ts';
import { rebuildReadModels } from '../services/projector/projector.ts';
import { generateLog } from './generate-log.ts';
import { line, rate } from './stats.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, keep: { type: 'string' } } });
const work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-rebuild-'));
try {
  const logDir = values.data ?? values.keep;
  const eventsPath = path.join(logDir ? path.resolve(logDir) : work, 'events.sqlite');
  const eventStore = openSqliteEventStore({ path: eventsPath });
  if (!values.data) {
    const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
    const started = performance.now();
    const log = await generateLog(eventStore, target);
    const ms = performance.now() - started;
    line(
      'generated log (decided, batch-appended)',
      `${log.events} events, ${log.tasks} tasks, ${log.refused} refused, ${rate(log.events, ms)} events/s`,
    );
  }
  const readModels = openEmbeddedReadModelStore({ path: path.join(work, 'read-models.sqlite') });
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
}
