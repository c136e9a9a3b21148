import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { dayDigestsCollection, isDigestKept } from '../../services/boards/as-of/day-digests.ts';
import { keptSnapshots } from '../../services/boards/as-of/kept-versions.ts';
import { lightsOfDays } from '../../services/boards/as-of/replay-lights.ts';
import { boardInputOf } from '../../services/boards/as-of/snapshot.ts';
import { buildOverview, seriesDays } from '../../services/boards/build/overview.ts';
import { generatedDataDir } from '../support/generated-log.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { threadNames } from '../support/threads.ts';

/*
 * A system started on a log of a year keeps its past days' overviews ahead,
 * in a worker of their own that then ends, answers them as the days'
 * documents do, and ends the past days' worker once it is idle.
 */

const leader: Actor = { id: 'leader-1', role: 'leader' };
let dir: string;
let sys: TestSystem | null = null;

beforeAll(async () => {
  dir = await generatedDataDir('dubanju-kept-days-', 3000);
}, 60_000);

afterAll(async () => {
  await sys?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls until `done` holds, or fails after `ms`. */
const eventually = async (done: () => Promise<boolean>, ms: number) => {
  for (const until = Date.now() + ms; !(await done()); ) {
    if (Date.now() > until) throw new Error(`not done in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('a system on a year of log', () => {
  it('keeps the overview of each past day ahead, answering as the day’s documents do', async () => {
    sys = await startTestSystem(
      { BOARDS_KEPT_DAYS: '400', BOARDS_PAST_IDLE_SECONDS: '1' },
      { dataDir: dir, clock: settableClock('2021-12-31T04:00:00Z') },
    );
    const readModels = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
    const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    let closerSeen = false;
    const watch = setInterval(() => {
      closerSeen ||= threadNames().includes('boards-closer');
    }, 10);
    try {
      // From the log's first day to yesterday.
      await eventually(() => isDigestKept(readModels, '2021-12-30'), 60_000);
      clearInterval(watch);
      // The closer's worker ran them, then ended: its heap is not held until the next run.
      expect(closerSeen).toBe(true);
      await eventually(async () => !threadNames().includes('boards-closer'), 10_000);
      expect(threadNames()).toContain('boards-today');
      const { total } = await readModels.find(dayDigestsCollection, { limit: 1 });
      expect(total).toBeGreaterThan(300);
      for (const [day, section, top] of [
        ['2021-03-31', null, 10],
        ['2021-06-30', 'section-2', 50],
        ['2021-11-17', null, 3],
      ] as const) {
        const answered = await sys.system.broker.call(
          'boards.overview',
          { asOf: day, section, top },
          {
            meta: { actor: leader },
          },
        );
        // Asked a moment ago: the past days' worker has not been idle for its second yet.
        expect(threadNames()).toContain('boards-past');
        const snapshot = (await keptSnapshots(readModels, eventStore, [day])).get(day);
        if (snapshot === undefined) throw new Error(`no kept versions for ${day}`);
        const earlier = await lightsOfDays(readModels, eventStore, seriesDays(day).slice(0, -1));
        expect(answered).toEqual(
          buildOverview(boardInputOf(day, snapshot), earlier, { section, top }),
        );
      }
      // Idle for BOARDS_PAST_IDLE_SECONDS: the past days' worker ends, today's stays.
      await eventually(async () => !threadNames().includes('boards-past'), 10_000);
      expect(threadNames()).toContain('boards-today');
    } finally {
      clearInterval(watch);
      await readModels.close();
      await eventStore.close();
    }
  }, 120_000);

  it('keeps nothing ahead where the boards run in this thread, and a day once asked', async () => {
    await sys?.stop();
    sys = null;
    const own = await generatedDataDir('dubanju-kept-days-inline-', 3000);
    const readModels = openEmbeddedReadModelStore({ path: path.join(own, 'read-models.sqlite') });
    try {
      sys = await startTestSystem(
        { BOARDS_KEPT_DAYS: '400', BOARDS_WORKER: 'false' },
        { dataDir: own, clock: settableClock('2021-12-31T04:00:00Z') },
      );
      await sys.system.broker.call('boards.overview', {}, { meta: { actor: leader } });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await isDigestKept(readModels, '2021-12-30')).toBe(false);
      await sys.system.broker.call(
        'boards.overview',
        { asOf: '2021-06-30' },
        { meta: { actor: leader } },
      );
      expect(await isDigestKept(readModels, '2021-06-30')).toBe(true);
      expect(await isDigestKept(readModels, '2021-06-29')).toBe(false);
    } finally {
      await readModels.close();
      await sys?.stop();
      sys = null;
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);
});
