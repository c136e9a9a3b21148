/**
 * The clock's lights benchmark: what judging every running task's light
 * (红黄绿灯) costs the clock's day, on a generated log of BENCH_EVENTS (default
 * 1,000,000: some 9,000 task years) or the events of a data folder (`--data
 * DIR`, its events.sqlite). The clock's agenda is rebuilt up to the end of
 * BENCH_DAY's eve (default 2021-09-28, a Tuesday: every generated task still
 * runs, and half of them turn yellow, their fourth milestone due on the 30th);
 * then, for BENCH_DAY: the agenda (the clock's queries) read and judged page
 * by page as a run does (with the longest page: the longest the event loop is
 * held), the candidates of every
 * task judged at once (`clockCandidates`, each task's light by `taskLight`),
 * each first and p50/p99 of BENCH_SAMPLES more; and one whole
 * run of the clock (`runClock`: every light change appended, each its own
 * command; with how long it held the event loop at a stretch), then the same run again (each fact replayed under its key).
 * The aggregates are folded from the whole log, later events included: what
 * they decide is not the point, what each command costs is.
 *
 *   node bench/clock-lights.ts
 *   BENCH_EVENTS=200000 node bench/clock-lights.ts
 *   node bench/clock-lights.ts --data DIR
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dayOf } from '../contracts/dates.ts';
import { addDays } from '../domain/dates.ts';
import { settableClock } from '../infra/clock/clock.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../infra/read-model-store/embedded/embedded-read-model-store.ts';
import {
  type ClockAgendaItem,
  clockAgendaProjection,
} from '../projections/clock-agenda/projection.ts';
import { stored } from '../projections/stored.ts';
import { rebuildReadModels } from '../services/projector/rebuild.ts';
import { createCommandHandler } from '../services/shared/command-handler.ts';
import { readRuleset } from '../services/shared/published-rulesets.ts';
import { clockCandidates } from '../services/supervision/clock/candidates.ts';
import { lightCandidate } from '../services/supervision/clock/light-candidates.ts';
import { type ClockRunHooks, runClock } from '../services/supervision/clock/run.ts';
import {
  AGENDA_PAGE_SIZE,
  agendaPages,
  readCalendars,
} from '../services/supervision/clock/sources.ts';
import { generateLog } from './generate-log.ts';
import { line, ms, percentile } from './stats.ts';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
const samples = Number(process.env.BENCH_SAMPLES ?? 5);
const day = process.env.BENCH_DAY ?? '2021-09-28';

/** The first call, then `samples` more: first, p50, p99. */
const measure = async <T>(label: string, call: () => Promise<T> | T): Promise<T> => {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i <= samples; i++) {
    const started = performance.now();
    result = await call();
    times.push(performance.now() - started);
  }
  const [first = 0, ...more] = times;
  more.sort((a, b) => a - b);
  line(
    label,
    `first ${ms(first)}, p50 ${ms(percentile(more, 50))}, p99 ${ms(percentile(more, 99))}`,
  );
  return result as T;
};

/** The last position recorded before `day` (China Standard Time): the log is appended in time order by month. */
const positionBefore = async (
  store: ReturnType<typeof openSqliteEventStore>,
  before: string,
): Promise<number> => {
  let last = 0;
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: 5000 });
    for (const event of page) {
      if (dayOf(event.recordedAt) >= before) return last;
      last = event.position;
    }
    if (page.length < 5000) return last;
    after = page.at(-1)?.position ?? after;
  }
};

const dir = values.data ?? mkdtempSync(path.join(os.tmpdir(), 'dubanju-clock-lights-'));
const eventsPath = path.join(dir, 'events.sqlite');
const modelsDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-clock-agenda-'));
try {
  const eventStore = openSqliteEventStore({ path: eventsPath });
  if (!values.data) {
    const started = performance.now();
    const log = await generateLog(eventStore, Number(process.env.BENCH_EVENTS ?? 1_000_000));
    line(
      'generated log',
      `${log.events} events, ${log.tasks} tasks in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const readModels = openEmbeddedReadModelStore({ path: path.join(modelsDir, 'agenda.sqlite') });
  const until = await positionBefore(eventStore, day);
  const rebuildStarted = performance.now();
  const rebuilt = await rebuildReadModels({
    eventStore,
    readModels,
    projections: [stored(clockAgendaProjection)],
    until,
  });
  line(
    `clock agenda rebuilt up to ${addDays(day, -1)}`,
    `${rebuilt.events} events in ${((performance.now() - rebuildStarted) / 1000).toFixed(1)} s`,
  );

  const [ruleset, calendars] = await Promise.all([
    readRuleset(eventStore, day),
    readCalendars(eventStore, day),
  ]);
  /** The agenda read and judged page by page, as a run does: the longest page holds the loop longest. */
  const pass = async () => {
    const pageTimes: number[] = [];
    const read: ClockAgendaItem[] = [];
    let started = performance.now();
    for await (const page of agendaPages(readModels, day, ruleset, calendars)) {
      clockCandidates(page, day, ruleset, calendars);
      pageTimes.push(performance.now() - started);
      read.push(...page);
      started = performance.now();
    }
    return { read, pageTimes };
  };
  const { read, pageTimes } = await measure(
    `agenda for ${day} read and judged, page by page`,
    pass,
  );
  line(
    `each page of ${AGENDA_PAGE_SIZE} (read and judged, the loop held)`,
    `${pageTimes.length} pages, p50 ${ms(
      percentile(
        [...pageTimes].sort((a, b) => a - b),
        50,
      ),
    )}, longest ${ms(Math.max(0, ...pageTimes))}`,
  );
  const everyTask = read;
  const candidates = await measure('clockCandidates over every task read, at once', () =>
    clockCandidates(everyTask, day, ruleset, calendars),
  );
  const lights = candidates.filter((candidate) => candidate.kind === 'light');

  await measure('the lights alone (taskLight of each task read)', () =>
    everyTask.flatMap((item) => lightCandidate(item, day, ruleset, calendars)),
  );
  line(
    'agenda and candidates',
    `${everyTask.length} tasks read, ${candidates.length} candidates (${lights.length} lights)`,
  );

  const clock = settableClock(`${day}T02:00:00.000Z`);
  const handle = createCommandHandler({ store: eventStore, clock });
  const hooks: ClockRunHooks = {
    correlationId: 'bench',
    causationId: 'bench',
    catchUp: async () => undefined,
    appended: () => undefined,
    stopping: () => false,
    logger: { error: (message) => process.stderr.write(`${message}\n`) },
  };
  for (const label of ['runClock, first run of the day', 'runClock, the same day again']) {
    // How long the run holds the event loop at a stretch: what another request waits.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    // The monitor's first sample is taken a tick after enabling: a hold before it is not seen.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    const report = await runClock({ eventStore, readModels, clock, handle }, hooks);
    const elapsed = performance.now() - started;
    delay.disable();
    line(
      label,
      `${ms(elapsed)}: ${report.lightsChanged} lights, ${report.reminded + report.overdue + report.escalated} milestone/blockage facts, ${report.failed} failed; ` +
        `event loop held p99 ${ms(delay.percentile(99) / 1e6)}, longest ${ms(delay.max / 1e6)}`,
    );
  }
  line('peak RSS', `${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
  await readModels.close();
  await eventStore.close();
} finally {
  rmSync(modelsDir, { recursive: true, force: true });
  if (!values.data) rmSync(dir, { recursive: true, force: true });
}
