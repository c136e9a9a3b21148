import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../../contracts/metadata.ts';
import {
  type EventStore,
  type NewEvent,
  type StoredEvent,
  WrongExpectedRevisionError,
} from '../../infra/event-store/port.ts';

/** How the suite gets at an adapter. */
export interface EventStoreHarness {
  /** A fresh, empty store; called before every test, which closes it afterwards. */
  open(): Promise<EventStore>;
  /**
   * Closes the store last returned by `open` or `reopen` and opens the same durable
   * store again. Adapters without durable storage leave it out, and the restart
   * tests are not declared.
   */
  reopen?(): Promise<EventStore>;
  /** What the adapter does beyond the port's minimum; everything is assumed unless said. */
  capabilities?: EventStoreCapabilities;
}

export interface EventStoreCapabilities {
  /**
   * Numbers the log 1, 2, 3, …: the suite checks those very numbers. Otherwise it
   * checks positions against the order of the log (the n-th event's position, as
   * `readAll` gives it), strictly increasing, safe integers ≥ 1.
   */
  densePositions?: boolean;
  /**
   * Refuses an event id already stored in another stream. A store that knows ids
   * per stream only (KurrentDB) would need an index of every id of its log.
   */
  refusesIdsOfOtherStreams?: boolean;
}

/** A valid event with a fresh id; override what a test cares about. */
export function testEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  const recordedAt = overrides.recordedAt ?? new Date().toISOString();
  const metadata: EventMetadata = {
    actor: { id: `user-${randomUUID()}`, role: 'office' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    idempotencyKey: randomUUID(),
    recordedAt,
  };
  return {
    id: randomUUID(),
    type: 'TaskCreated',
    version: 1,
    data: { title: 'test task' },
    metadata,
    recordedAt,
    ...overrides,
  };
}

const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, index) => testEvent({ data: { index } }));

const newStreamId = (): string => `task-${randomUUID()}`;

/** The error a promise rejects with, failing the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Reads the whole log page by page. */
async function readEverything(store: EventStore, limit: number): Promise<StoredEvent[][]> {
  const pages: StoredEvent[][] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, limit });
    if (page.length === 0) return pages;
    pages.push(page);
    after = page[page.length - 1]!.position;
  }
}

/**
 * The behaviour every EventStore adapter must show, written against the port only
 * so that an embedded store and a server-backed one are held to the same contract.
 * The port lets positions have gaps (strictly increasing is all it promises). On
 * adapters that number their logs 1, 2, 3, … (`densePositions`), `at(n)` is n and
 * the exact numbers are checked, which keeps an audit tree's leaf n the event at
 * position n there; on the others, `at(n)` is the n-th event's position in the log.
 */
export function describeEventStoreConformance(
  adapterName: string,
  harness: EventStoreHarness,
): void {
  const dense = harness.capabilities?.densePositions ?? true;
  const refusesIdsOfOtherStreams = harness.capabilities?.refusesIdsOfOtherStreams ?? true;

  describe(`${adapterName} event store`, () => {
    let store: EventStore;

    /** Positions of the log's n-th events (from 1): n itself on a dense log. */
    const at = async (...ordinals: number[]): Promise<number[]> => {
      if (dense) return ordinals;
      const log = await store.readAll({ after: 0, limit: Math.max(...ordinals) });
      return ordinals.map((n) => {
        const event = log[n - 1];
        if (event === undefined) throw new Error(`the log has no event number ${n}`);
        return event.position;
      });
    };
    /** The last position of a log of `count` events. */
    const lastAt = async (count: number): Promise<number> =>
      count === 0 ? 0 : (await at(count))[0]!;

    beforeEach(async () => {
      store = await harness.open();
    });

    afterEach(async () => {
      await store.close();
    });

    describe('appending to a new stream', () => {
      it('creates the stream at revision 0 when no stream is expected', async () => {
        const streamId = newStreamId();
        const event = testEvent();

        const result = await store.appendToStream(streamId, [event], {
          expectedRevision: 'no_stream',
        });

        const [first] = await at(1);
        expect(result).toEqual({ nextRevision: 0, positions: [first], duplicate: false });
        const stored = await store.readStream(streamId);
        expect(stored.map((e) => [e.id, e.revision, e.position])).toEqual([[event.id, 0, first]]);
      });

      it('numbers revisions from 0 within each stream', async () => {
        const first = newStreamId();
        const second = newStreamId();

        const a = await store.appendToStream(first, events(3), { expectedRevision: 'no_stream' });
        const b = await store.appendToStream(second, events(1), { expectedRevision: 'no_stream' });
        const c = await store.appendToStream(first, events(2), { expectedRevision: 2 });

        expect([a.nextRevision, b.nextRevision, c.nextRevision]).toEqual([2, 0, 4]);
        expect((await store.readStream(first)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect((await store.readStream(second)).map((e) => e.revision)).toEqual([0]);
      });

      it('refuses an empty batch', async () => {
        await expect(
          store.appendToStream(newStreamId(), [], { expectedRevision: 'any' }),
        ).rejects.toThrow(Error);
        expect(await store.lastPosition()).toBe(0);
      });
    });

    describe('appending with an expected revision', () => {
      it('rejects no_stream on an existing stream, reporting the actual revision', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(2), { expectedRevision: 'no_stream' });

        const error = await rejectionOf(
          store.appendToStream(streamId, events(1), { expectedRevision: 'no_stream' }),
        );

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: 'no_stream', actual: 1 });
        expect(await store.lastPosition()).toBe(await lastAt(2));
      });

      it('accepts the exact current revision', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(2), { expectedRevision: 'no_stream' });

        const result = await store.appendToStream(streamId, events(1), { expectedRevision: 1 });

        expect(result).toEqual({ nextRevision: 2, positions: await at(3), duplicate: false });
      });

      it('rejects a stale revision and writes nothing', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(3), { expectedRevision: 'no_stream' });

        const error = await rejectionOf(
          store.appendToStream(streamId, events(4), { expectedRevision: 1 }),
        );

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: 1, actual: 2 });
        expect(await store.lastPosition()).toBe(await lastAt(3));
        expect(await store.readStream(streamId)).toHaveLength(3);
      });

      it('rejects a revision ahead of the stream', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(1), { expectedRevision: 'no_stream' });

        const error = await rejectionOf(
          store.appendToStream(streamId, events(1), { expectedRevision: 5 }),
        );

        expect(error).toMatchObject({ streamId, expected: 5, actual: 0 });
        expect(await store.lastPosition()).toBe(await lastAt(1));
      });

      it('reports -1 as the actual revision of a stream that does not exist', async () => {
        const streamId = newStreamId();

        const error = await rejectionOf(
          store.appendToStream(streamId, events(1), { expectedRevision: 0 }),
        );

        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId, expected: 0, actual: -1 });
        expect(await store.lastPosition()).toBe(0);
      });

      it('appends without a check when any revision is expected', async () => {
        const streamId = newStreamId();

        const created = await store.appendToStream(streamId, events(1), {
          expectedRevision: 'any',
        });
        const extended = await store.appendToStream(streamId, events(2), {
          expectedRevision: 'any',
        });

        expect(created).toEqual({ nextRevision: 0, positions: await at(1), duplicate: false });
        expect(extended).toEqual({ nextRevision: 2, positions: await at(2, 3), duplicate: false });
      });
    });

    describe('appending concurrently', () => {
      it('lets exactly one of many appends expecting the same revision win', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(1), { expectedRevision: 'no_stream' });
        const contenders = 20;

        const outcomes = await Promise.allSettled(
          Array.from({ length: contenders }, () =>
            store.appendToStream(streamId, events(1), { expectedRevision: 0 }),
          ),
        );

        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o) => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(contenders - 1);
        for (const outcome of lost) {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(outcome.reason).toMatchObject({ streamId, expected: 0, actual: 1 });
        }
        expect((await store.readStream(streamId)).map((e) => e.revision)).toEqual([0, 1]);
        expect(await store.lastPosition()).toBe(await lastAt(2));
      });

      it('gives racing appends to many streams the positions of the log, each once (1..N if dense)', async () => {
        const streamIds = Array.from({ length: 5 }, newStreamId);

        const results = await Promise.all(
          range(1, 30).map((n) =>
            store.appendToStream(streamIds[n % streamIds.length]!, events(1 + (n % 3)), {
              expectedRevision: 'any',
            }),
          ),
        );

        const positions = results.flatMap((r) => r.positions).sort((x, y) => x - y);
        expect(positions).toEqual(await at(...range(1, positions.length)));
        for (const streamId of streamIds) {
          const revisions = (await store.readStream(streamId)).map((e) => e.revision);
          expect(revisions).toEqual(range(0, revisions.length - 1));
        }
      });
    });

    describe('global positions', () => {
      it('are 0 for the last position of an empty store', async () => {
        expect(await store.lastPosition()).toBe(0);
        expect(await store.readAll({ after: 0, limit: 10 })).toEqual([]);
      });

      it('number the log strictly increasing (1..N if dense), across interleaved streams', async () => {
        const streamIds = [newStreamId(), newStreamId(), newStreamId()];
        const appended: number[] = [];
        for (let round = 0; round < 4; round++) {
          for (const [index, streamId] of streamIds.entries()) {
            const result = await store.appendToStream(streamId, events(1 + index), {
              expectedRevision: 'any',
            });
            appended.push(...result.positions);
          }
        }

        const total = 4 * (1 + 2 + 3);
        expect(appended).toEqual(await at(...range(1, total)));
        const log = await store.readAll({ after: 0, limit: 1000 });
        expect(log.map((e) => e.position)).toEqual(appended);
        expect(log).toHaveLength(total);
        expect(
          appended.every((p, i) => Number.isSafeInteger(p) && p > (appended[i - 1] ?? 0)),
        ).toBe(true);
        expect(await store.lastPosition()).toBe(appended[total - 1]);
      });
    });

    describe('retrying an append with the same event ids', () => {
      it('returns the original result and appends nothing', async () => {
        const streamId = newStreamId();
        await store.appendToStream(newStreamId(), events(1), { expectedRevision: 'no_stream' });
        const batch = events(2);
        const original = await store.appendToStream(streamId, batch, {
          expectedRevision: 'no_stream',
        });

        const retry = await store.appendToStream(streamId, batch, {
          expectedRevision: 'no_stream',
        });

        const positions = await at(2, 3);
        expect(original).toEqual({ nextRevision: 1, positions, duplicate: false });
        expect(retry).toEqual({ nextRevision: 1, positions, duplicate: true });
        expect(await store.lastPosition()).toBe(await lastAt(3));
        expect(await store.readStream(streamId)).toHaveLength(2);
      });

      it('returns the original result even when the expected revision is now stale', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(1), { expectedRevision: 'no_stream' });
        const batch = events(2);
        const original = await store.appendToStream(streamId, batch, { expectedRevision: 0 });
        await store.appendToStream(streamId, events(3), { expectedRevision: 2 });

        const retry = await store.appendToStream(streamId, batch, { expectedRevision: 0 });

        expect(retry).toEqual({ ...original, duplicate: true });
        expect(retry.nextRevision).toBe(2);
        expect(retry.positions).toEqual(await at(2, 3));
        expect(await store.lastPosition()).toBe(await lastAt(6));
        expect(await store.readStream(streamId)).toHaveLength(6);
      });

      if (refusesIdsOfOtherStreams) {
        it('refuses ids already stored in another stream', async () => {
          const event = testEvent();
          await store.appendToStream(newStreamId(), [event], { expectedRevision: 'no_stream' });

          await expect(
            store.appendToStream(newStreamId(), [event], { expectedRevision: 'any' }),
          ).rejects.toThrow(/already stored/);
          expect(await store.lastPosition()).toBe(await lastAt(1));
        });
      }

      it('refuses a batch of which only part is already stored', async () => {
        const streamId = newStreamId();
        const stored = testEvent();
        await store.appendToStream(streamId, [stored], { expectedRevision: 'no_stream' });

        await expect(
          store.appendToStream(streamId, [stored, testEvent()], { expectedRevision: 'any' }),
        ).rejects.toThrow(/already stored/);
        expect(await store.lastPosition()).toBe(await lastAt(1));
      });
    });

    describe('reading a stream', () => {
      it('returns an empty list for a stream that does not exist', async () => {
        expect(await store.readStream(newStreamId())).toEqual([]);
      });

      it('reads from a given revision on', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(5), { expectedRevision: 'no_stream' });
        const tail = await store.readStream(streamId, { fromRevision: 3 });
        expect(tail.map((event) => event.revision)).toEqual([3, 4]);
        expect(await store.readStream(streamId, { fromRevision: 5 })).toEqual([]);
      });

      it('reads at most a limit, forwards or backwards (newest first)', async () => {
        const streamId = newStreamId();
        await store.appendToStream(streamId, events(5), { expectedRevision: 'no_stream' });
        const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(streamId, options)).map((event) => event.revision);
        expect(await revisions({ fromRevision: 1, limit: 2 })).toEqual([1, 2]);
        expect(await revisions({ direction: 'backwards', limit: 2 })).toEqual([4, 3]);
        expect(await revisions({ direction: 'backwards', fromRevision: 2 })).toEqual([2, 1, 0]);
        expect(await revisions({ direction: 'backwards', fromRevision: 9, limit: 1 })).toEqual([4]);
        expect(await revisions({ limit: 10 })).toEqual([0, 1, 2, 3, 4]);
        await expect(store.readStream(streamId, { limit: 0 })).rejects.toThrow(/limit/);
      });

      it("returns only that stream's events, in revision order", async () => {
        const mine = newStreamId();
        const other = newStreamId();
        const first = events(2);
        const second = events(2);
        await store.appendToStream(mine, first, { expectedRevision: 'no_stream' });
        await store.appendToStream(other, events(3), { expectedRevision: 'no_stream' });
        await store.appendToStream(mine, second, { expectedRevision: 1 });

        const stored = await store.readStream(mine);

        expect(stored.map((e) => e.id)).toEqual([...first, ...second].map((e) => e.id));
        expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
        expect(stored.map((e) => e.position)).toEqual(await at(1, 2, 6, 7));
        expect(stored.every((e) => e.streamId === mine)).toBe(true);
      });
    });

    describe('reading the whole log', () => {
      it('pages through every event exactly once, in order, across page boundaries', async () => {
        const streamIds = [newStreamId(), newStreamId()];
        const appended: NewEvent[] = [];
        for (let n = 0; n < 9; n++) {
          const batch = events(1 + (n % 3));
          await store.appendToStream(streamIds[n % 2]!, batch, { expectedRevision: 'any' });
          appended.push(...batch);
        }

        const pages = await readEverything(store, 5);

        const read = pages.flat();
        expect(read.map((e) => e.id)).toEqual(appended.map((e) => e.id));
        expect(read.map((e) => e.position)).toEqual(await at(...range(1, appended.length)));
        expect(pages.every((page) => page.length <= 5)).toBe(true);
        expect(pages.slice(0, -1).every((page) => page.length === 5)).toBe(true);
      });

      it('starts strictly after the given position and stops at the limit', async () => {
        await store.appendToStream(newStreamId(), events(12), { expectedRevision: 'no_stream' });

        const [seventh, eighth, ninth, tenth, twelfth] = await at(7, 8, 9, 10, 12);

        const page = await store.readAll({ after: seventh!, limit: 3 });

        expect(page.map((e) => e.position)).toEqual([eighth, ninth, tenth]);
        expect(await store.readAll({ after: tenth!, limit: 100 })).toHaveLength(2);
        expect(await store.readAll({ after: twelfth!, limit: 100 })).toEqual([]);
      });

      it('reads from the event at p when asked for what follows p - 1', async () => {
        await store.appendToStream(newStreamId(), events(3), { expectedRevision: 'no_stream' });
        const [second, third] = await at(2, 3);

        const page = await store.readAll({ after: second! - 1, limit: 1 });

        expect(page.map((e) => e.position)).toEqual([second]);
        expect(
          (await store.readAll({ after: third! - 1, limit: 5 })).map((e) => e.position),
        ).toEqual([third]);
      });
    });

    describe('storing an event', () => {
      it('returns type, version, data, metadata, recordedAt and id exactly as appended', async () => {
        const streamId = newStreamId();
        const recordedAt = '2025-03-01T08:30:00.123Z';
        const event: NewEvent = {
          id: randomUUID(),
          type: 'TaskAssigned',
          version: 3,
          data: {
            title: '关于加强督查督办工作的通知',
            units: ['市发展改革委', '市财政局'],
            deadline: '2025-03-31',
            priority: 2,
            ratio: 0.75,
            urgent: true,
            note: null,
            nested: { quote: '“引号”与\\反斜杠\n换行', emoji: '✅📌' },
            empty: { list: [], object: {} },
          },
          metadata: {
            actor: { id: 'user-42', role: 'office', unitId: 'unit-7', name: '张三' },
            correlationId: randomUUID(),
            causationId: randomUUID(),
            idempotencyKey: '办-2025-0301-001',
            recordedAt,
            businessDate: '2025-02-28',
          },
          recordedAt,
        };

        await store.appendToStream(streamId, [event], { expectedRevision: 'no_stream' });

        const [position] = await at(1);
        const expected: StoredEvent = { ...event, streamId, revision: 0, position: position! };
        expect(await store.readStream(streamId)).toEqual([expected]);
        expect(await store.readAll({ after: 0, limit: 10 })).toEqual([expected]);
      });
    });

    describe('health', () => {
      it('answers a ping', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });

    const { reopen } = harness;
    if (reopen !== undefined) {
      describe('after a restart', () => {
        it('keeps every event and continues at the next position and revision', async () => {
          const first = newStreamId();
          const second = newStreamId();
          await store.appendToStream(first, events(3), { expectedRevision: 'no_stream' });
          await store.appendToStream(second, events(2), { expectedRevision: 'no_stream' });
          const before = await store.readAll({ after: 0, limit: 100 });

          store = await reopen.call(harness);

          expect(await store.readAll({ after: 0, limit: 100 })).toEqual(before);
          expect(await store.lastPosition()).toBe(await lastAt(5));
          const result = await store.appendToStream(first, events(1), { expectedRevision: 2 });
          expect(result).toEqual({ nextRevision: 3, positions: await at(6), duplicate: false });
          await expect(
            store.appendToStream(second, events(1), { expectedRevision: 'no_stream' }),
          ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        });
      });
    }
  });
}
