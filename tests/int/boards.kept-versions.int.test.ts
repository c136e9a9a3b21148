import { generateLog } from '../../bench/generate-log.ts';
import { addDays } from '../../domain/dates.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { allProjections } from '../../projections/index.ts';
import { createAsOfSnapshots } from '../../services/boards/as-of/as-of-snapshots.ts';
import { keptSnapshots } from '../../services/boards/as-of/kept-versions.ts';
import {
  boardCollections,
  boardInputOf,
  type Snapshot,
} from '../../services/boards/as-of/snapshot.ts';
import { dayLightsOf } from '../../services/boards/build/day-lights.ts';
import { createBoardsCompute } from '../../services/boards/compute/boards-compute.ts';
import { createBoardMemory } from '../../services/boards/memory/board-memory.ts';
import { createProjector } from '../../services/projector/projector.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';
import { lastLogDay, lateDaysCollection } from '../../services/projector/versions.ts';
import { appendReport } from '../support/generated-log.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';

const yearDays = (): string[] => {
  const days: string[] = [];
  for (let day = '2020-12-31'; day <= '2022-01-01'; day = addDays(day, 1)) days.push(day);
  return days;
};

/** A snapshot with each collection in id order, so two sources compare as sets. */
const normalised = (snapshot: Snapshot | undefined) => {
  if (snapshot === undefined) return undefined;
  const byId = (docs: readonly { id: string }[]) =>
    [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { docs } = snapshot;
  return {
    position: snapshot.position,
    rulesets: snapshot.rulesets,
    tasks: byId(docs.tasks),
    milestones: byId(docs.milestones),
    blockages: byId(docs.blockages),
    indicators: byId(docs.indicators),
    officials: byId(docs.officials),
    units: byId(docs.units),
  };
};

/** Every day's documents by a replay of the log alone. */
const replayed = async (eventStore: EventStore, days: readonly string[]) =>
  createAsOfSnapshots({ eventStore, cacheSize: days.length, pageSize: 700 }).snapshots(days);

const stores: { close(): Promise<void> }[] = [];
const opened = <T extends { close(): Promise<void> }>(store: T): T => {
  stores.push(store);
  return store;
};
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

/** A generated year of a few dozen tasks, projected by the live projector in small pages. */
const projectedYear = async (wrap: (store: EventStore) => EventStore = (store) => store) => {
  const eventStore = opened(wrap(openSqliteEventStore({ path: ':memory:' })));
  await generateLog(eventStore, 5000);
  const readModels = opened(openEmbeddedReadModelStore({ path: ':memory:' }));
  const project = () =>
    createProjector({
      projectorId: 'main',
      eventStore,
      readModels,
      projections: allProjections,
      batchSize: 333,
    }).catchUp();
  await project();
  return { eventStore, readModels, project };
};

const expectSameDays = async (
  eventStore: EventStore,
  readModels: ReadModelStore,
  days: readonly string[],
) => {
  const fromLog = await replayed(eventStore, days);
  const kept = await keptSnapshots(readModels, eventStore, days);
  for (const day of kept.keys()) {
    expect({ day, ...normalised(kept.get(day)) }).toEqual({ day, ...normalised(fromLog.get(day)) });
    const lights = (snapshot: Snapshot) => dayLightsOf(boardInputOf(day, snapshot));
    expect(lights(kept.get(day) as Snapshot)).toEqual(lights(fromLog.get(day) as Snapshot));
  }
  return kept;
};

describe('boards as of a past day, read from the versions the projector keeps', () => {
  it('give every day of the year the documents, rules and position a replay of the log gives', async () => {
    const { eventStore, readModels } = await projectedYear();
    const days = yearDays();
    const kept = await expectSameDays(eventStore, readModels, days);
    // Every day is answered, the busy ones included.
    expect([...kept.keys()]).toEqual(days);
    const june = kept.get('2021-06-30') as Snapshot;
    expect(june.docs.tasks.length).toBeGreaterThan(40);
    expect(june.docs.milestones.length).toBeGreaterThan(100);
    expect(june.position).toBeGreaterThan(1000);
  }, 60_000);

  it('give the days of a log whose positions have gaps what a replay of it gives', async () => {
    const { eventStore, readModels } = await projectedYear(sparseEventStore);
    const days = ['2021-01-04', '2021-03-31', '2021-07-15', '2021-12-31', '2022-01-01'];
    const kept = await expectSameDays(eventStore, readModels, days);
    expect([...kept.keys()]).toEqual(days);
    expect(kept.get('2022-01-01')?.position).toBe(await eventStore.lastPosition());
  }, 60_000);

  it('are the same whether kept by the live projector in pages or by a rebuild', async () => {
    const { eventStore, readModels } = await projectedYear();
    const rebuilt = opened(openEmbeddedReadModelStore({ path: ':memory:' }));
    await rebuildReadModels({
      eventStore,
      readModels: rebuilt,
      projections: allProjections,
      commitEvery: 1500,
    });
    for (const day of ['2021-01-04', '2021-03-31', '2021-07-15', '2021-12-31']) {
      for (const collection of Object.values(boardCollections)) {
        expect(await readModels.versionsAsOf(collection, day)).toEqual(
          await rebuilt.versionsAsOf(collection, day),
        );
      }
    }
  }, 60_000);

  it('leave a day an event reached late to the replay, which still places it on its own day', async () => {
    const { eventStore, readModels, project } = await projectedYear();
    const end = await lastLogDay(readModels);
    expect(end > '2021-10-01').toBe(true);
    // A report recorded on 06-15 that reaches the log after the events of its last day.
    await appendReport(eventStore, '2021-06-15T02:00:00.000Z');
    await project();
    expect(await readModels.get(lateDaysCollection, '2021-06-14')).toBeNull();
    expect(await readModels.get(lateDaysCollection, '2021-06-15')).not.toBeNull();
    expect(await readModels.get(lateDaysCollection, addDays(end, -1))).not.toBeNull();
    expect(await readModels.get(lateDaysCollection, end)).toBeNull();

    const days = ['2021-06-14', '2021-06-15', '2021-09-30', end];
    const kept = await expectSameDays(eventStore, readModels, days);
    expect([...kept.keys()]).toEqual(['2021-06-14', end]);
    // Through the board source's snapshots: the late days replayed, all as the log says.
    const asOf = createAsOfSnapshots({ eventStore, readModels, cacheSize: 8 });
    const answered = await asOf.snapshots(days);
    const fromLog = await replayed(eventStore, days);
    for (const day of days) {
      expect(normalised(answered.get(day))).toEqual(normalised(fromLog.get(day)));
    }
    const task0 = (day: string) =>
      answered.get(day)?.docs.milestones.find((m) => m.id === 'task-0/m4');
    expect(task0('2021-06-15')?.percent).toBe(100);
    expect(task0('2021-06-14')?.percent).not.toBe(100);
  }, 60_000);

  it('restore their lists from the documents held in memory, even when those are ahead of the read models', async () => {
    const { eventStore, readModels } = await projectedYear();
    const end = await lastLogDay(readModels);
    const memory = createBoardMemory({ eventStore, readModels });
    expect(await memory.held(boardCollections.tasks)).toBeNull();
    await memory.latest();
    // Reports the projector has not seen: the memory's documents now run past the stored ones.
    await appendReport(eventStore, '2022-01-03T02:00:00.000Z');
    await appendReport(eventStore, '2022-01-03T03:00:00.000Z');
    const tasks = (await memory.held(boardCollections.tasks)) as ReadonlyMap<string, unknown>;
    const stored = await readModels.get<{ reports: unknown[] }>(boardCollections.tasks, 'task-0');
    const held = tasks.get('task-0') as unknown as { reports: unknown[] };
    expect(held.reports.length).toBeGreaterThan(stored?.reports.length ?? 0);

    const days = ['2021-03-31', '2021-06-30', addDays(end, -1)];
    const kept = await keptSnapshots(
      readModels,
      eventStore,
      days,
      async (collection) => (await memory.held(collection)) ?? new Map(),
    );
    const fromLog = await replayed(eventStore, days);
    expect([...kept.keys()]).toEqual(days);
    for (const day of days) {
      expect({ day, ...normalised(kept.get(day)) }).toEqual({
        day,
        ...normalised(fromLog.get(day)),
      });
    }
  }, 60_000);

  it('are not read for a day the projector has not gone past', async () => {
    const eventStore = opened(openSqliteEventStore({ path: ':memory:' }));
    await generateLog(eventStore, 2000);
    const readModels = opened(openEmbeddedReadModelStore({ path: ':memory:' }));
    await rebuildReadModels({ eventStore, readModels, projections: allProjections, until: 800 });
    const kept = await keptSnapshots(readModels, eventStore, ['2021-01-01', '2021-12-31']);
    expect([...kept.keys()]).toEqual(['2021-01-01']);
  }, 60_000);

  it('restore lists from stored documents kept within the documents past days may hold', async () => {
    const { eventStore, readModels } = await projectedYear();
    /** Three past days' boards asked in turn, one day kept: how often every task was read. */
    const taskReads = async (cachedDocuments: number) => {
      let reads = 0;
      const counted = new Proxy(readModels, {
        get: (target, key) =>
          key === 'find'
            ? (collection: string, query: unknown) => {
                if (collection === boardCollections.tasks) reads += 1;
                return target.find(collection, query as never);
              }
            : (() => {
                const value = Reflect.get(target, key);
                return typeof value === 'function' ? value.bind(target) : value;
              })(),
      });
      const compute = createBoardsCompute({
        eventStore,
        readModels: counted,
        cachedDays: 1,
        cachedDocuments,
      });
      for (const day of ['2021-03-31', '2021-06-30', '2021-09-30']) {
        await compute.board('progressBoard', { first: 5 }, { day, today: false });
      }
      return reads;
    };
    expect(await taskReads(1_000_000)).toBe(1);
    // Fewer than the tasks: read again for each day.
    expect(await taskReads(10)).toBe(3);
  }, 60_000);
});
