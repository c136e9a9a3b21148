import { ServiceBroker } from 'moleculer';
import { settableClock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import type { Leadership } from '../../infra/leadership/leadership.ts';
import { createLeadership } from '../../infra/leadership/leadership.ts';
import type { LeaseStore } from '../../infra/lease/port.ts';
import { openSqliteLeaseStore } from '../../infra/lease/sqlite/sqlite-lease-store.ts';
import { openEmbeddedReadModelStore } from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { CheckpointMovedError, StaleTermError } from '../../infra/read-model-store/port.ts';
import { allProjections } from '../../projections/index.ts';
import { createProjectorService } from '../../services/projector/projector.service.ts';
import { rebuildReadModels } from '../../services/projector/rebuild.ts';
import { createCommandHandler } from '../../services/shared/command-handler.ts';
import { progress, runTask, seedLog, seedTask, tempDir } from '../support/int-fixtures.ts';
import { allDocuments } from '../support/read-models.ts';

/*
 * Projector services of two "nodes" (two brokers, each with its own connections
 * to the same files, as two processes would have) behind the `projector` lease.
 */

const temp = tempDir('lease-projector');
afterAll(() => temp.remove());

type Closable = { close(): Promise<void> };
let opened: Closable[] = [];
let brokers: ServiceBroker[] = [];
const track = <T extends Closable>(store: T): T => {
  opened.push(store);
  return store;
};
afterEach(async () => {
  for (const broker of brokers) await broker.stop();
  for (const store of opened.reverse()) await store.close();
  brokers = [];
  opened = [];
});

const quiet = { info: () => {}, warn: () => {} };
/** The documents a single projector builds from the whole log: what both nodes must reach. */
const reference = async (eventStore: EventStore) => {
  const readModels = track(openEmbeddedReadModelStore({ path: temp.file('reference.db') }));
  await rebuildReadModels({ eventStore, readModels, projections: allProjections });
  return allDocuments(readModels);
};

/** Files shared by the nodes, and the writer appending to the log. */
const sharedFiles = () => {
  const files = {
    events: temp.file('events.db'),
    readModels: temp.file('read-models.db'),
    leases: temp.file('leases.db'),
  };
  const eventStore = track(openSqliteEventStore({ path: files.events }));
  const handle = createCommandHandler({
    store: eventStore,
    clock: settableClock('2021-03-01T08:00:00.000Z'),
  });
  return { files, eventStore, handle };
};

/** One node: its own connections, its projector service, and how many events it applied. */
const startNode = async (
  files: ReturnType<typeof sharedFiles>['files'],
  leadership: (readModels: ReadModelStore) => Leadership,
  pollMs = 5,
) => {
  const eventStore = track(openSqliteEventStore({ path: files.events }));
  const real = track(openEmbeddedReadModelStore({ path: files.readModels }));
  let applied = 0;
  let lost = 0;
  let stale = 0;
  const readModels: ReadModelStore = {
    get: (collection, id) => real.get(collection, id),
    getMany: (collection, ids) => real.getMany(collection, ids),
    find: (collection, query) => real.find(collection, query),
    ensureIndex: (collection, field) => real.ensureIndex(collection, field),
    getCheckpoint: (projectorId) => real.getCheckpoint(projectorId),
    versionsAsOf: (collection, day) => real.versionsAsOf(collection, day),
    commit: async (projectorId, changes, checkpoint, versions) => {
      try {
        await real.commit(projectorId, changes, checkpoint, versions);
      } catch (error) {
        if (error instanceof CheckpointMovedError) lost += 1;
        if (error instanceof StaleTermError) stale += 1;
        throw error;
      }
      applied += checkpoint.to - checkpoint.from;
    },
    reset: () => real.reset(),
    ping: () => real.ping(),
    close: () => real.close(),
  };
  const broker = new ServiceBroker({ logger: false });
  brokers.push(broker);
  const deps = {
    eventStore,
    readModels,
    clock: settableClock('2021-03-01T08:00:00.000Z'),
    handle: createCommandHandler({ store: eventStore, clock: settableClock('2021-03-01') }),
    projectorPollMs: pollMs,
    projectorCoalesceMs: 0,
    projectorBatchSize: 7,
  };
  const lead = leadership(readModels);
  broker.createService(createProjectorService(deps, { leadership: lead }));
  await broker.start();
  return {
    broker,
    readModels,
    lead,
    applied: () => applied,
    lost: () => lost,
    stale: () => stale,
  };
};

const until = async (what: string, condition: () => Promise<boolean> | boolean) => {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('two projector services behind one lease', () => {
  it('only the holder applies events; the standby goes on from the checkpoint once it stops', async () => {
    const { files, eventStore, handle } = sharedFiles();
    const lease = (holder: string) => () =>
      createLeadership({
        store: track(openSqliteLeaseStore({ path: files.leases })),
        name: 'projector',
        holder,
        ttlMs: 1000,
        renewMs: 50,
        logger: quiet,
      });
    const a = await startNode(files, lease('a'));
    await until('a holds the lease', () => a.lead.holding());
    const b = await startNode(files, lease('b'));

    await seedLog(handle, { tasks: 4 });
    const first = await eventStore.lastPosition();
    await until('caught up', async () => (await a.readModels.getCheckpoint('main')) === first);
    expect(a.applied()).toBe(first);
    expect(b.applied()).toBe(0);
    expect(b.lead.holding()).toBe(false);

    await a.broker.stop();
    for (const taskId of ['later-1', 'later-2']) {
      await seedTask(handle, taskId, { milestoneIds: ['m1'] });
      await runTask(handle, progress(taskId, 'm1', 40));
    }
    const second = await eventStore.lastPosition();
    await until(
      'caught up again',
      async () => (await b.readModels.getCheckpoint('main')) === second,
    );
    expect(b.lead.holding()).toBe(true);
    expect(b.applied()).toBe(second - first);
    expect(a.applied()).toBe(first);
    expect(await allDocuments(b.readModels)).toEqual(await reference(eventStore));
  });

  it('apply each event once even when both believe they hold it (a split-brain moment)', async () => {
    const { files, eventStore, handle } = sharedFiles();
    // A lease store that grants everyone: two holders at once, as after a pause past the TTL.
    const grantsEveryone: LeaseStore = {
      acquire: async (name, holder, ttlMs) => ({ name, holder, term: 1, ttlMs }),
      release: async () => {},
      current: async () => null,
      close: async () => {},
    };
    const lease = (holder: string) => () =>
      createLeadership({
        store: grantsEveryone,
        name: 'projector',
        holder,
        ttlMs: 60_000,
        renewMs: 1000,
        logger: quiet,
      });
    const a = await startNode(files, lease('a'), 60_000);
    const b = await startNode(files, lease('b'), 60_000);
    await until('both lead', () => a.lead.holding() && b.lead.holding());
    await seedLog(handle, { tasks: 12 });
    const last = await eventStore.lastPosition();
    // Both catch up over the whole log at once, in pages of 7: they race.
    await Promise.all([a.broker.call('projector.catchUp'), b.broker.call('projector.catchUp')]);

    expect(a.lead.holding() && b.lead.holding()).toBe(true);
    // They really raced: a commit lost the compare-and-set and changed nothing.
    expect(a.lost() + b.lost()).toBeGreaterThan(0);
    expect(a.applied() + b.applied()).toBe(last);
    expect(await allDocuments(a.readModels)).toEqual(await reference(eventStore));
  });

  it('a holder that slept through its lease commits nothing once the next holder has', async () => {
    const { files, eventStore, handle } = sharedFiles();
    // Both believe they hold it, as after a pause past the TTL: b under the later term.
    const terms: Record<string, number> = { a: 1, b: 2 };
    const granted: LeaseStore = {
      acquire: async (name, holder, ttlMs) => ({ name, holder, term: terms[holder]!, ttlMs }),
      release: async () => {},
      current: async () => null,
      close: async () => {},
    };
    const lease = (holder: string) => () =>
      createLeadership({
        store: granted,
        name: 'projector',
        holder,
        ttlMs: 60_000,
        renewMs: 1000,
        logger: quiet,
      });
    const b = await startNode(files, lease('b'));
    await seedLog(handle, { tasks: 3 });
    const first = await eventStore.lastPosition();
    await until('b caught up', async () => (await b.readModels.getCheckpoint('main')) === first);
    await b.broker.stop();

    const a = await startNode(files, lease('a'));
    await until('a leads', () => a.lead.holding());
    await seedTask(handle, 'late', { milestoneIds: ['m1'] });
    await until('a tried to commit', () => a.stale() > 1);
    expect(a.applied()).toBe(0);
    expect(await a.readModels.getCheckpoint('main')).toBe(first);
    expect(await a.readModels.get('tasks', 'late')).toBeNull();
  });
});
