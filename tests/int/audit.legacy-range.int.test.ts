import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { legacyEnd } from '../../services/audit/legacy-range.ts';
import { createWriteCheck } from '../../services/audit/write-check.ts';
import { sparseEventStore } from '../support/sparse-event-store.ts';

/*
 * A log started before writes were authenticated: its first events carry no
 * write MAC. Where they end is read once, for the first head that says it; from
 * then on that signed figure, not the rows, decides which events may lack one.
 */

const actor = { id: 'office', role: 'office' as const };
const eventOf = (writer?: { keyId: string; mac: string }): NewEvent => ({
  id: randomUUID(),
  type: 'UnitRegistered',
  version: 1,
  data: { unitId: randomUUID() },
  metadata: {
    actor,
    correlationId: 'c',
    causationId: 'c',
    idempotencyKey: randomUUID(),
    recordedAt: '2021-03-01T00:00:00.000Z',
    ...(writer ? { writer } : {}),
  },
  recordedAt: '2021-03-01T00:00:00.000Z',
});
const written = { keyId: '0123456789abcdef', mac: 'x'.repeat(43) };

/** Three legacy events, one with a MAC, one without: the legacy range is the first three. */
const expectLegacyEnds = async (store: EventStore) => {
  for (let i = 0; i < 3; i++) {
    await store.appendToStream(`unit-${i}`, [eventOf()], { expectedRevision: 'no_stream' });
  }
  expect(await legacyEnd(store, 3)).toBe(3);
  await store.appendToStream('unit-w', [eventOf(written)], { expectedRevision: 'no_stream' });
  await store.appendToStream('unit-x', [eventOf()], { expectedRevision: 'no_stream' });
  expect(await legacyEnd(store, 5)).toBe(3);
  expect(await legacyEnd(store, 2)).toBe(2);
  await store.close();
};

describe('the legacy events at the start of a log', () => {
  it('end before its first event with a write MAC, or at the size asked when none has one', async () => {
    await expectLegacyEnds(openSqliteEventStore({ path: ':memory:' }));
  });

  it('pass the write check up to where the heads say they end, and no further', async () => {
    const store = openSqliteEventStore({ path: ':memory:' });
    for (let i = 0; i < 4; i++) {
      await store.appendToStream(`unit-${i}`, [eventOf()], { expectedRevision: 'no_stream' });
    }
    const events = await store.readAll({ after: 0, limit: 10 });
    const check = createWriteCheck(new Map(), false, 2);
    expect(events.map((event) => check(event)?.position ?? null)).toEqual([null, null, 3, 4]);
    // Without the heads' word, the rows' own order decides: no authenticated event yet, all pass.
    const inferred = createWriteCheck(new Map(), false);
    expect(events.map((event) => inferred(event))).toEqual([null, null, null, null]);
    await store.close();
  });
});

describe('the legacy events at the start of a log whose positions have gaps', () => {
  const openSparse = () => sparseEventStore(openSqliteEventStore({ path: ':memory:' }));

  it('end after as many events as were written without a MAC, whatever their positions', async () => {
    await expectLegacyEnds(openSparse());
  });

  it('pass the write check up to the leaf the heads say, by each event’s leaf', async () => {
    const store = openSparse();
    for (let i = 0; i < 4; i++) {
      await store.appendToStream(`unit-${i}`, [eventOf()], { expectedRevision: 'no_stream' });
    }
    const events = await store.readAll({ after: 0, limit: 10 });
    const leaves = new Map(events.map((event, index) => [event.position, index + 1]));
    const check = createWriteCheck(new Map(), false, 2, (position) => leaves.get(position) ?? null);
    expect(events.map((event) => check(event)?.position ?? null)).toEqual([
      null,
      null,
      events[2]!.position,
      events[3]!.position,
    ]);
    await store.close();
  });
});
