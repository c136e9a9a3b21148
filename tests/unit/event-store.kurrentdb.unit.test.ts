import { randomUUID } from 'node:crypto';
import { validationError } from '../../contracts/errors.ts';
import type {
  AppendOutcome,
  KurrentLog,
  LogRecord,
  LogRecordData,
  StreamRead,
  StreamState,
} from '../../infra/event-store/kurrentdb/kurrent-log.ts';
import {
  createKurrentDbEventStore,
  KURRENT_MAX_APPEND_BYTES,
} from '../../infra/event-store/kurrentdb/kurrentdb-event-store.ts';
import { isAfter, type LogPosition } from '../../infra/event-store/kurrentdb/log-position.ts';
import { type EventStore, WrongExpectedRevisionError } from '../../infra/event-store/port.ts';
import {
  describeEventStoreConformance,
  testEvent,
} from '../conformance/event-store.conformance.ts';

const tick = (): Promise<void> => new Promise((wake) => setImmediate(wake));

/**
 * An in-memory stand-in for a KurrentDB server, with the behaviour the adapter
 * relies on: revisions from 0, `$all` positions that grow with gaps, system events
 * in `$all`, `$all` reads that include the event at `from`, and KurrentDB's own
 * idempotency (ids re-appended at the same expected revision, or recent ids with
 * `any`, succeed without writing), its `MaxAppendSize` (an append over it fails
 * whole) and JSON round-trips (what is read back is parsed from what was
 * written). Each call yields to the event loop first, so concurrent calls
 * interleave as they would over the network.
 */
class KurrentDouble {
  readonly streams = new Map<string, LogRecord[]>();
  readonly all: LogRecord[] = [];
  readonly calls = { append: 0, readAll: 0, readStream: 0 };
  #offset = 4096n;
  /** Whether a `$all` read from a position returns the event at that position too. */
  readonly #inclusive: boolean;

  constructor(options: { inclusive: boolean } = { inclusive: true }) {
    this.#inclusive = options.inclusive;
  }

  /** The log one store sees: its prefix's streams, plus any system events (leaked on purpose). */
  logFor(prefix: string): KurrentLog & { closed: boolean } {
    const log = {
      closed: false,
      append: (stream: string, records: LogRecordData[], state: StreamState) =>
        this.#append(stream, records, state),
      readStream: async (stream: string, read: StreamRead) => {
        this.calls.readStream += 1;
        await tick();
        const records = this.streams.get(stream) ?? [];
        const from = read.fromRevision ?? (read.backwards ? Number.MAX_SAFE_INTEGER : 0);
        const chosen = read.backwards
          ? records.filter((r) => r.revision <= from).reverse()
          : records.filter((r) => r.revision >= from);
        return read.limit === null ? chosen : chosen.slice(0, read.limit);
      },
      readAll: async (from: LogPosition | undefined, maxCount: number) => {
        this.calls.readAll += 1;
        await tick();
        return this.all
          .filter((r) => r.stream.startsWith(prefix) || r.stream.startsWith('$'))
          .filter((r) => this.#readsFrom(from, r.position!))
          .slice(0, maxCount);
      },
      ping: async () => undefined,
      close: async () => {
        log.closed = true;
      },
    };
    return log;
  }

  #readsFrom(from: LogPosition | undefined, position: LogPosition): boolean {
    if (from === undefined) return true;
    return this.#inclusive ? !isAfter(from, position) : isAfter(position, from);
  }

  /** A system event, as KurrentDB writes its statistics into `$all`. */
  writeSystemEvent(): void {
    this.#write('$stats-127.0.0.1:2113', [
      { id: randomUUID(), type: '$statsCollected', data: {}, metadata: {} },
    ]);
  }

  async #append(stream: string, records: LogRecordData[], state: StreamState) {
    this.calls.append += 1;
    await tick();
    const bytes = records.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
    if (bytes > KURRENT_MAX_APPEND_BYTES) {
      // As the client log answers the server's refusal.
      throw validationError('events', `must be at most ${KURRENT_MAX_APPEND_BYTES} bytes`);
    }
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length - 1;
    const ids = records.map((r) => r.id);
    const idempotent = this.#idempotent(existing, ids, state);
    if (idempotent !== undefined) return idempotent;
    const expected = state === 'no_stream' ? -1 : state === 'any' ? current : Number(state);
    if (expected !== current) return { ok: false, actual: current } as AppendOutcome;
    this.#write(stream, records);
    return { ok: true, nextRevision: current + records.length } as AppendOutcome;
  }

  /** KurrentDB's answer to ids already in the stream: success without a write. */
  #idempotent(existing: LogRecord[], ids: string[], state: StreamState) {
    if (state === 'any') {
      const recent = existing.slice(-100);
      const found = ids.map((id) => recent.find((r) => r.id === id));
      if (found.every((r) => r !== undefined)) {
        return { ok: true, nextRevision: found[found.length - 1]!.revision } as AppendOutcome;
      }
      return undefined;
    }
    const first = state === 'no_stream' ? 0 : Number(state) + 1;
    const atPlace = ids.every((id, index) => existing[first + index]?.id === id);
    if (first < existing.length && atPlace) {
      return { ok: true, nextRevision: first + ids.length - 1 } as AppendOutcome;
    }
    return undefined;
  }

  #write(stream: string, records: LogRecordData[]): void {
    const existing = this.streams.get(stream) ?? [];
    for (const record of records) {
      const position = { commit: this.#offset, prepare: this.#offset };
      this.#offset += BigInt(100 + JSON.stringify(record).length);
      const parsed = JSON.parse(JSON.stringify(record)) as LogRecordData;
      const stored: LogRecord = { ...parsed, stream, revision: existing.length, position };
      existing.push(stored);
      this.all.push(stored);
    }
    this.streams.set(stream, existing);
  }
}

for (const inclusive of [true, false]) {
  const server = new KurrentDouble({ inclusive });
  let stores = 0;
  let current: { prefix: string; store: EventStore } | undefined;
  const reads = inclusive ? 'including' : 'after';

  describeEventStoreConformance(`KurrentDB adapter (in-memory server, $all reads ${reads} from)`, {
    async open() {
      // A fresh prefix is a fresh store on the shared server; its neighbours stay invisible.
      const prefix = `conformance-${++stores}/`;
      server.writeSystemEvent();
      const store = createKurrentDbEventStore(server.logFor(prefix), {
        streamPrefix: prefix,
        pageSize: 4,
      });
      current = { prefix, store };
      return store;
    },
    async reopen() {
      const { prefix, store } = current!;
      await store.close();
      server.writeSystemEvent();
      current = {
        prefix,
        store: createKurrentDbEventStore(server.logFor(prefix), { streamPrefix: prefix }),
      };
      return current.store;
    },
  });
}

describe('the KurrentDB event store', () => {
  let double: KurrentDouble;
  let store: EventStore;

  const open = (prefix = 'p/') =>
    createKurrentDbEventStore(double.logFor(prefix), { streamPrefix: prefix, pageSize: 3 });

  beforeEach(() => {
    double = new KurrentDouble();
    store = open();
  });

  describe('naming streams', () => {
    it('stores a stream under the prefix and gives it back without it', async () => {
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      expect([...double.streams.keys()]).toEqual(['p/task-1']);
      expect((await store.readAll({ after: 0, limit: 5 }))[0]!.streamId).toBe('task-1');
    });

    it('refuses stream ids that would be KurrentDB system streams', async () => {
      await expect(
        store.appendToStream('$stats', [testEvent()], { expectedRevision: 'any' }),
      ).rejects.toThrow(/system streams/);
      await expect(store.readStream('$all')).rejects.toThrow(/system streams/);
      expect(double.calls.append).toBe(0);
    });

    it('refuses event ids KurrentDB would not give back as they were', async () => {
      const shouting = testEvent({ id: testEvent().id.toUpperCase() });
      await expect(
        store.appendToStream('task-1', [shouting], { expectedRevision: 'any' }),
      ).rejects.toThrow(/lowercase uuid/);
      expect(double.calls.append).toBe(0);
    });

    it('refuses a prefix that would make every stream a system stream', () => {
      expect(() => open('$p/')).toThrow(TypeError);
    });

    it('uses the streams as they are without a prefix', async () => {
      const plain = createKurrentDbEventStore(double.logFor(''));
      await plain.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      expect([...double.streams.keys()]).toEqual(['task-1']);
    });
  });

  describe('numbering the log', () => {
    it('leaves system events out of the positions', async () => {
      double.writeSystemEvent();
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      double.writeSystemEvent();
      double.writeSystemEvent();
      const result = await store.appendToStream('task-2', [testEvent(), testEvent()], {
        expectedRevision: 'no_stream',
      });
      expect(result.positions).toEqual([2, 3]);
      expect((await store.readAll({ after: 1, limit: 2 })).map((e) => e.position)).toEqual([2, 3]);
      expect(await store.lastPosition()).toBe(3);
    });

    it('gives every store on the log the same positions, however it came to read them', async () => {
      for (let n = 0; n < 10; n++) {
        await store.appendToStream(`task-${n % 3}`, [testEvent()], { expectedRevision: 'any' });
        double.writeSystemEvent();
      }
      const reader = open();
      const byStream = await reader.readStream('task-2');
      const fresh = open();
      const byPage = await fresh.readAll({ after: 0, limit: 100 });
      expect(byStream.map((e) => e.position)).toEqual([3, 6, 9]);
      expect(byPage.filter((e) => e.streamId === 'task-2')).toEqual(byStream);
      expect(await open().lastPosition()).toBe(10);
    });

    it('fills each page of the log even when system events sit between its events', async () => {
      for (let n = 0; n < 8; n++) {
        await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'any' });
        double.writeSystemEvent();
        double.writeSystemEvent();
      }
      const page = await open().readAll({ after: 2, limit: 4 });
      expect(page.map((e) => e.position)).toEqual([3, 4, 5, 6]);
    });

    it('returns nothing after the end of the log, and nothing for a limit of 0', async () => {
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'any' });
      expect(await store.readAll({ after: 5, limit: 10 })).toEqual([]);
      expect(await store.readAll({ after: 0, limit: 0 })).toEqual([]);
      await expect(store.readAll({ after: 0, limit: -1 })).rejects.toThrow(/limit/);
    });
  });

  describe('an append another instance already made', () => {
    it('is reported as a duplicate with the original positions', async () => {
      const other = open();
      await store.appendToStream('task-0', [testEvent()], { expectedRevision: 'no_stream' });
      const batch = [testEvent(), testEvent()];
      const original = await other.appendToStream('task-1', batch, {
        expectedRevision: 'no_stream',
      });

      const retry = await store.appendToStream('task-1', batch, { expectedRevision: 'no_stream' });

      expect(retry).toEqual({ ...original, duplicate: true });
      expect(double.streams.get('p/task-1')).toHaveLength(2);
    });

    it('wins over its racing twin once, the twin getting the same positions', async () => {
      const other = open();
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      const batch = [testEvent()];

      const [a, b] = await Promise.all([
        store.appendToStream('task-1', batch, { expectedRevision: 0 }),
        other.appendToStream('task-1', batch, { expectedRevision: 0 }),
      ]);

      expect(a.positions).toEqual([2]);
      expect(b.positions).toEqual([2]);
      expect(a.nextRevision).toBe(1);
      expect(b.nextRevision).toBe(1);
      expect([a.duplicate, b.duplicate].sort()).toEqual([false, true]);
      expect(double.streams.get('p/task-1')).toHaveLength(2);
    });

    it('is told apart from a write even when both twins run in one store', async () => {
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      const batch = [testEvent(), testEvent()];

      const results = await Promise.all([
        store.appendToStream('task-1', batch, { expectedRevision: 0 }),
        store.appendToStream('task-1', batch, { expectedRevision: 0 }),
        store.appendToStream('task-1', batch, { expectedRevision: 'any' }),
      ]);

      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true, true]);
      expect(results.every((r) => r.positions.join() === '2,3' && r.nextRevision === 2)).toBe(true);
      expect(double.streams.get('p/task-1')).toHaveLength(3);
    });

    it('still conflicts when different events took the revision', async () => {
      const other = open();
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      await other.appendToStream('task-1', [testEvent()], { expectedRevision: 0 });

      const error = await store
        .appendToStream('task-1', [testEvent()], { expectedRevision: 0 })
        .catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: 'task-1', expected: 0, actual: 1 });
    });
  });

  describe('reading', () => {
    it('reads the whole log once to build its index, then only what is new', async () => {
      for (let n = 0; n < 9; n++) {
        await store.appendToStream(`task-${n}`, [testEvent()], { expectedRevision: 'no_stream' });
      }
      const reader = open();
      const before = double.calls.readAll;
      expect(await reader.lastPosition()).toBe(9);
      const firstCatchUp = double.calls.readAll - before;
      await reader.lastPosition();
      expect(firstCatchUp).toBe(4);
      expect(double.calls.readAll - before - firstCatchUp).toBe(1);
    });

    it('refuses an event in its streams that it did not write', async () => {
      double.streams.set('p/task-x', []);
      const foreign: LogRecord = {
        id: randomUUID(),
        type: 'Anything',
        data: {},
        metadata: { by: 'another tool' },
        stream: 'p/task-x',
        revision: 0,
        position: { commit: 1n, prepare: 1n },
      };
      double.streams.get('p/task-x')!.push(foreign);
      double.all.push(foreign);
      await expect(store.readStream('task-x')).rejects.toThrow(/not written by this store/);
    });

    it('refuses a negative fromRevision', async () => {
      await expect(store.readStream('task-1', { fromRevision: -1 })).rejects.toThrow(
        /fromRevision/,
      );
    });
  });

  describe('the size of one append', () => {
    const sized = (bytes: number) => testEvent({ data: { note: 'x'.repeat(bytes) } });

    it("refuses an append over the server's MaxAppendSize before sending it, naming the limit", async () => {
      const refused = store.appendToStream('task-1', [sized(600_000), sized(600_000)], {
        expectedRevision: 'no_stream',
      });
      await expect(refused).rejects.toMatchObject({
        code: 'VALIDATION',
        details: { field: 'events' },
        message: expect.stringMatching(/at most 1048576 bytes.*MaxAppendSize/),
      });
      expect(double.calls.append).toBe(0);
      expect(double.streams.size).toBe(0);
    });

    it('takes an append within the limit, and a lower limit set for a server configured so', async () => {
      await store.appendToStream('task-1', [sized(600_000)], { expectedRevision: 'no_stream' });
      expect(double.streams.get('p/task-1')).toHaveLength(1);
      const lower = createKurrentDbEventStore(double.logFor('p/'), {
        streamPrefix: 'p/',
        maxAppendBytes: 1_000,
      });
      await expect(
        lower.appendToStream('task-2', [sized(2_000)], { expectedRevision: 'no_stream' }),
      ).rejects.toThrow(/at most 1000 bytes/);
    });
  });

  it('closes the log when closed', async () => {
    const log = double.logFor('q/');
    await createKurrentDbEventStore(log, { streamPrefix: 'q/' }).close();
    expect(log.closed).toBe(true);
  });
});
