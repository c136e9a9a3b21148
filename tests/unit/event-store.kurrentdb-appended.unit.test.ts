import { createKurrentDbEventStore } from '../../infra/event-store/kurrentdb/kurrentdb-event-store.ts';
import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { alwaysLeading } from '../../infra/leadership/leadership.ts';
import { followUnderLease } from '../../infra/log-follower/follow-under-lease.ts';
import { createLogFollower } from '../../infra/log-follower/log-follower.ts';
import { testEvent } from '../conformance/event-store.conformance.ts';
import { KurrentDouble } from '../support/kurrent-double.ts';

/** Waits (a few turns of the event loop, then a few ms at a time) until `done` holds. */
const until = async (done: () => boolean, ms = 2000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('waited in vain');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the KurrentDB event store telling of appends (onAppended)', () => {
  let double: KurrentDouble;
  let stores: EventStore[];

  /**
   * A store of prefix `p/` as another process opens it, on the same server;
   * a dropped subscription is made again after `resubscribeMs`.
   */
  const open = (prefix = 'p/', resubscribeMs = 5) => {
    const store = createKurrentDbEventStore(double.logFor(prefix), {
      streamPrefix: prefix,
      resubscribeMs,
    });
    stores.push(store);
    return store;
  };
  const append = (store: EventStore, streamId = 'task-1') =>
    store.appendToStream(streamId, [testEvent()], { expectedRevision: 'any' });
  /** A listener of `store`, keeping what it heard. */
  const listen = (store: EventStore) => {
    const heard: number[] = [];
    const unlisten = store.onAppended!((position) => heard.push(position));
    return { heard, unlisten };
  };

  beforeEach(() => {
    double = new KurrentDouble();
    stores = [];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
  });

  it("hears an append another process made, with the event's position", async () => {
    const { heard } = listen(open());
    const { positions } = await append(open());
    await until(() => heard.length > 0);
    expect(heard).toEqual(positions);
  });

  it('hears only from the end of the log on: nothing appended before it listened', async () => {
    await append(open());
    const { heard } = listen(open());
    await settle();
    expect(heard).toEqual([]);
  });

  it.each([
    ['its prefix filter', false],
    ['a filter letting everything through', true],
  ])(
    'does not hear other prefixes, system events or tombstones, through %s',
    async (_, leakyFilter) => {
      double = new KurrentDouble({ leakyFilter });
      const { heard } = listen(open());
      await append(open('q/'));
      double.writeSystemEvent();
      double.writeForeign('neighbour/task-1');
      double.tombstone('p/task-9');
      await settle();
      expect(heard).toEqual([]);
    },
  );

  it('keeps one subscription for all its listeners, ended with the last of them', async () => {
    const store = open();
    const first = listen(store);
    const second = listen(store);
    expect(double.liveSubscriptions).toBe(1);
    first.unlisten();
    expect(double.liveSubscriptions).toBe(1);
    second.unlisten();
    expect(double.liveSubscriptions).toBe(0);
    await append(open());
    await settle();
    expect([...first.heard, ...second.heard]).toEqual([]);
  });

  it('ends its subscription when closed', async () => {
    const store = open();
    listen(store);
    expect(double.liveSubscriptions).toBe(1);
    await store.close();
    expect(double.liveSubscriptions).toBe(0);
  });

  it('subscribes again after a drop and hears what is appended then', async () => {
    const { heard } = listen(open());
    double.dropSubscriptions();
    expect(double.liveSubscriptions).toBe(0);
    await until(() => double.liveSubscriptions === 1);
    heard.length = 0; // the look it is told to take, blind to what came while dropped
    const { positions } = await append(open());
    await until(() => heard.length > 0);
    expect(heard).toEqual(positions);
  });

  // Dropped long enough for an append to land meanwhile, on a loaded machine too.
  const whileDropped = 500;

  it('hears, once subscribed again, what was appended while it was dropped', async () => {
    const other = open();
    const { heard } = listen(open('p/', whileDropped));
    const first = await append(other);
    await until(() => heard.length === 1);
    double.dropSubscriptions();
    const meanwhile = await append(other, 'task-2');
    expect(double.liveSubscriptions).toBe(0);
    await until(() => heard.length === 2);
    expect(heard).toEqual([...first.positions, ...meanwhile.positions]);
    expect(double.liveSubscriptions).toBe(1);
  });

  it('tells its listeners to look when dropped before it saw any position', async () => {
    const { heard } = listen(open('p/', whileDropped));
    double.dropSubscriptions();
    await append(open());
    expect(double.liveSubscriptions).toBe(0);
    await until(() => heard.length > 0);
    expect(double.liveSubscriptions).toBe(1);
  });

  it('tells nothing once the store is closed, and subscribes no more', async () => {
    const store = open();
    await store.close();
    const { heard, unlisten } = listen(store);
    await append(open());
    await settle();
    expect([heard, double.liveSubscriptions]).toEqual([[], 0]);
    unlisten();
  });
});

describe('a log follower on a store telling of appends', () => {
  it('catches up with another process without waiting for its poll', async () => {
    const double = new KurrentDouble();
    const store = createKurrentDbEventStore(double.logFor('p/'), { streamPrefix: 'p/' });
    const writer = createKurrentDbEventStore(double.logFor('p/'), { streamPrefix: 'p/' });
    const taken: StoredEvent[] = [];
    const follower = createLogFollower({
      eventStore: store,
      batchSize: 10,
      checkpoint: {
        position: () => taken.at(-1)?.position ?? 0,
        take: (page) => void taken.push(...page),
        moved: () => false,
      },
    });
    const following = followUnderLease({
      eventStore: store,
      leadership: alwaysLeading(),
      catchUp: follower.catchUp,
      pollMs: 3_600_000,
      coalesceMs: 0,
      onWakeError: (error) => {
        throw error;
      },
      onPollError: (error) => {
        throw error;
      },
    });
    await following.start();
    try {
      const { positions } = await writer.appendToStream('task-1', [testEvent()], {
        expectedRevision: 'no_stream',
      });
      await until(() => taken.length === 1);
      expect(taken.map((event) => event.position)).toEqual(positions);
    } finally {
      await following.stop();
      expect(double.liveSubscriptions).toBe(0);
      await Promise.all([store.close(), writer.close()]);
    }
  });
});
