import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { ServiceBroker } from 'moleculer';
import { DomainError } from '../../contracts/errors.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { createProbeHandler } from '../../infra/probes/probes.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { describeProblem, StoreCondition, storeProblems } from '../../infra/stores/store-health.ts';
import { openStores, StoreUnavailableError } from '../../infra/stores/stores.ts';
import { watchEventStore, watchReadModels } from '../../infra/stores/watched-stores.ts';
import { testEvent } from '../conformance/event-store.conformance.ts';
import { tempDir } from '../support/int-fixtures.ts';

const temp = tempDir('disk');
afterAll(() => temp.remove());

const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

/** A reader in another connection: the last connection to close would checkpoint anyway. */
const reader = (file: string) => {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA busy_timeout = 5000');
  // A first read opens the WAL index: from then on this connection holds the file.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
};

const count = (file: string, sql: string) => {
  const db = new DatabaseSync(file);
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** Appends single-event commits to one stream until `events` are stored. */
const appendMany = async (store: EventStore, events: number) => {
  for (let index = 0; index < events; index += 1) {
    await store.appendToStream('task-disk', [testEvent()], { expectedRevision: 'any' });
  }
};

/** Appends until the store refuses; returns the refusal. */
const appendUntilRefused = async (store: EventStore): Promise<unknown> => {
  for (let index = 0; index < 10_000; index += 1) {
    try {
      await store.appendToStream('task-full', [testEvent({ data: { note: 'x'.repeat(2000) } })], {
        expectedRevision: 'any',
      });
    } catch (error) {
      return error;
    }
  }
  throw new Error('the capped store never filled up');
};

describe('the event store WAL', () => {
  it('is checkpointed into events.sqlite once appends pause, and at close', async () => {
    const file = temp.file('events.sqlite');
    const store = openSqliteEventStore({ path: file, checkpointIdleMs: 50 });
    const other = reader(file);
    try {
      await appendMany(store, 20_000);
      // Under load the automatic checkpoint bounds it (it used to reach ~40 MB).
      expect(walBytes(file)).toBeLessThan(10 * 1024 * 1024);
      await sleep(300);
      expect(walBytes(file)).toBeLessThanOrEqual(64 * 1024);
      await appendMany(store, 10);
      await store.close();
      // Another connection still has the file open, so only the store's own
      // checkpoint at close can have put the last events into the database file.
      expect(walBytes(file)).toBeLessThanOrEqual(64 * 1024);
      const copy = temp.file('copy.sqlite');
      copyFileSync(file, copy);
      expect(count(copy, 'SELECT count(*) AS n FROM events')).toBe(20_010);
    } finally {
      other.close();
    }
  }, 120_000);
});

describe('the read-model store WAL', () => {
  it('is checkpointed into read-models.sqlite once commits pause, and at close', async () => {
    const file = temp.file('read-models.sqlite');
    const store = openEmbeddedReadModelStore({ path: file, checkpointIdleMs: 50 });
    const other = reader(file);
    try {
      for (let page = 0; page < 200; page += 1) {
        const changes = Array.from({ length: 50 }, (_, index) => ({
          collection: 'tasks',
          id: `task-${page}-${index}`,
          doc: { position: page + 1, title: '新建学校'.repeat(20) },
        }));
        await store.commit('main', changes, { from: page, to: page + 1 });
      }
      await sleep(300);
      expect(walBytes(file)).toBeLessThanOrEqual(64 * 1024);
      await store.commit('main', [{ collection: 'tasks', id: 'last', doc: { position: 201 } }], {
        from: 200,
        to: 201,
      });
      await store.close();
      const copy = temp.file('copy.sqlite');
      copyFileSync(file, copy);
      expect(count(copy, 'SELECT count(*) AS n FROM documents')).toBe(10_001);
      expect(count(copy, 'SELECT position AS n FROM checkpoints')).toBe(201);
    } finally {
      other.close();
    }
  });
});

describe('a full disk', () => {
  it('fails an append with a retryable UNAVAILABLE, stores nothing, and readiness names the event store until an append succeeds', async () => {
    const file = temp.file('events.sqlite');
    const condition = new StoreCondition('event store', `DATA_DIR=x (${file})`);
    const capped = openSqliteEventStore({ path: file, maxPageCount: 40 });
    const store = watchEventStore(capped, condition);
    const refused = await appendUntilRefused(store);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'UNAVAILABLE' });
    expect((refused as Error).message).toContain('database or disk is full');
    // Clients are told what failed, never where the server keeps its files.
    expect((refused as Error).message).not.toContain(file);
    const stored = await store.lastPosition();
    expect(await store.readAll({ after: 0, limit: 10_000 })).toHaveLength(stored);

    const broker = new ServiceBroker({ logger: false });
    await broker.start();
    const health = { events: condition, readModels: new StoreCondition('read models', 'x') };
    const probe = createProbeHandler(broker, false, () =>
      storeProblems(health).map(describeProblem),
    );
    const readyz = () =>
      new Promise<{ status: number; body: { missing?: string[] } }>((resolve) => {
        const response = {
          writeHead: (status: number) => ({
            end: (body: string) => resolve({ status, body: JSON.parse(body) }),
          }),
        };
        probe({ url: '/readyz' } as never, response as never);
      });
    try {
      const unready = await readyz();
      expect(unready.status).toBe(503);
      expect(unready.body.missing?.join()).toMatch(/^event store at .*database or disk is full/);
      await expect(store.ping()).rejects.toMatchObject({ code: 'UNAVAILABLE' });

      // Space freed (the cap lifted): the next append succeeds and readiness returns.
      await capped.close();
      const freed = watchEventStore(openSqliteEventStore({ path: file }), condition);
      await freed.appendToStream('task-full', [testEvent()], { expectedRevision: 'any' });
      expect((await readyz()).status).toBe(200);
      await freed.close();
    } finally {
      await broker.stop();
    }
  });

  it('fails a read-model commit with UNAVAILABLE, the checkpoint unmoved, until one succeeds', async () => {
    const file = temp.file('read-models.sqlite');
    const condition = new StoreCondition('read models', `DATA_DIR=x (${file})`);
    const store = watchReadModels(
      openEmbeddedReadModelStore({ path: file, maxPageCount: 30 }),
      condition,
    );
    let checkpoint = 0;
    let refused: unknown = null;
    while (refused === null && checkpoint < 1000) {
      const doc = { position: checkpoint + 1, text: 'x'.repeat(3000) };
      try {
        await store.commit('main', [{ collection: 'c', id: `d${checkpoint}`, doc }], {
          from: checkpoint,
          to: checkpoint + 1,
        });
        checkpoint += 1;
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toMatchObject({ code: 'UNAVAILABLE' });
    expect((refused as Error).message).toContain('database or disk is full');
    expect(await store.getCheckpoint('main')).toBe(checkpoint);
    expect(condition.problem()?.store).toBe('read models');
    // A commit that fits (a removal) succeeds: the condition is over.
    await store.commit('main', [{ collection: 'c', id: 'd0', doc: null }], {
      from: checkpoint,
      to: checkpoint + 1,
    });
    expect(condition.problem()).toBeNull();
    await store.close();
  });
});

describe('a damaged store file', () => {
  it.each([
    ['events.sqlite', /events\.sqlite is not a SQLite database or is damaged.*EVENT_STORE_URL/],
    [
      'read-models.sqlite',
      /read-models\.sqlite is not a SQLite database or is damaged.*READ_MODEL_STORE_URL/,
    ],
  ])('stops start-up naming %s and DATA_DIR', async (name, expected) => {
    const dataDir = temp.file('data');
    const config = { dataDir, sqliteSynchronous: 'NORMAL' as const };
    const created = openStores(config);
    await created.eventStore.close();
    await created.readModels.close();
    writeFileSync(join(dataDir, name), 'not a database, '.repeat(512));
    let thrown: unknown = null;
    try {
      openStores(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StoreUnavailableError);
    expect((thrown as StoreUnavailableError).variable).toBe('DATA_DIR');
    const { message } = thrown as Error;
    expect(message).toMatch(expected);
    expect(message).toContain(`DATA_DIR=${dataDir}`);
    expect(message).toContain(join(dataDir, name));
  });
});
