import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { createDayCloser } from '../../services/boards/as-of/day-closer.ts';
import { createDayDigests, dayDigestsCollection } from '../../services/boards/as-of/day-digests.ts';
import { dayLightsCollection } from '../../services/boards/as-of/day-lights-source.ts';
import { openBlockageRows } from '../../services/boards/build/blockage-rows.ts';
import { boardView } from '../../services/boards/build/board-view.ts';
import { dayLightsOf } from '../../services/boards/build/day-lights.ts';
import type { BoardInput } from '../../services/boards/build/input.ts';
import { overviewOf } from '../../services/boards/build/overview.ts';
import {
  digestFormat,
  digestTop,
  overviewDigestOf,
} from '../../services/boards/build/overview-digest.ts';
import { sortRows } from '../../services/boards/build/paging.ts';
import { allStageRows } from '../../services/boards/build/stage-board.ts';
import { lateDaysCollection, logDaysCollection } from '../../services/projector/versions.ts';
import { assigned, blocked, boardLog, planned, registered, unit } from './support/boards.ts';
import { storeOf } from './support/boards-store.ts';

/** 60 overdue milestones and blockages in one section, 3 in another, of different ages. */
const crowded = () => {
  const log = boardLog().on('2021-01-01', unit('edu'), unit('env'));
  for (let i = 0; i < 63; i += 1) {
    const section = i < 60 ? 'Education' : 'Environment';
    const taskId = `t${String(i).padStart(2, '0')}`;
    const due = `2021-03-${String((i % 28) + 1).padStart(2, '0')}`;
    log.on('2021-01-01', registered(taskId, { section }), assigned(taskId, 'edu'));
    log.on('2021-01-01', planned(taskId, 'm1', due));
    log.on(`2021-02-${String((i % 27) + 1).padStart(2, '0')}`, blocked(taskId, 'b1', 'env'));
  }
  return log;
};

/** The first `top` rows by `key`, highest first, ties by id: the overview's lists built from every row. */
const firstBy = <T extends { id: string; section: string | null }>(
  rows: readonly T[],
  key: (row: T) => number,
  section: string | null,
  top: number,
) =>
  sortRows(
    rows.filter((row) => !section || row.section === section),
    key,
    'desc',
    (row) => row.id,
  ).slice(0, top);

describe("a day's overview digest", () => {
  const input = crowded().input('2021-06-30');
  const digest = overviewDigestOf(input);

  it(`keeps at most ${digestTop} overdue milestones and blockages per section`, () => {
    expect(digest.overdue).toHaveLength(digestTop + 3);
    expect(digest.blockages).toHaveLength(digestTop + 3);
  });

  it.each([
    [null, 1],
    [null, 10],
    [null, 50],
    ['Education', 50],
    ['Environment', 10],
    ['Health', 10],
  ])('answers the overview of section %s, top %i, as every row would', (section, top) => {
    const overview = overviewOf(digest, [], { section, top });
    const overdue = allStageRows(input).filter((row) => row.state === 'overdue');
    const blockages = openBlockageRows(boardView(input)).rows;
    expect(overview.worstOverdue).toEqual(firstBy(overdue, (row) => row.daysOverdue, section, top));
    expect(overview.oldestBlockages).toEqual(
      firstBy(blockages, (row) => row.ageDays, section, top),
    );
    const tasks = boardView(input).tasks.filter(
      (facts) => !section || facts.task.section === section,
    );
    expect(overview.totals.red).toBe(tasks.filter((facts) => facts.lit === 'red').length);
    expect(overview.sections.map((row) => row.section)).toEqual(
      section ? (tasks.length > 0 ? [section] : []) : ['Education', 'Environment'],
    );
  });
});

const log = boardLog()
  .on('2021-01-01', unit('edu'), registered('a'), assigned('a', 'edu'))
  .on('2021-01-01', planned('a', 'm1', '2021-02-15'))
  .on('2021-02-01', registered('b', { section: 'Environment' }), assigned('b', 'edu'))
  .on('2021-02-03', planned('b', 'm1', '2021-12-31'))
  .on('2021-03-01', blocked('b', 'b1', 'edu'));

const opened = async () => {
  const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
  const eventStore = await storeOf(log.envelopes());
  const asked: string[] = [];
  const digests = () =>
    createDayDigests({
      readModels,
      eventStore,
      inputOf: async (day: string): Promise<BoardInput> => {
        asked.push(day);
        return log.input(day);
      },
    });
  return { readModels, eventStore, asked, digests };
};

describe("past days' overview digests", () => {
  it('are computed once and kept, with the chart lights, for another process too', async () => {
    const { readModels, asked, digests } = await opened();
    const first = await digests().of('2021-02-20');
    expect(first).toEqual(overviewDigestOf(log.input('2021-02-20')));
    expect(await digests().of('2021-02-20')).toEqual(first);
    expect(asked).toEqual(['2021-02-20']);
    const lights = await readModels.get(dayLightsCollection, '2021-02-20');
    expect(lights).toEqual({ ...dayLightsOf(log.input('2021-02-20')), id: '2021-02-20' });
  });

  it('are kept ahead for many days in one pass over the log, each as known at its end', async () => {
    const { readModels, asked, digests } = await opened();
    const days = ['2021-01-01', '2021-02-01', '2021-02-02', '2021-02-28', '2021-03-01'];
    expect(await digests().close(days)).toBe(5);
    // One pass over the log: no day read from its documents.
    expect(asked).toEqual([]);
    for (const day of days) {
      const kept = await readModels.get(dayDigestsCollection, day);
      expect(kept).toEqual({ ...overviewDigestOf(log.input(day)), id: day });
    }
    expect(await digests().close([...days, '2021-03-02'])).toBe(1);
    expect(asked).toEqual(['2021-03-02']);
    expect(await digests().close(days)).toBe(0);
  });

  it('are computed again and kept over when kept in an older shape', async () => {
    const { readModels, asked, digests } = await opened();
    const older = { ...overviewDigestOf(log.input('2021-02-20')), format: 0, id: '2021-02-20' };
    await readModels.commit(
      `${dayDigestsCollection}/2021-02-20`,
      [{ collection: dayDigestsCollection, id: '2021-02-20', doc: older }],
      { from: 0, to: 3 },
    );
    expect(await digests().close(['2021-02-20'])).toBe(1);
    expect(asked).toEqual(['2021-02-20']);
    expect(await readModels.get(dayDigestsCollection, '2021-02-20')).toMatchObject({
      format: digestFormat,
    });
    expect(await digests().of('2021-02-20')).toEqual(overviewDigestOf(log.input('2021-02-20')));
    expect(asked).toEqual(['2021-02-20']);
  });

  it('are not kept for a day an event reached late, and not taken from what was kept before', async () => {
    const { readModels, asked, digests } = await opened();
    await digests().of('2021-02-01');
    await readModels.commit(
      'late',
      [
        {
          collection: lateDaysCollection,
          id: '2021-02-01',
          doc: { id: '2021-02-01', day: '2021-02-01' },
        },
      ],
      { from: 0, to: 1 },
    );
    const source = digests();
    await source.of('2021-02-01');
    await source.of('2021-02-01');
    expect(asked).toEqual(['2021-02-01', '2021-02-01', '2021-02-01']);
    expect(await source.close(['2021-02-01'])).toBe(0);
  });
});

describe('the closer of past days', () => {
  const logDays = async (days: string[]) => {
    const readModels = openEmbeddedReadModelStore({ path: ':memory:' });
    await readModels.commit(
      'main',
      days.map((day, i) => ({
        collection: logDaysCollection,
        id: day,
        doc: { id: day, day, position: i + 1 },
      })),
      { from: 0, to: days.length },
    );
    return readModels;
  };

  it('keeps the window up to yesterday, from the first day of the log', async () => {
    const readModels = await logDays(['2021-03-02', '2021-03-04']);
    const asked: string[][] = [];
    const closer = createDayCloser({
      readModels,
      today: () => '2021-03-06',
      close: async (days) => {
        asked.push([...days]);
        return days.length;
      },
      keptDays: 30,
      failed: (error) => {
        throw error;
      },
    });
    expect(await closer.run()).toBe(4);
    expect(asked).toEqual([['2021-03-02', '2021-03-03', '2021-03-04', '2021-03-05']]);
  });

  it('keeps no more than `keptDays` days back, none when it is 0 or the log is empty', async () => {
    const asked: string[][] = [];
    const close = async (days: readonly string[]) => {
      asked.push([...days]);
      return days.length;
    };
    const failed = (error: unknown) => {
      throw error;
    };
    const today = () => '2021-03-06';
    const readModels = await logDays(['2021-01-01']);
    await createDayCloser({ readModels, today, close, keptDays: 2, failed }).run();
    expect(asked).toEqual([['2021-03-04', '2021-03-05']]);
    await createDayCloser({ readModels, today, close, keptDays: 0, failed }).run();
    const empty = openEmbeddedReadModelStore({ path: ':memory:' });
    await createDayCloser({ readModels: empty, today, close, keptDays: 9, failed }).run();
    expect(asked).toHaveLength(1);
  });

  it('never runs twice at once, and reports a failed run', async () => {
    const readModels = await logDays(['2021-03-01']);
    let release: (value: number) => void = () => undefined;
    let calls = 0;
    const failures: unknown[] = [];
    const closer = createDayCloser({
      readModels,
      today: () => '2021-03-06',
      close: () => {
        calls += 1;
        return new Promise<number>((resolve) => {
          release = resolve;
        });
      },
      keptDays: 9,
      failed: (error) => failures.push(error),
    });
    const [a, b] = [closer.run(), closer.run()];
    await new Promise((resolve) => setTimeout(resolve, 10));
    release(5);
    expect(await Promise.all([a, b])).toEqual([5, 5]);
    expect(calls).toBe(1);
    const failing = createDayCloser({
      readModels,
      today: () => '2021-03-06',
      close: async () => {
        throw new Error('disk');
      },
      keptDays: 9,
      failed: (error) => failures.push(error),
    });
    expect(await failing.run()).toBe(0);
    expect(failures).toEqual([new Error('disk')]);
  });
});
