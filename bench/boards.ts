/**
 * Boards benchmark: what each read costs on a large log, and what reads do to
 * writes. On a generated log of BENCH_EVENTS (default 1,000,000; one hot task
 * with BENCH_HOT_EVENTS more progress reports) or an existing data folder
 * (`--data DIR`), with read models rebuilt first, the services run in this
 * process on a clock set to the log's last day. Prints, per read, the first
 * call and p50/p99 of BENCH_SAMPLES more: the five boards and the overview,
 * each without and with `asOf` (several past days, first call each), `task(id)`,
 * pages of the hot task's `taskHistory`, the last page of `tasks` by
 * `updatedAt`, the list and the boards filtered by a kind of matter and by a unit's
 * subtree, the office's first page of notifications (BENCH_AS_OF: the past days, comma-separated; BOARDS_WORKER_MEMORY_MB:
 * the boards workers' heaps, passed on); today's boards asked in turn while
 * past days not asked before (BENCH_AS_OF_BESIDE) are read for the first time; first, unless BOARDS_KEPT_DAYS=0, how
 * long the past days' overviews take to be kept ahead, cheap reads meanwhile, and
 * the RSS held 15 s after;
 * then the p50/p99 of writes at a steady BENCH_WRITE_RATE (default 200/s),
 * alone and while the board reads run; and the process's peak RSS.
 *
 *   npm run bench:boards
 *   BENCH_EVENTS=200000 npm run bench:boards
 *   npm run bench:boards -- --keep DIR     # keep the generated data folder
 *   npm run bench:boards -- --data DIR     # a data folder kept earlier (or the demo's)
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Actor } from '../contracts/actor.ts';
import type { DomainEvent } from '../contracts/events/index.ts';
import { taskStreamId } from '../contracts/streams.ts';
import { settableClock } from '../infra/clock/clock.ts';
import { loadConfig } from '../infra/config/config.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { allProjections } from '../projections/index.ts';
import { dayDigestsCollection, isDigestKept } from '../services/boards/as-of/day-digests.ts';
import { keepMonthEndLights } from '../services/boards/as-of/month-end-lights.ts';
import { rebuildReadModels } from '../services/projector/rebuild.ts';
import { createSystem } from '../system/system.ts';
import { generateLog, headOf, newEvent, units } from './generate-log.ts';
import { line, percentile, rate, runAtRate } from './stats.ts';

const leader: Actor = { id: 'leader-1', role: 'leader' };
const office: Actor = { id: 'office-1', role: 'office' };
const samples = Number(process.env.BENCH_SAMPLES ?? 5);

/** The hot task: one stream far longer than the others, as a task reported on daily for years is. */
const appendHotTask = async (eventsPath: string, count: number) => {
  const store = openSqliteEventStore({ path: eventsPath });
  const streamId = taskStreamId('task-0');
  const head = headOf(units[0]!);
  for (let done = 0; done < count; done += 500) {
    const [last] = (await store.readStream(streamId)).slice(-1);
    const batch = Array.from({ length: Math.min(500, count - done) }, (_, k) => {
      const event: DomainEvent = {
        type: 'MilestoneProgressReported',
        data: {
          taskId: 'task-0',
          milestoneId: 'm4',
          percent: 100,
          previousPercent: 100,
          note: `补充材料 ${done + k}`,
          reportedByUnitId: head.unitId ?? null,
          evidence: [],
        },
      } as DomainEvent;
      return newEvent(event, head, '2021-12-30T02:00:00.000Z', randomUUID());
    });
    await store.appendToStream(streamId, batch, { expectedRevision: last?.revision ?? 'any' });
  }
  await store.close();
};

const prepare = async (dir: string) => {
  const eventsPath = path.join(dir, 'events.sqlite');
  if (existsSync(eventsPath)) return;
  mkdirSync(dir, { recursive: true });
  const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const started = performance.now();
  const store = openSqliteEventStore({ path: eventsPath });
  const log = await generateLog(store, target);
  await store.close();
  await appendHotTask(eventsPath, Number(process.env.BENCH_HOT_EVENTS ?? 5_000));
  line(
    'generated log',
    `${log.events} events, ${log.tasks} tasks (+ hot task) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  const eventStore = openSqliteEventStore({ path: eventsPath });
  const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
  const rebuildStarted = performance.now();
  const rebuilt = await rebuildReadModels({ eventStore, readModels, projections: allProjections });
  line(
    'read models rebuilt',
    `${rebuilt.events} events in ${((performance.now() - rebuildStarted) / 1000).toFixed(0)} s`,
  );
  // As `npm run rebuild` does.
  const lightsStarted = performance.now();
  const kept = await keepMonthEndLights(readModels, eventStore);
  line(
    "overview chart's month ends kept",
    `${kept.length} days in ${((performance.now() - lightsStarted) / 1000).toFixed(0)} s`,
  );
  await readModels.close();
  await eventStore.close();
};

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The first call, then `samples` more: first, p50, p99. */
const measure = async (label: string, call: () => Promise<unknown>) => {
  const time = async () => {
    const started = performance.now();
    await call();
    sampleRss();
    return performance.now() - started;
  };
  try {
    const first = await time();
    const more: number[] = [];
    for (let i = 0; i < samples; i++) more.push(await time());
    more.sort((a, b) => a - b);
    line(
      label,
      `first ${ms(first)}, p50 ${ms(percentile(more, 50))}, p99 ${ms(percentile(more, 99))}`,
    );
  } catch (error) {
    line(label, `failed: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/**
 * Waits for the boards service to keep the past days' overviews ahead (up to
 * yesterday, the log's last day but one), timing cheap reads meanwhile.
 */
const keptAhead = async (
  since: number,
  call: (action: string, params?: Record<string, unknown>) => Promise<unknown>,
) => {
  const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
  const reads: number[] = [];
  try {
    while (!(await isDigestKept(readModels, '2021-12-30'))) {
      const started = performance.now();
      await call('views.task', { id: 'task-1' });
      await call('boards.stageBoard', { first: 20 });
      reads.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { total } = await readModels.find(dayDigestsCollection, { limit: 1 });
    line(
      'past days kept ahead, from start-up',
      `${total} days in ${ms(performance.now() - since)}`,
    );
    reads.sort((a, b) => a - b);
    line(
      `task(id) + stageBoard meanwhile (${reads.length})`,
      `p50 ${ms(percentile(reads, 50))}, p99 ${ms(percentile(reads, 99))}`,
    );
    // What stays held once they are kept: the closer's worker ends after its run.
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    line('RSS 15 s after they were kept', `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  } finally {
    await readModels.close();
  }
};

const { values } = parseArgs({ options: { data: { type: 'string' }, keep: { type: 'string' } } });
const work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-boards-'));
const dir = path.resolve(values.data ?? values.keep ?? work);
const rss = setInterval(sampleRss, 100);
try {
  await prepare(dir);
  const clock = settableClock('2021-12-31T02:00:00Z');
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    DATA_DIR: dir,
    SERVICES: 'tasks,directory,rules,projector,views,boards,notifications',
    ...(process.env.BOARDS_WORKER_MEMORY_MB
      ? { BOARDS_WORKER_MEMORY_MB: process.env.BOARDS_WORKER_MEMORY_MB }
      : {}),
    ...(process.env.BOARDS_KEPT_DAYS ? { BOARDS_KEPT_DAYS: process.env.BOARDS_KEPT_DAYS } : {}),
  });
  const system = createSystem(config, { clock });
  const startStarted = performance.now();
  await system.start();
  line('start-up to ready (read models current)', ms(performance.now() - startStarted));
  const call = (action: string, params: Record<string, unknown> = {}, actor = leader) =>
    system.broker.call(action, params, { meta: { actor }, timeout: 600_000 });
  try {
    if (config.boardsKeptDays > 0) await keptAhead(startStarted, call);
    const boards = [
      'overview',
      'responsibilityBoard',
      'stageBoard',
      'blockageBoard',
      'progressBoard',
      'resultsBoard',
    ];
    for (const board of boards) await measure(`${board}`, () => call(`boards.${board}`));
    for (const board of boards) {
      const answer = JSON.stringify(await call(`boards.${board}`));
      line(`${board}, size of the answer (JSON)`, `${(answer.length / 1024).toFixed(1)} KiB`);
    }
    const pastDays = (process.env.BENCH_AS_OF ?? '2021-03-31,2021-06-30,2021-09-30').split(',');
    for (const asOf of pastDays.filter(Boolean)) {
      for (const board of boards) {
        const started = performance.now();
        await call(`boards.${board}`, { asOf }).catch(() => undefined);
        sampleRss();
        line(`${board}(asOf ${asOf}), first call`, ms(performance.now() - started));
      }
    }
    // Today's boards asked in turn while a past day not asked before is read
    // and judged for the first time (its responsibility board: the overview's
    // digest may be kept ahead): what one leader's past day costs the others.
    const besidePast: number[] = [];
    const sidePast = (process.env.BENCH_AS_OF_BESIDE ?? '2021-04-30,2021-07-31').split(',');
    for (const asOf of sidePast.filter(Boolean)) {
      let building = true;
      const started = performance.now();
      const pastBoard = call('boards.responsibilityBoard', { asOf })
        .catch(() => undefined)
        .finally(() => {
          building = false;
        });
      for (let n = 0; building; n += 1) {
        const asked = performance.now();
        await call(`boards.${boards[n % boards.length]}`).catch(() => undefined);
        besidePast.push(performance.now() - asked);
      }
      await pastBoard;
      line(`responsibilityBoard(asOf ${asOf}), first call beside`, ms(performance.now() - started));
    }
    besidePast.sort((a, b) => a - b);
    line(
      `today's boards beside those (${besidePast.length}, the six in turn)`,
      `p50 ${ms(percentile(besidePast, 50))}, p99 ${ms(percentile(besidePast, 99))}, max ${ms(besidePast.at(-1) ?? 0)}`,
    );
    await measure('task(id) of the hot task', () => call('views.task', { id: 'task-0' }));
    await measure('taskHistory of the hot task, first 100', () =>
      call('views.taskHistory', { id: 'task-0', first: 100 }),
    );
    await measure('taskHistory of the hot task, newest 100', () =>
      call('views.taskHistory', { id: 'task-0', last: 100 }),
    );
    const firstPage = (await call('views.tasks', { first: 50, sortBy: 'updatedAt' })) as {
      totalCount: number;
    };
    const taskCount = firstPage.totalCount;
    // The last page starts after the 51st task from the end: its cursor, read from the other end.
    const fromTheEnd = (await call('views.tasks', {
      first: 51,
      sortBy: 'updatedAt',
      sortDirection: 'desc',
    })) as { edges: { cursor: string }[] };
    const last = fromTheEnd.edges.at(-1)?.cursor;
    await measure('tasks, first page by updatedAt', () =>
      call('views.tasks', { first: 50, sortBy: 'updatedAt' }),
    );
    await measure('tasks, last page by updatedAt', () =>
      call('views.tasks', { first: 50, sortBy: 'updatedAt', after: last }),
    );

    // Filters of matters and of the unit tree: a kind (the generated log has none of
    // another source, so an empty answer, found by index) and a unit's subtree.
    await measure('tasks, first page of one kind (cppcc_proposal)', () =>
      call('views.tasks', { first: 50, kind: 'cppcc_proposal' }),
    );
    await measure(`tasks, first page of ${units[1]}'s subtree`, () =>
      call('views.tasks', { first: 50, unitSubtree: units[1] }),
    );
    for (const board of boards) {
      await measure(`${board} of one kind (annual_plan)`, () =>
        call(`boards.${board}`, { kind: 'annual_plan' }),
      );
      await measure(`${board} of ${units[1]}'s subtree`, () =>
        call(`boards.${board}`, { unitSubtree: units[1] }),
      );
    }
    await measure('notifications, first page (the office)', () =>
      call('notifications.list', { first: 50 }, office),
    );

    const writeRate = Number(process.env.BENCH_WRITE_RATE ?? 200);
    // Each phase writes to tasks the one before did not: both find their
    // streams as cold (not yet read by the command side), as alike as can be.
    let written = 0;
    const writes = async (seconds: number) => {
      const latencies: number[] = [];
      let failed = 0;
      const from = written;
      written += Math.floor(seconds * writeRate);
      await runAtRate(seconds * 1000, writeRate, 64, async (i) => {
        const started = performance.now();
        const taskId = `task-${(from + i) % taskCount}`;
        try {
          await call(
            'tasks.reportIndicatorValue',
            { taskId, indicatorId: 'i1', value: 90, asOf: '2021-12-31' },
            office,
          );
          latencies.push(performance.now() - started);
        } catch (error) {
          failed += 1;
          if (failed === 1)
            line('first failed write', error instanceof Error ? error.message : String(error));
        }
      });
      latencies.sort((a, b) => a - b);
      return { latencies, failed };
    };
    const alone = await writes(10);
    line(
      `writes at ${writeRate}/s alone`,
      `p50 ${ms(percentile(alone.latencies, 50))}, p99 ${ms(percentile(alone.latencies, 99))}, ${alone.failed} failed, ${rate(alone.latencies.length, 10_000)}/s`,
    );
    let reading = true;
    const readLatencies: number[] = [];
    const reads = (async () => {
      let n = 0;
      while (reading) {
        const started = performance.now();
        await call(`boards.${boards[n++ % boards.length]}`).catch(() => undefined);
        readLatencies.push(performance.now() - started);
        // Requests arrive as I/O: the writes' timers get their turn between reads, as they would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const mixed = await writes(20);
    reading = false;
    await reads;
    line(
      `writes at ${writeRate}/s with board reads`,
      `p50 ${ms(percentile(mixed.latencies, 50))}, p99 ${ms(percentile(mixed.latencies, 99))}, ${mixed.failed} failed`,
    );
    for (const [i, board] of boards.entries()) {
      const its = readLatencies.filter((_, k) => k % boards.length === i).sort((a, b) => a - b);
      line(
        `  ${board} during those writes (${its.length})`,
        `p50 ${ms(percentile(its, 50))}, p99 ${ms(percentile(its, 99))}, max ${ms(its.at(-1) ?? 0)}`,
      );
    }
    readLatencies.sort((a, b) => a - b);
    line(
      `board reads during those writes (${readLatencies.length}, the six in turn)`,
      `p50 ${ms(percentile(readLatencies, 50))}, p99 ${ms(percentile(readLatencies, 99))}, max ${ms(readLatencies.at(-1) ?? 0)}`,
    );
    line('peak RSS of the process', `${(peakRss / 1024 / 1024).toFixed(0)} MB`);
  } finally {
    await system.stop();
  }
} finally {
  clearInterval(rss);
  if (!values.keep && !values.data) rmSync(work, { recursive: true, force: true });
}
