import {
  explainClientError,
  normaliseConnectionString,
} from '../../infra/event-store/kurrentdb/client-log.ts';
import type { LogRecord } from '../../infra/event-store/kurrentdb/kurrent-log.ts';
import { LogIndex } from '../../infra/event-store/kurrentdb/log-index.ts';
import { comparePositions, isAfter } from '../../infra/event-store/kurrentdb/log-position.ts';
import {
  appendIdOf,
  assertEventId,
  toRecordData,
  toStoredEvent,
} from '../../infra/event-store/kurrentdb/records.ts';
import { actualRevisionOf, streamStateOf } from '../../infra/event-store/kurrentdb/revisions.ts';
import {
  assertPrefix,
  kurrentStreamName,
  ownStreamId,
} from '../../infra/event-store/kurrentdb/stream-names.ts';
import { testEvent } from '../conformance/event-store.conformance.ts';

const at = (commit: number, prepare = commit) => ({
  commit: BigInt(commit),
  prepare: BigInt(prepare),
});

describe("the port's expected revision in KurrentDB's terms", () => {
  it('keeps no_stream and any, and makes a revision a BigInt', () => {
    expect(streamStateOf('no_stream')).toBe('no_stream');
    expect(streamStateOf('any')).toBe('any');
    expect(streamStateOf(0)).toBe(0n);
    expect(streamStateOf(41)).toBe(41n);
  });
});

describe("the actual revision a KurrentDB conflict reports, in the port's terms", () => {
  it('is the revision for an existing stream', () => {
    expect(actualRevisionOf(0n)).toBe(0);
    expect(actualRevisionOf(12n)).toBe(12);
  });

  it('is -1 for a stream that does not exist, however KurrentDB says it', () => {
    expect(actualRevisionOf('no_stream')).toBe(-1);
    expect(actualRevisionOf(-1n)).toBe(-1);
    expect(actualRevisionOf(-5n)).toBe(-1);
    expect(actualRevisionOf(undefined)).toBe(-1);
  });
});

describe('log positions', () => {
  it('order by commit, then prepare', () => {
    expect(comparePositions(at(5), at(7))).toBeLessThan(0);
    expect(comparePositions(at(7), at(5))).toBeGreaterThan(0);
    expect(comparePositions(at(5, 1), at(5, 2))).toBeLessThan(0);
    expect(comparePositions(at(5, 2), at(5, 2))).toBe(0);
  });

  it('are all after the start of the log', () => {
    expect(isAfter(at(0), undefined)).toBe(true);
    expect(isAfter(at(9), at(9))).toBe(false);
    expect(isAfter(at(10), at(9))).toBe(true);
  });
});

describe('the log index', () => {
  const event = (n: number, commit: number, streamId = `task-${n % 2}`) => ({
    id: `event-${n}`,
    streamId,
    revision: n >> 1,
    position: at(commit),
  });

  /** An index of `count` events at log positions 100, 250, 400, … */
  function indexOf(count: number): LogIndex {
    const index = new LogIndex();
    for (let n = 1; n <= count; n++) index.record(n, event(n, -50 + 150 * n));
    return index;
  }

  it('numbers the events it is given 1, 2, 3, … whatever their log positions', () => {
    const index = indexOf(3);
    expect(index.count).toBe(3);
    expect(index.positionOf(1)).toEqual(at(100));
    expect(index.positionOf(3)).toEqual(at(400));
    expect(index.head).toEqual(at(400));
  });

  it('has no head while empty', () => {
    expect(new LogIndex().head).toBeUndefined();
    expect(new LogIndex().count).toBe(0);
  });

  it('finds the position of an event by its log position, and nothing between events', () => {
    const index = indexOf(50);
    for (const n of [1, 2, 25, 49, 50]) expect(index.ordinalAt(at(-50 + 150 * n))).toBe(n);
    expect(index.ordinalAt(at(101))).toBeUndefined();
    expect(index.ordinalAt(at(0))).toBeUndefined();
    expect(index.ordinalAt(at(1_000_000))).toBeUndefined();
    expect(new LogIndex().ordinalAt(at(100))).toBeUndefined();
  });

  it('finds where an event id is stored', () => {
    const index = indexOf(4);
    expect(index.placeOf('event-3')).toEqual({ streamId: 'task-1', revision: 1, position: 3 });
    expect(index.placeOf('event-4')).toEqual({ streamId: 'task-0', revision: 2, position: 4 });
    expect(index.placeOf('never')).toBeUndefined();
  });

  it('grows past its first capacity without losing anything', () => {
    const index = indexOf(5000);
    expect(index.count).toBe(5000);
    expect(index.positionOf(4321)).toEqual(at(-50 + 150 * 4321));
    expect(index.placeOf('event-4999')).toEqual({
      streamId: 'task-1',
      revision: 2499,
      position: 4999,
    });
    expect(index.ordinalAt(at(-50 + 150 * 1025))).toBe(1025);
  });

  it('accepts an event it already holds at the same place, and ignores one beyond its end', () => {
    const index = indexOf(3);
    index.record(2, event(2, 250));
    index.record(9, event(9, 5000));
    expect(index.count).toBe(3);
  });

  it('refuses an event at a place it holds with another log position', () => {
    const index = indexOf(3);
    expect(() => index.record(2, event(2, 260))).toThrow(/changed under the index/);
  });

  it('refuses a next event that does not come after its head', () => {
    const index = indexOf(3);
    expect(() => index.record(4, event(4, 400))).toThrow(/does not follow/);
    expect(() => index.record(4, event(4, 300))).toThrow(/does not follow/);
    expect(index.count).toBe(3);
  });

  it('refuses positions outside 1..count', () => {
    const index = indexOf(2);
    expect(() => index.positionOf(0)).toThrow(RangeError);
    expect(() => index.positionOf(3)).toThrow(RangeError);
  });
});

describe('stream names in KurrentDB', () => {
  it('carry the prefix', () => {
    expect(kurrentStreamName({ prefix: '' }, 'task-1')).toBe('task-1');
    expect(kurrentStreamName({ prefix: 'district-7/' }, 'task-1')).toBe('district-7/task-1');
  });

  it('refuse ids of system streams', () => {
    expect(() => kurrentStreamName({ prefix: 'p/' }, '$all')).toThrow(/system streams/);
  });

  it("tell the store's own streams from the rest of the log", () => {
    const plain = { prefix: '' };
    const tenant = { prefix: 'district-7/' };
    expect(ownStreamId(plain, 'task-1')).toBe('task-1');
    expect(ownStreamId(plain, '$stats-node')).toBeUndefined();
    expect(ownStreamId(plain, '$$task-1')).toBeUndefined();
    expect(ownStreamId(tenant, 'district-7/task-1')).toBe('task-1');
    expect(ownStreamId(tenant, 'district-8/task-1')).toBeUndefined();
    expect(ownStreamId(tenant, 'district-7/')).toBeUndefined();
    expect(ownStreamId(tenant, 'district-7/$x')).toBeUndefined();
  });

  it('refuse a prefix that would name system streams', () => {
    expect(() => assertPrefix('$tenant/')).toThrow(TypeError);
    expect(() => assertPrefix('tenant/')).not.toThrow();
    expect(() => assertPrefix('')).not.toThrow();
  });

  it('refuse a prefix not ended by one delimiter, so no prefix begins another', () => {
    expect(() => assertPrefix('district-1')).toThrow(/ended by one \//);
    expect(() => assertPrefix('city/district-1/')).toThrow(/no other \//);
    expect(() => assertPrefix('/')).toThrow(TypeError);
    // Delimited, the store of district-1/ never claims district-10/'s streams.
    expect(ownStreamId({ prefix: 'district-1/' }, 'district-10/task-1')).toBeUndefined();
    expect(ownStreamId({ prefix: 'district-1/' }, 'district-1/task-1')).toBe('task-1');
  });
});

describe('an event as a KurrentDB record', () => {
  it('keeps the id and type, and carries version, recorded-at, metadata and its append in its metadata', () => {
    const event = testEvent({ version: 3, recordedAt: '2025-03-01T08:30:00.000Z' });
    const record = toRecordData(event, 'append-1');
    expect(record).toMatchObject({ id: event.id, type: event.type, data: event.data });
    expect(record.metadata).toMatchObject({
      version: 3,
      recordedAt: '2025-03-01T08:30:00.000Z',
      metadata: event.metadata,
      appendId: 'append-1',
      $correlationId: event.metadata.correlationId,
      $causationId: event.metadata.causationId,
    });
  });

  it('reads back as the event appended, at the given place', () => {
    const event = testEvent({ data: { title: '督办', n: [1, null] } });
    const record: LogRecord = {
      ...toRecordData(event, 'append-1'),
      stream: 'p/task-1',
      revision: 4,
      position: at(999),
    };
    expect(toStoredEvent(record, 'task-1', 17)).toEqual({
      ...event,
      streamId: 'task-1',
      revision: 4,
      position: 17,
    });
    expect(appendIdOf(record)).toBe('append-1');
    expect(appendIdOf({ ...record, metadata: {} })).toBeUndefined();
  });

  it('is refused when another tool wrote it', () => {
    const record: LogRecord = {
      id: 'x',
      type: 'Other',
      data: {},
      metadata: { version: '1' },
      stream: 'task-1',
      revision: 0,
      position: undefined,
    };
    expect(() => toStoredEvent(record, 'task-1', 1)).toThrow(/not written by this store/);
  });
});

describe('a connection string', () => {
  it('keeps kurrentdb:// as it is and reads esdb:// as kurrentdb://', () => {
    expect(normaliseConnectionString('kurrentdb://h:2113?tls=false')).toBe(
      'kurrentdb://h:2113?tls=false',
    );
    expect(normaliseConnectionString('esdb://h:2113?tls=false')).toBe(
      'kurrentdb://h:2113?tls=false',
    );
    expect(normaliseConnectionString('esdb+discover://a,b,c')).toBe('kurrentdb+discover://a,b,c');
  });
});

describe('a KurrentDB client error met by a health check', () => {
  it('says what to look at when no node answers or access is denied', () => {
    const unavailable = Object.assign(new Error('UnavailableError'), { type: 'unavailable' });
    expect(explainClientError(unavailable).message).toMatch(/no KurrentDB node answers/);
    expect(explainClientError(unavailable).cause).toBe(unavailable);
    const denied = Object.assign(new Error('AccessDenied'), { type: 'access-denied' });
    expect(explainClientError(denied).message).toMatch(/credentials/);
  });

  it('is kept as it is otherwise', () => {
    const other = new Error('something else');
    expect(explainClientError(other)).toBe(other);
    expect(explainClientError('text').message).toBe('text');
  });
});

describe('an event id for KurrentDB', () => {
  it('is a lowercase uuid', () => {
    expect(() => assertEventId('0b6f4a52-8a0e-4c1b-9f3e-2d7c5a1e9b40')).not.toThrow();
  });

  it.each([
    '0B6F4A52-8A0E-4C1B-9F3E-2D7C5A1E9B40',
    'event-1',
    '',
    '0b6f4a528a0e4c1b9f3e2d7c5a1e9b40',
  ])('is refused as %j', (id) => {
    expect(() => assertEventId(id)).toThrow(/lowercase uuid/);
  });
});
