import { randomUUID } from 'node:crypto';
import { createKurrentDbEventStore } from '../../infra/event-store/kurrentdb/kurrentdb-event-store.ts';
import { toRecordData } from '../../infra/event-store/kurrentdb/records.ts';
import { type EventStore, WrongExpectedRevisionError } from '../../infra/event-store/port.ts';
import {
  describeEventStoreConformance,
  testEvent,
} from '../conformance/event-store.conformance.ts';
import { KurrentDouble } from '../support/kurrent-double.ts';

for (const leakyFilter of [false, true]) {
  const server = new KurrentDouble({ leakyFilter });
  let stores = 0;
  let current: { prefix: string; store: EventStore } | undefined;
  const filter = leakyFilter ? 'a filter letting everything through' : 'its prefix filter';
  /** Other writers between the store's events: a system event and a neighbour's. */
  const neighbours = () => {
    server.writeSystemEvent();
    server.writeForeign('neighbour/task-1', { hidePosition: true });
  };

  describeEventStoreConformance(`KurrentDB adapter (in-memory server, ${filter})`, {
    capabilities: { densePositions: false, refusesIdsOfOtherStreams: false },
    async open() {
      // A fresh prefix is a fresh store on the shared server; its neighbours stay invisible.
      const prefix = `conformance-${++stores}/`;
      neighbours();
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
      neighbours();
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
  /** Where the double holds each event of a stream, by id. */
  const positionsIn = (stream: string) =>
    new Map((double.streams.get(stream) ?? []).map((r) => [r.id, Number(r.position.commit)]));

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

  describe('positions', () => {
    it("are KurrentDB's own, one for each event of a multi-event append", async () => {
      const batch = [testEvent(), testEvent(), testEvent()];

      const result = await store.appendToStream('task-1', batch, { expectedRevision: 'no_stream' });

      const held = positionsIn('p/task-1');
      expect(result.positions).toEqual(batch.map((e) => held.get(e.id)));
      const [a, b, c] = result.positions as [number, number, number];
      expect(b - a).toBeGreaterThan(1);
      expect(c - b).toBeGreaterThan(1);
    });

    it('are the same from the append, the stream and $all, and never counted', async () => {
      double.writeSystemEvent();
      const first = await store.appendToStream('task-1', [testEvent(), testEvent()], {
        expectedRevision: 'no_stream',
      });
      double.writeForeign('q/task-1');
      const second = await store.appendToStream('task-2', [testEvent()], {
        expectedRevision: 'no_stream',
      });

      const appended = [...first.positions, ...second.positions];
      const fresh = open();
      expect((await fresh.readAll({ after: 0, limit: 10 })).map((e) => e.position)).toEqual(
        appended,
      );
      expect((await fresh.readStream('task-1')).map((e) => e.position)).toEqual(first.positions);
      expect(await fresh.lastPosition()).toBe(appended[2]);
      const afterFirst = await fresh.readAll({ after: appended[0]!, limit: 1 });
      expect(afterFirst.map((e) => e.position)).toEqual([appended[1]]);
    });

    it('are refused, not rounded, once the log is past 2^53 bytes', async () => {
      double = new KurrentDouble({ startAt: BigInt(Number.MAX_SAFE_INTEGER) - 1_000n });
      store = open();
      const below = await store.appendToStream('task-1', [testEvent()], {
        expectedRevision: 'no_stream',
      });
      expect(Number.isSafeInteger(below.positions[0])).toBe(true);

      await expect(
        store.appendToStream('task-1', [testEvent(), testEvent(), testEvent()], {
          expectedRevision: 0,
        }),
      ).rejects.toThrow(/2\^53/);
      await expect(store.readAll({ after: below.positions[0]!, limit: 5 })).rejects.toThrow(
        RangeError,
      );
      await expect(store.lastPosition()).rejects.toThrow(/beyond what a position/);
    });

    it('refuses to read from inside a record, naming what it can read from', async () => {
      const { positions } = await store.appendToStream('task-1', [testEvent(), testEvent()], {
        expectedRevision: 'no_stream',
      });
      await expect(store.readAll({ after: positions[1]! - 7, limit: 1 })).rejects.toThrow(
        /an event's position/,
      );
    });
  });

  describe('no whole-log read', () => {
    it('appends and reads on a log of 100,000 events with a few small reads', async () => {
      for (let n = 0; n < 100_000; n++) {
        const event = toRecordData(testEvent(), randomUUID());
        double.write(`p/bulk-${n % 1000}`, [event]);
      }
      const fresh = open();
      const before = { ...double.calls };

      const result = await fresh.appendToStream('task-1', [testEvent(), testEvent()], {
        expectedRevision: 'no_stream',
      });
      const last = await fresh.lastPosition();
      const tail = await fresh.readAll({ after: result.positions[0]!, limit: 10 });

      expect(last).toBe(result.positions[1]);
      expect(tail.map((e) => e.position)).toEqual([result.positions[1]]);
      expect(double.calls.readAll - before.readAll).toBe(2);
      expect(double.calls.readStream - before.readStream).toBe(1);
      expect(double.calls.recordsRead - before.recordsRead).toBeLessThanOrEqual(5);
    });
  });

  describe('an append whose outcome was unknown', () => {
    it('returns the original result when retried, not a second copy', async () => {
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      const batch = [testEvent(), testEvent()];
      double.failNextAppendAfterWrite();

      await expect(store.appendToStream('task-1', batch, { expectedRevision: 0 })).rejects.toThrow(
        /deadline/,
      );
      const retry = await store.appendToStream('task-1', batch, { expectedRevision: 0 });

      const held = positionsIn('p/task-1');
      expect(retry).toEqual({
        nextRevision: 2,
        positions: batch.map((e) => held.get(e.id)),
        duplicate: true,
      });
      expect(double.streams.get('p/task-1')).toHaveLength(3);
    });

    it('is found with any expected, long after KurrentDB forgot its ids', async () => {
      const batch = [testEvent(), testEvent()];
      double.failNextAppendAfterWrite();
      await expect(
        store.appendToStream('task-1', batch, { expectedRevision: 'any' }),
      ).rejects.toThrow(/deadline/);
      for (let n = 0; n < 15; n++) {
        const ten = Array.from({ length: 10 }, () => testEvent());
        await store.appendToStream('task-1', ten, { expectedRevision: 'any' });
      }

      const retry = await store.appendToStream('task-1', batch, { expectedRevision: 'any' });

      expect(retry).toMatchObject({ nextRevision: 1, duplicate: true });
      expect(retry.positions).toEqual(batch.map((e) => positionsIn('p/task-1').get(e.id)));
      expect(double.streams.get('p/task-1')).toHaveLength(152);
    });

    it('is refused when only part of the batch is where a retry would find it', async () => {
      const stored = testEvent();
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      await store.appendToStream('task-1', [stored], { expectedRevision: 0 });

      await expect(
        store.appendToStream('task-1', [stored, testEvent()], { expectedRevision: 0 }),
      ).rejects.toThrow(/1 of the batch's 2 event ids are already stored/);
      expect(double.streams.get('p/task-1')).toHaveLength(2);
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

      expect(a.positions).toEqual([positionsIn('p/task-1').get(batch[0]!.id)]);
      expect(b.positions).toEqual(a.positions);
      expect([a.nextRevision, b.nextRevision]).toEqual([1, 1]);
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

      const held = positionsIn('p/task-1');
      const positions = batch.map((e) => held.get(e.id));
      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true, true]);
      expect(results.every((r) => r.nextRevision === 2)).toBe(true);
      expect(results.map((r) => r.positions)).toEqual([positions, positions, positions]);
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

  describe('other writers in $all', () => {
    it('are skipped, whatever the server filter lets through, at every page size', async () => {
      double = new KurrentDouble({ leakyFilter: true });
      store = open();
      const ids: string[] = [];
      for (let n = 0; n < 7; n++) {
        const event = testEvent();
        ids.push(event.id);
        await store.appendToStream(`task-${n % 2}`, [event], { expectedRevision: 'any' });
        double.writeSystemEvent();
        double.writeForeign('q/task-1', { hidePosition: n % 2 === 0 });
        double.writeForeign('p-other/task-1');
      }
      const read: string[] = [];
      for (let after = 0; ; ) {
        const page = await store.readAll({ after, limit: 2 });
        if (page.length === 0) break;
        read.push(...page.map((e) => e.id));
        after = page[page.length - 1]!.position;
      }
      expect(read).toEqual(ids);
      expect(await store.lastPosition()).toBe(
        Number(double.streams.get('p/task-0')![3]!.position.commit),
      );
    });

    it('may tombstone a stream of the store: $all reads past it, the stream reads empty', async () => {
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      await store.appendToStream('task-2', [testEvent()], { expectedRevision: 'no_stream' });
      double.tombstone('p/task-2');
      expect(double.all[double.all.length - 1]).toMatchObject({
        stream: 'p/task-2',
        type: '$streamDeleted',
      });
      const [, second] = await store.readAll({ after: 0, limit: 5 });

      expect(await store.lastPosition()).toBe(second!.position);
      const third = await store.appendToStream('task-3', [testEvent()], {
        expectedRevision: 'no_stream',
      });
      const all = await store.readAll({ after: second!.position, limit: 5 });
      expect(all.map((e) => e.position)).toEqual(third.positions);
      expect(await store.readStream('task-2')).toEqual([]);
      await expect(
        store.appendToStream('task-2', [testEvent()], { expectedRevision: 'any' }),
      ).rejects.toThrow(/deleted/);
    });

    it('may soft-delete a stream of the store: its $$ metadata is skipped, the stream goes on', async () => {
      double = new KurrentDouble({ leakyFilter: true });
      store = createKurrentDbEventStore(double.logFor(''), { pageSize: 3 });
      await store.appendToStream('task-1', [testEvent()], { expectedRevision: 'no_stream' });
      double.softDelete('task-1');
      expect(await store.readStream('task-1')).toEqual([]);

      const again = await store.appendToStream('task-1', [testEvent()], {
        expectedRevision: 'any',
      });

      expect(again.nextRevision).toBe(1);
      expect((await store.readStream('task-1')).map((e) => e.revision)).toEqual([1]);
      expect((await store.readAll({ after: 0, limit: 5 })).map((e) => e.revision)).toEqual([0, 1]);
      expect(await store.lastPosition()).toBe(again.positions[0]);
    });

    it('may not write into the streams of the store', async () => {
      const foreign = { id: randomUUID(), type: 'Anything', data: {}, metadata: { by: 'a tool' } };
      double.write('p/task-x', [foreign]);
      await expect(store.readStream('task-x')).rejects.toThrow(/not written by this store/);
      await expect(store.readAll({ after: 0, limit: 1 })).rejects.toThrow(/not written/);
    });
  });

  it('refuses a negative fromRevision, and a negative limit of the log', async () => {
    await expect(store.readStream('task-1', { fromRevision: -1 })).rejects.toThrow(/fromRevision/);
    await expect(store.readAll({ after: 0, limit: -1 })).rejects.toThrow(/limit/);
    expect(await store.readAll({ after: 0, limit: 0 })).toEqual([]);
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
