import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoDBContainer, type StartedMongoDBContainer } from '@testcontainers/mongodb';
import { MongoClient } from 'mongodb';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import {
  type MongoReadModelStore,
  openMongoReadModelStore,
} from '../../infra/read-model-store/mongodb/mongodb-read-model-store.ts';
import {
  CheckpointMovedError,
  type FindQuery,
  type ReadModelStore,
  type SortKey,
} from '../../infra/read-model-store/port.ts';
import { allProjections } from '../../projections/index.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance.ts';
import { containerRuntimeOrSkipReasonSync } from '../support/containers.ts';
import {
  appendLongTask,
  foldedLongTask,
  largestDocument,
  longTaskHistoryEnds,
  longTaskId,
  longTaskPage,
  projectLog,
} from '../support/long-task.ts';

/** Pinned: the MongoDB line the deployment runs. */
const IMAGE = 'mongo:8.0';

const skipReason = containerRuntimeOrSkipReasonSync();
// Straight to stdout: Jest does not show the console output of a skipped file.
if (skipReason !== undefined) process.stdout.write(`skipping MongoDB conformance: ${skipReason}\n`);
// Skipped only where no container engine exists: Jest refuses a file that declares no test.
const describeInContainer = skipReason === undefined ? describe : describe.skip;

// The replica set names its member by the container's hostname, which the host
// cannot resolve: connect to the one member directly.
const directUrl = (container: StartedMongoDBContainer): string =>
  `${container.getConnectionString()}/?directConnection=true`;

describeInContainer(`MongoDB read-model store in a container (${IMAGE})`, () => {
  let container: StartedMongoDBContainer;
  let url = '';

  beforeAll(async () => {
    // A single-node replica set (--replSet rs0, initiated): transactions work.
    container = await new MongoDBContainer(IMAGE).start();
    url = directUrl(container);
  }, 240_000);

  afterAll(async () => {
    await container?.stop();
  });

  // Each test gets its own database: a fresh, empty store on the one server.
  let databases = 0;
  let database = '';
  const open = (name: string): MongoReadModelStore =>
    openMongoReadModelStore({ url, database: name });

  describeReadModelStoreConformance('MongoDB', {
    async open() {
      database = `conformance_${++databases}`;
      return open(database);
    },
    async reopen() {
      return open(database);
    },
  });

  describe('the MongoDB read-model store', () => {
    let store: MongoReadModelStore;
    let raw: MongoClient;

    beforeEach(() => {
      database = `extra_${++databases}`;
      store = open(database);
      raw = new MongoClient(url);
    });

    afterEach(async () => {
      await store.close();
      await raw.close();
    });

    it('stores each document under its id in a collection of its own', async () => {
      await store.commit('p', [{ collection: 'tasks', id: 't1', doc: { title: '督办' } }], {
        from: 0,
        to: 3,
      });
      const db = raw.db(database);
      expect(await db.collection('rm.tasks').find().toArray()).toEqual([
        { _id: 't1', doc: { title: '督办' } },
      ]);
      expect(await db.collection('checkpoints').find().toArray()).toEqual([
        { _id: 'p', position: 3 },
      ]);
    });

    it('applies exactly one of several commits racing from the same checkpoint', async () => {
      await store.commit('p', [], { from: 0, to: 1 });
      const others = Array.from({ length: 5 }, () => open(database));
      const outcomes = await Promise.allSettled(
        others.map((other, n) =>
          other.commit('p', [{ collection: 'tasks', id: 'x', doc: { by: n } }], {
            from: 1,
            to: 2,
          }),
        ),
      );
      await Promise.all(others.map((other) => other.close()));

      const won = outcomes.flatMap((outcome, n) => (outcome.status === 'fulfilled' ? [n] : []));
      expect(won).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(CheckpointMovedError);
        }
      }
      expect(await store.get('tasks', 'x')).toEqual({ by: won[0] });
      expect(await store.getCheckpoint('p')).toBe(2);
    });

    it('indexes a field of a collection on request, once, and queries use it', async () => {
      await store.ensureIndex('tasks', 'status');
      await store.ensureIndex('tasks', 'status');
      await expect(store.ensureIndex('tasks', 'a.b')).rejects.toThrow(TypeError);
      const docs = ['open', 'closed', 'open'].map((status, n) => ({
        collection: 'tasks',
        id: `t${n}`,
        doc: { status },
      }));
      await store.commit('p', docs, { from: 0, to: 1 });

      const tasks = raw.db(database).collection('rm.tasks');
      const names = (await tasks.listIndexes().toArray()).map((index) => index.name);
      expect(names.sort()).toEqual(['_id_', 'doc.status', 'doc.status_desc']);
      for (const direction of [1, -1] as const) {
        const plan = await tasks
          .find({ 'doc.status': { $eq: 'open' } })
          .sort({ 'doc.status': direction, _id: 1 })
          .explain();
        // Walked on an index, not sorted in memory.
        expect(JSON.stringify(plan.queryPlanner.winningPlan)).toContain('doc.status');
        expect(JSON.stringify(plan.queryPlanner.winningPlan)).not.toContain('"SORT"');
      }
      expect(await store.find('tasks', { filter: { status: 'open' } })).toMatchObject({
        total: 2,
      });
    });

    it('writes nothing when a document of the batch cannot be stored', async () => {
      const commit = store.commit(
        'p',
        [
          { collection: 'tasks', id: 'a', doc: { v: 1 } },
          { collection: 'tasks', id: 'b', doc: { big: 10n } },
        ],
        { from: 0, to: 1 },
      );
      await expect(commit).rejects.toThrow(TypeError);
      expect(await store.get('tasks', 'a')).toBeNull();
      expect(await store.getCheckpoint('p')).toBe(0);
    });
  });

  describe('the read models of the demo year', () => {
    let dataDir = '';
    const collections = [...new Set(allProjections.map((projection) => projection.collection))];

    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-mongodb-demo-'));
      await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
    }, 120_000);

    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    /** Queries on every scalar field of a collection: equality, ranges, both sorts, pages. */
    function queriesOn(sample: Record<string, unknown>): FindQuery[] {
      const queries: FindQuery[] = [{}, { offset: 3, limit: 5 }];
      for (const [field, value] of Object.entries(sample)) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) continue;
        if (value !== null && typeof value === 'object') continue;
        for (const direction of ['asc', 'desc'] as const) {
          const sort: SortKey[] = [{ field, direction }];
          queries.push({ sort, limit: 7 }, { sort, offset: 2, limit: 4 });
        }
        queries.push({ filter: { [field]: value as string } });
        queries.push({ filter: { [field]: { $ne: value as string } }, limit: 5 });
        if (typeof value === 'number' || typeof value === 'string') {
          queries.push({
            filter: { [field]: { $gte: value } },
            sort: [{ field, direction: 'asc' }],
          });
          queries.push({ filter: { [field]: { $lt: value } } });
        }
      }
      return queries;
    }

    it('are the same documents, answering the same queries, as in the embedded store', async () => {
      const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
      const embedded = openEmbeddedReadModelStore({ path: ':memory:' });
      const mongo: ReadModelStore = open(`demo_${++databases}`);
      try {
        for (const readModels of [embedded, mongo]) {
          await rebuildReadModels({ eventStore, readModels, projections: allProjections });
        }
        let compared = 0;
        for (const collection of collections) {
          const all = await embedded.find(collection);
          expect(await mongo.find(collection)).toEqual(all);
          for (const query of all.items.length === 0 ? [] : queriesOn(all.items[0]!)) {
            expect([collection, query, await mongo.find(collection, query)]).toEqual([
              collection,
              query,
              await embedded.find(collection, query),
            ]);
            compared += 1;
          }
        }
        expect(compared).toBeGreaterThan(50);
      } finally {
        await Promise.all([eventStore.close(), embedded.close(), mongo.close()]);
      }
    }, 120_000);
  });

  describe('a task with 50,000 events', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-mongodb-long-task-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // The embedded case (task-detail.long-history) with MongoDB, whose limit is 16 MB a document.
    it('is projected with no document over 1 MB, and answers its page and history', async () => {
      const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
      const raw = open(`long_task_${++databases}`);
      try {
        await appendLongTask(eventStore, 50_000);
        const readModels = await projectLog(eventStore, raw);
        expect((await largestDocument(raw)).bytes).toBeLessThan(1024 * 1024);
        expect(await readModels.get('tasks', longTaskId)).toEqual(await foldedLongTask(eventStore));
        const page = await longTaskPage(readModels);
        expect(page?.instructions.at(-1)).toMatchObject({ id: 'i9999' });
        const { first, last } = await longTaskHistoryEnds(eventStore, 100);
        expect(first.edges[0]?.node.revision).toBe(0);
        expect(last.edges.at(-1)?.node.revision).toBe(49_999);
      } finally {
        await Promise.all([eventStore.close(), raw.close()]);
      }
    }, 240_000);
  });

  describe('on a standalone server', () => {
    let standalone: StartedTestContainer;

    beforeAll(async () => {
      standalone = await new GenericContainer(IMAGE)
        .withExposedPorts(27017)
        .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
        .start();
    }, 240_000);

    afterAll(async () => {
      await standalone?.stop();
    });

    it('refuses to start, saying a replica set is needed', async () => {
      const host = `${standalone.getHost()}:${standalone.getMappedPort(27017)}`;
      const store = openMongoReadModelStore({ url: `mongodb://${host}`, database: 'standalone' });
      try {
        await expect(store.ping()).rejects.toThrow(/standalone.*--replSet/);
        await expect(store.getCheckpoint('p')).rejects.toThrow(/replica set/);
      } finally {
        await store.close();
      }
    });
  });
});
