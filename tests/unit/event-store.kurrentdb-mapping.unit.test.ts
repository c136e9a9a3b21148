import { EventEmitter } from 'node:events';
import {
  END,
  type KurrentDBClient,
  type SubscribeToAllOptions,
  streamNameFilter,
} from '@kurrent/kurrentdb-client';
import {
  explainClientError,
  normaliseConnectionString,
  SUBSCRIPTION_CHECKPOINT_INTERVAL,
  subscribeAll,
} from '../../infra/event-store/kurrentdb/client-log.ts';
import type { LogRecord } from '../../infra/event-store/kurrentdb/kurrent-log.ts';
import { logPositionOf, portPosition } from '../../infra/event-store/kurrentdb/log-position.ts';
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
  streamFilterRegex,
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

describe("an event's position in the port", () => {
  it('is its commit position, equal to its prepare position', () => {
    expect(portPosition(at(4096), 'event')).toBe(4096);
    expect(logPositionOf(4096)).toEqual(at(4096));
  });

  it('is refused when commit and prepare differ (an explicit transaction, never written here)', () => {
    expect(() => portPosition(at(5000, 4200), 'event e')).toThrow(/event e.*explicit transaction/);
  });

  it('is refused rather than rounded past 2^53, and at 0', () => {
    const max = BigInt(Number.MAX_SAFE_INTEGER);
    expect(portPosition({ commit: max, prepare: max }, 'event')).toBe(Number.MAX_SAFE_INTEGER);
    const beyond = { commit: max + 2n, prepare: max + 2n };
    expect(() => portPosition(beyond, 'event e')).toThrow(RangeError);
    expect(() => portPosition(beyond, 'event e')).toThrow(/9007199254740993.*2\^53/);
    expect(() => portPosition(at(0), 'event e')).toThrow(RangeError);
  });
});

describe("a store's server-side $all filter", () => {
  it('is every non-system stream without a prefix', () => {
    expect(streamFilterRegex({ prefix: '' })).toBe('^[^$]');
  });

  it('is the prefix, its regular-expression characters escaped', () => {
    const regex = streamFilterRegex({ prefix: 'a.b+(c) 7/' });
    expect(regex).toBe('^a\\.b\\+\\(c\\)\\ 7/');
    const filter = new RegExp(regex);
    expect(filter.test('a.b+(c) 7/task-1')).toBe(true);
    expect(filter.test('axb+(c) 7/task-1')).toBe(false);
    expect(filter.test('$$a.b+(c) 7/task-1')).toBe(false);
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

  it('reads back as the event appended, at its place in the stream and in $all', () => {
    const event = testEvent({ data: { title: '督办', n: [1, null] } });
    const record: LogRecord = {
      ...toRecordData(event, 'append-1'),
      stream: 'p/task-1',
      revision: 4,
      position: at(999),
    };
    expect(toStoredEvent(record, 'task-1')).toEqual({
      ...event,
      streamId: 'task-1',
      revision: 4,
      position: 999,
    });
    expect(() => toStoredEvent({ ...record, position: undefined }, 'task-1')).toThrow(/22\.6/);
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
    expect(() => toStoredEvent(record, 'task-1')).toThrow(/not written by this store/);
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

describe("the client's subscription to $all", () => {
  /** A client whose `subscribeToAll` hands back an emitter, keeping the options it got. */
  const fakeClient = () => {
    const subscription = Object.assign(new EventEmitter(), {
      unsubscribe: jest.fn(async () => undefined),
    });
    const subscribeToAll = jest.fn((_options: SubscribeToAllOptions) => subscription);
    const client = { subscribeToAll } as unknown as Pick<KurrentDBClient, 'subscribeToAll'>;
    return { client, subscription, subscribeToAll };
  };
  const handlers = () => ({ record: jest.fn(), checkpoint: jest.fn(), dropped: jest.fn() });
  const resolved = (stream: string, commit: number) => ({
    event: {
      id: 'e',
      type: 'T',
      streamId: stream,
      revision: 0n,
      data: {},
      metadata: {},
      position: at(commit),
    },
  });

  it("starts at the end of $all with the store's filter and a checkpoint interval", () => {
    const { client, subscribeToAll } = fakeClient();
    subscribeAll(client, '^p/', 'end', handlers());
    const options = subscribeToAll.mock.calls[0]![0];
    expect(options.fromPosition).toBe(END);
    expect(options.filter).toMatchObject({
      regex: '^p/',
      checkpointInterval: SUBSCRIPTION_CHECKPOINT_INTERVAL,
    });
    expect(options.filter?.filterOn).toBe(streamNameFilter({ regex: 'x' }).filterOn);
  });

  it('resumes from a position it is given', () => {
    const { client, subscribeToAll } = fakeClient();
    subscribeAll(client, '^p/', at(4096), handlers());
    expect(subscribeToAll.mock.calls[0]![0].fromPosition).toEqual(at(4096));
  });

  it('reports events and checkpoints, then one drop, and nothing after it', async () => {
    const { client, subscription, subscribeToAll } = fakeClient();
    const seen = handlers();
    subscribeAll(client, '^p/', 'end', seen);
    subscription.emit('data', resolved('p/task-1', 300));
    const checkpointReached = subscribeToAll.mock.calls[0]![0].filter!.checkpointReached!;
    await checkpointReached(subscription as never, at(900));
    expect(seen.record).toHaveBeenCalledWith(
      expect.objectContaining({ stream: 'p/task-1', position: at(300) }),
    );
    expect(seen.checkpoint).toHaveBeenCalledWith(at(900));
    const lost = new Error('connection lost');
    subscription.emit('error', lost);
    subscription.emit('end');
    subscription.emit('close');
    subscription.emit('data', resolved('p/task-1', 400));
    expect(seen.dropped.mock.calls).toEqual([[lost]]);
    expect(seen.record).toHaveBeenCalledTimes(1);
    expect(subscription.unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('is dropped when the server ends it, and not when stopped', () => {
    const ended = fakeClient();
    const seen = handlers();
    subscribeAll(ended.client, '^p/', 'end', seen);
    ended.subscription.emit('end');
    expect(seen.dropped).toHaveBeenCalledTimes(1);

    const stopped = fakeClient();
    const quiet = handlers();
    subscribeAll(stopped.client, '^p/', 'end', quiet).stop();
    stopped.subscription.emit('close');
    stopped.subscription.emit('data', resolved('p/task-1', 300));
    expect(stopped.subscription.unsubscribe).toHaveBeenCalledTimes(1);
    expect([...quiet.dropped.mock.calls, ...quiet.record.mock.calls]).toEqual([]);
  });
});
