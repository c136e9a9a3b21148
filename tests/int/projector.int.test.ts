import { DatabaseSync } from 'node:sqlite';
import { ServiceBroker } from 'moleculer';
import { taskStreamId } from '../../contracts/streams.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { CheckpointMovedError } from '../../infra/read-model-store/port.ts';
import { allProjections } from '../../projections/index.ts';
import type { TaskDetail } from '../../projections/task-detail/projection.ts';
import type { TaskListItem } from '../../projections/task-list/projection.ts';
import { createProjectorService } from '../../services/projector/projector.service.ts';
import { createProjector } from '../../services/projector/projector.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';
import type { CommandHandler } from '../../services/shared/command-handler.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import type { ServiceDeps } from '../../services/shared/deps.ts';
import { progress, runTask, seedLog, seedTask, tempDir } from '../support/int-fixtures.ts';
import { allDocuments } from '../support/read-models.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';

const temp = tempDir('projector');
afterAll(() => temp.remove());

type Closable = { close(): Promise<void> };
let opened: Closable[] = [];
const track = <T extends Closable>(store: T): T => {
  opened.push(store);
  return store;
};
afterEach(async () => {
  for (const store of opened.reverse()) await store.close();
  opened = [];
});

const openEvents = (path: string): EventStore => track(openSqliteEventStore({ path }));
const openReadModels = (path = temp.file('read-models.db')) =>
  track(openEmbeddedReadModelStore({ path }));

/** An event store file holding a varied log written through the real deciders. */
const seededLog = async (tasks: number, wrap: (store: EventStore) => EventStore = (s) => s) => {
  const path = temp.file('events.db');
  const eventStore = wrap(openEvents(path));
  const handle = createCommandHandler({
    store: eventStore,
    clock: settableClock('2021-03-01T08:00:00.000Z'),
  });
  const seeded = await seedLog(handle, { tasks });
  return { path, eventStore, handle, ...seeded, last: await eventStore.lastPosition() };
};

const projectorOn = (
  eventStore: EventStore,
  readModels: ReadModelStore,
  batchSize: number,
  onCommitted?: (position: number) => void,
) =>
  createProjector({
    projectorId: 'main',
    eventStore,
    readModels,
    projections: allProjections,
    batchSize,
    ...(onCommitted ? { onCommitted } : {}),
  });

/** The documents one projector builds reading the whole log in one page. */
const reference = async (eventStore: EventStore) => {
  const readModels = openReadModels();
  await projectorOn(eventStore, readModels, 100_000).catchUp();
  return allDocuments(readModels);
};

/** What the log says of each task's milestones: last percent (100 once completed). */
const milestonesInLog = async (eventStore: EventStore, taskId: string) => {
  const percent = new Map<string, number>();
  const completed = new Set<string>();
  for (const event of await eventStore.readStream(taskStreamId(taskId))) {
    const data = event.data as { milestoneId?: string; percent?: number };
    if (event.type === 'MilestonePlanned') percent.set(data.milestoneId!, 0);
    if (event.type === 'MilestoneProgressReported') percent.set(data.milestoneId!, data.percent!);
    if (event.type === 'MilestoneCompleted') {
      percent.set(data.milestoneId!, 100);
      completed.add(data.milestoneId!);
    }
  }
  return { percent, completed };
};

const expectDocumentsMatchLog = async (
  eventStore: EventStore,
  readModels: ReadModelStore,
  taskIds: string[],
) => {
  for (const taskId of taskIds) {
    const log = await milestonesInLog(eventStore, taskId);
    const detail = await readModels.get<TaskDetail>('tasks', taskId);
    const item = await readModels.get<TaskListItem>('task_list', taskId);
    expect(
      Object.fromEntries(
        detail?.milestones.map((milestone) => [milestone.id, milestone.progress]) ?? [],
      ),
    ).toEqual(Object.fromEntries(log.percent));
    expect(item?.completedMilestones).toBe(log.completed.size);
    expect(item?.milestoneCount).toBe(log.percent.size);
  }
};

/** A read-model store that delegates to `real`, with `commit` replaced. */
const withCommit = (real: ReadModelStore, commit: ReadModelStore['commit']): ReadModelStore => ({
  get: (collection, id) => real.get(collection, id),
  getMany: (collection, ids) => real.getMany(collection, ids),
  find: (collection, query) => real.find(collection, query),
  versionsAsOf: (collection, day) => real.versionsAsOf(collection, day),
  ensureIndex: (collection, field) => real.ensureIndex(collection, field),
  getCheckpoint: (projectorId) => real.getCheckpoint(projectorId),
  commit,
  reset: () => real.reset(),
  ping: () => real.ping(),
  close: () => real.close(),
});

describe('a projector catching up from the start of the log', () => {
  it('builds over many small pages the same documents as over one big page', async () => {
    const { eventStore, taskIds, unitIds, last } = await seededLog(8);
    const expected = await reference(eventStore);
    const readModels = openReadModels();
    const commits: number[] = [];

    await projectorOn(eventStore, readModels, 3, (position) => commits.push(position)).catchUp();

    expect(commits).toHaveLength(Math.ceil(last / 3));
    expect(commits.at(-1)).toBe(last);
    expect(await readModels.getCheckpoint('main')).toBe(last);
    const docs = await allDocuments(readModels);
    expect(docs.tasks).toHaveLength(taskIds.length);
    expect(docs.task_list).toHaveLength(taskIds.length);
    expect(docs.units).toHaveLength(unitIds.length);
    expect(docs).toEqual(expected);
    await expectDocumentsMatchLog(eventStore, readModels, taskIds);
  });

  it('picks up where it stopped when the log grows', async () => {
    const { eventStore, handle, taskIds } = await seededLog(3);
    const readModels = openReadModels();
    const projector = projectorOn(eventStore, readModels, 4);
    await projector.catchUp();

    await runTask(handle, progress(taskIds[1]!, 'm3', 45));
    await projector.catchUp();

    expect(await readModels.getCheckpoint('main')).toBe(await eventStore.lastPosition());
    expect(await allDocuments(readModels)).toEqual(await reference(eventStore));
    await expectDocumentsMatchLog(eventStore, readModels, taskIds);
  });
});

describe('a projector over a log whose positions have gaps', () => {
  it('builds page by page the documents of one big page, its checkpoint the last position', async () => {
    const { eventStore, handle, taskIds, last } = await seededLog(4, sparseEventStore);
    const events = (await eventStore.readAll({ after: 0, limit: 100_000 })).length;
    const readModels = openReadModels();
    const commits: number[] = [];
    const projector = projectorOn(eventStore, readModels, 3, (position) => commits.push(position));
    await projector.catchUp();
    expect(commits).toHaveLength(Math.ceil(events / 3));
    expect(await readModels.getCheckpoint('main')).toBe(last);

    await runTask(handle, progress(taskIds[1]!, 'm3', 45));
    await projector.catchUp();
    expect(await readModels.getCheckpoint('main')).toBe(await eventStore.lastPosition());
    expect(await allDocuments(readModels)).toEqual(await reference(eventStore));
    await expectDocumentsMatchLog(eventStore, readModels, taskIds);
  });
});

describe('the indexes the projections declare', () => {
  /** The task-list indexes of the read-model file at `path`. */
  const taskListIndexes = (path: string) => {
    const db = new DatabaseSync(path, { readOnly: true });
    try {
      return db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%task_list'")
        .all()
        .map((row) => row.name)
        .sort();
    } finally {
      db.close();
    }
  };
  const declared = [
    'documents.dueDate.task_list',
    'documents.kindDueDate.task_list',
    'documents.leadUnitId.task_list',
    'documents.updatedAt.task_list',
  ];

  it('are created by a projector starting on an empty store, before its first commit', async () => {
    const { eventStore } = await seededLog(2);
    const path = temp.file('indexed-by-projector.db');
    const readModels = openReadModels(path);
    await projectorOn(eventStore, readModels, 5).catchUp();
    expect(taskListIndexes(path)).toEqual(declared);
  });

  it('are created by a rebuild, which empties the store first', async () => {
    const { eventStore } = await seededLog(2);
    const path = temp.file('indexed-by-rebuild.db');
    const readModels = openReadModels(path);
    await rebuildReadModels({ eventStore, readModels, projections: allProjections });
    expect(taskListIndexes(path)).toEqual(declared);
  });

  it('are not built over a store already projected (that waits for its next rebuild)', async () => {
    const { eventStore, handle, taskIds } = await seededLog(2);
    const path = temp.file('projected-before.db');
    const readModels = openReadModels(path);
    const plain = allProjections.map(({ indexes: _, ...projection }) => projection);
    await createProjector({
      projectorId: 'main',
      eventStore,
      readModels,
      projections: plain,
      batchSize: 100,
    }).catchUp();
    await runTask(handle, progress(taskIds[1]!, 'm3', 45));
    await projectorOn(eventStore, readModels, 5).catchUp();
    expect(taskListIndexes(path)).toEqual([]);
  });
});

describe('two projectors with the same id on the same stores', () => {
  it('apply every event exactly once between them', async () => {
    const { path, eventStore, taskIds, last } = await seededLog(24);
    expect(last).toBeGreaterThan(200);
    const expected = await reference(eventStore);
    const readModelsPath = temp.file('read-models.db');
    // Two connections to each file, as two processes would have.
    const storesOf = () => {
      const readModels = openReadModels(readModelsPath);
      let moved = 0;
      const counted = withCommit(readModels, async (...args) => {
        try {
          return await readModels.commit(...args);
        } catch (error) {
          if (error instanceof CheckpointMovedError) moved += 1;
          throw error;
        }
      });
      return { events: openEvents(path), readModels: counted, moved: () => moved };
    };
    const one = storesOf();
    const two = storesOf();

    await Promise.all([
      projectorOn(one.events, one.readModels, 7).catchUp(),
      projectorOn(two.events, two.readModels, 7).catchUp(),
    ]);

    // They really raced: one lost the compare-and-set at least once and went on.
    expect(one.moved() + two.moved()).toBeGreaterThan(0);
    expect(await one.readModels.getCheckpoint('main')).toBe(last);
    expect(await allDocuments(one.readModels)).toEqual(expected);
    await expectDocumentsMatchLog(eventStore, one.readModels, taskIds);
  });
});

describe('a projector that fails between reading and committing', () => {
  type Commit = (
    real: ReadModelStore,
    args: Parameters<ReadModelStore['commit']>,
    count: number,
  ) => Promise<void>;

  const diesBeforeTheThirdCommit: Commit = async (real, args, commits) => {
    if (commits === 3) throw new Error('the process died before committing');
    return real.commit(...args);
  };
  const dropsAfterTheThirdCommit: Commit = async (real, args, commits) => {
    await real.commit(...args);
    if (commits === 3) throw new Error('the connection dropped after the commit');
  };

  it.each([
    [
      'loses nothing: the next catch-up applies the page that failed',
      diesBeforeTheThirdCommit,
      'the process died before committing',
      10,
    ],
    [
      'whose commit landed although it reported failure applies nothing twice',
      dropsAfterTheThirdCommit,
      'the connection dropped',
      15,
    ],
  ] as const)('%s', async (_name, commit: Commit, failure, checkpointAfterFailure) => {
    const { eventStore, taskIds, last } = await seededLog(6);
    const expected = await reference(eventStore);
    const real = openReadModels();
    let commits = 0;
    const readModels = withCommit(real, (...args) => commit(real, args, ++commits));
    const projector = projectorOn(eventStore, readModels, 5);

    await expect(projector.catchUp()).rejects.toThrow(failure);
    expect(await real.getCheckpoint('main')).toBe(checkpointAfterFailure);

    await projector.catchUp();

    expect(await real.getCheckpoint('main')).toBe(last);
    expect(await allDocuments(real)).toEqual(expected);
    await expectDocumentsMatchLog(eventStore, real, taskIds);
  });
});

describe('the projector service when an append notification is lost', () => {
  const until = async (condition: () => Promise<boolean>, what: string) => {
    const deadline = Date.now() + 30_000;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  let broker: ServiceBroker | null = null;
  afterEach(async () => {
    await broker?.stop();
    broker = null;
  });

  it('still brings the read models to the end of the log by polling', async () => {
    const eventStore = openEvents(temp.file('events.db'));
    const readModels = openReadModels();
    const clock = settableClock('2021-03-01T08:00:00.000Z');
    const handle: CommandHandler = createCommandHandler({ store: eventStore, clock });
    const deps: ServiceDeps = {
      eventStore,
      readModels,
      clock,
      handle,
      projectorPollMs: 20,
      projectorCoalesceMs: 0,
      projectorBatchSize: 4,
    };
    broker = new ServiceBroker({ logger: false });
    broker.createService(createProjectorService(deps));
    await broker.start();

    // Appended straight through the handler: nobody broadcasts a wake-up.
    await seedTask(handle, 'task-1', { milestoneIds: ['m1', 'm2'] });
    await runTask(handle, progress('task-1', 'm1', 35));
    /** The end of the log, once the read models have reached it. */
    const caughtUp = async (what: string) => {
      const end = await eventStore.lastPosition();
      await until(async () => (await readModels.getCheckpoint('main')) === end, what);
      return end;
    };
    const last = await caughtUp('caught up');

    const detail = await readModels.get<TaskDetail>('tasks', 'task-1');
    expect(detail?.position).toBe(last);
    expect(detail?.milestones.map((milestone) => milestone.progress)).toEqual([35, 0]);

    await runTask(handle, progress('task-1', 'm2', 60));
    const next = await caughtUp('caught up again');

    const item = await readModels.get<TaskListItem>('task_list', 'task-1');
    expect(item?.position).toBe(next);
    expect(item?.milestoneShares.map((share) => share.percent)).toEqual([35, 60]);
  });
});
