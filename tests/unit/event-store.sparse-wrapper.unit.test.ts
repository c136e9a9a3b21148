import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { testEvent } from '../conformance/event-store.conformance.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';

const openSparse = () => sparseEventStore(openSqliteEventStore({ path: ':memory:' }));

/** Appends `count` events, one stream each, and the positions the appends answered. */
const fill = async (store: ReturnType<typeof openSparse>, count: number) => {
  const positions: number[] = [];
  for (let k = 0; k < count; k++) {
    const result = await store.appendToStream(`task-${k}`, [testEvent()], {
      expectedRevision: 'no_stream',
    });
    positions.push(...result.positions);
  }
  return positions;
};

describe('the sparse event store of the tests', () => {
  it('answers appends with positions strictly increasing, with gaps, none at 1', async () => {
    const store = openSparse();
    const positions = await fill(store, 20);
    expect(positions[0]).toBeGreaterThan(1);
    for (let k = 1; k < positions.length; k++) {
      expect(positions[k]! - positions[k - 1]!).toBeGreaterThan(1);
    }
    expect(new Set(positions.slice(1).map((p, k) => p - positions[k]!)).size).toBeGreaterThan(1);
    await store.close();
  });

  it('reads the log with the positions the appends answered, page after page', async () => {
    const store = openSparse();
    const positions = await fill(store, 12);
    const read: number[] = [];
    // Bounded: a wrapper that reads the same page again would loop for ever.
    for (let after = 0, pages = 0; pages < 10; pages++) {
      const page = await store.readAll({ after, limit: 5 });
      if (page.length === 0) break;
      read.push(...page.map((event) => event.position));
      after = page.at(-1)!.position;
    }
    expect(read).toEqual(positions);
    expect(await store.lastPosition()).toBe(positions.at(-1));
    const [streamEvent] = await store.readStream('task-3');
    expect(streamEvent?.position).toBe(positions[3]);
    await store.close();
  });

  it('reads after any number from the first position beyond it', async () => {
    const store = openSparse();
    const positions = await fill(store, 6);
    const firstAfter = async (after: number) =>
      (await store.readAll({ after, limit: 1 }))[0]?.position;
    expect(await firstAfter(positions[2]! - 1)).toBe(positions[2]);
    expect(await firstAfter(positions[2]!)).toBe(positions[3]);
    expect(await firstAfter(positions[2]! + 1)).toBe(positions[3]);
    expect(await firstAfter(1)).toBe(positions[0]);
    expect(await firstAfter(positions.at(-1)!)).toBeUndefined();
    await store.close();
  });

  it('says 0 as the last position of an empty store, and repeats a duplicate append', async () => {
    const store = openSparse();
    expect(await store.lastPosition()).toBe(0);
    const event = testEvent();
    const first = await store.appendToStream('task-a', [event], { expectedRevision: 'no_stream' });
    const again = await store.appendToStream('task-a', [event], { expectedRevision: 'any' });
    expect(again).toEqual({ ...first, duplicate: true });
    await store.close();
  });
});
