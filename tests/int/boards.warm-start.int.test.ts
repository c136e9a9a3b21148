import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { boardTaskProjection } from '../../projections/boards/index.ts';
import { createBoardsService } from '../../services/boards/boards.service.ts';
import { assertingBroker, serviceDeps } from '../support/asserting-broker.ts';
import { appendReport, generatedDataDir } from '../support/generated-log.ts';

/*
 * The boards service at start: over read models at the log's end it loads
 * today's documents before it is offered, so the first board reads none; over
 * read models far behind, it does not hold the start up for them.
 */

const leader: Actor = { id: 'leader-1', role: 'leader' };
let dir: string;
let opened: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  dir = await generatedDataDir('dubanju-boards-warm-', 3000);
}, 60_000);

afterEach(async () => {
  for (const one of opened.splice(0).reverse()) await one.close();
  opened = [];
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The read models of `dir`, counting the reads of the boards' task documents;
 * while `gate` is closed, those reads wait for it to open.
 */
const countedReadModels = () => {
  const real = openEmbeddedReadModelStore({ path: path.join(dir, 'read-models.sqlite') });
  opened.push(real);
  let reads = 0;
  let open: () => void = () => {};
  let gate = Promise.resolve();
  const store: ReadModelStore = {
    find: async (collection, query) => {
      if (collection === boardTaskProjection.collection) {
        reads += 1;
        await gate;
      }
      return real.find(collection, query);
    },
    versionsAsOf: (collection, day) => real.versionsAsOf(collection, day),
    get: (collection, id) => real.get(collection, id),
    getMany: (collection, ids) => real.getMany(collection, ids),
    getCheckpoint: (projectorId) => real.getCheckpoint(projectorId),
    commit: (...args) => real.commit(...args),
    ensureIndex: (collection, field) => real.ensureIndex(collection, field),
    reset: () => real.reset(),
    ping: () => real.ping(),
    close: () => real.close(),
  };
  return {
    store,
    reads: () => reads,
    close: () => {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    open: () => open(),
  };
};

/** Whether `promise` settles within a few turns of the event loop and a short wait. */
const settlesSoon = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 300)),
  ]);

const startBoards = async (eventStore: EventStore, readModels: ReadModelStore) => {
  const broker = assertingBroker();
  broker.createService(
    createBoardsService(serviceDeps(eventStore, readModels, settableClock('2021-12-31T02:00:00Z'))),
  );
  await broker.start();
  opened.push({ close: () => broker.stop() });
  return (action: string) => broker.call(`boards.${action}`, {}, { meta: { actor: leader } });
};

const openLog = () => {
  const eventStore = openSqliteEventStore({ path: path.join(dir, 'events.sqlite') });
  opened.push(eventStore);
  return eventStore;
};

describe('the boards service at start', () => {
  it("loads today's documents before it is offered, over read models at the log's end", async () => {
    const readModels = countedReadModels();
    readModels.close();
    const starting = startBoards(openLog(), readModels.store);
    expect(await settlesSoon(starting)).toBe(false);
    expect(readModels.reads()).toBe(1);
    readModels.open();
    const call = await starting;
    await call('progressBoard');
    await call('overview');
    expect(readModels.reads()).toBe(1);
  });

  it('does not hold its start up for them over read models far behind the log', async () => {
    const eventStore = openLog();
    const end = await eventStore.lastPosition();
    const readModels = countedReadModels();
    readModels.close();
    // Further behind than it waits for: the projector's catch-up comes first.
    const behind: ReadModelStore = {
      ...readModels.store,
      getCheckpoint: async () => end - 10_001,
    };
    expect(await settlesSoon(startBoards(eventStore, behind))).toBe(true);
    readModels.open();
  });

  it('starts when the read models cannot be read, the first board saying why', async () => {
    const eventStore = openLog();
    await appendReport(eventStore, '2021-12-30T02:00:00.000Z');
    const readModels = countedReadModels();
    const failing: ReadModelStore = {
      ...readModels.store,
      find: async () => {
        throw new Error('read models unreadable');
      },
    };
    const call = await startBoards(eventStore, failing);
    await expect(call('progressBoard')).rejects.toThrow('read models unreadable');
  });
});
