import { randomUUID } from 'node:crypto';
import { validationError } from '../../../contracts/errors.ts';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../port.ts';
import { assertAppendable, assertPage, streamRead } from '../shared/batch.ts';
import { priorAppendResult } from '../shared/prior-append.ts';
import type { KurrentLog, LogRecordData } from './kurrent-log.ts';
import { LogFollower, type LogFollowerOptions } from './log-follower.ts';
import { assertEventId, toRecordData, toStoredEvent } from './records.ts';
import { streamStateOf } from './revisions.ts';
import { assertPrefix, kurrentStreamName, type StreamNaming } from './stream-names.ts';

export interface KurrentDbStoreOptions extends LogFollowerOptions {
  /** Prepended to every stream name; '' (the default) uses the streams as they are. */
  streamPrefix?: string;
  /**
   * Bytes one append may carry (its events' data, metadata and types): the
   * server's `MaxAppendSize`, 1,048,576 unless its operator changed it. Larger
   * appends are refused here, naming the limit, instead of failing on the wire.
   */
  maxAppendBytes?: number;
}

/** KurrentDB's default `MaxAppendSize`: 1 MiB per append request. */
export const KURRENT_MAX_APPEND_BYTES = 1_048_576;

const recordBytes = (record: LogRecordData): number =>
  Buffer.byteLength(record.type) +
  Buffer.byteLength(JSON.stringify(record.data)) +
  Buffer.byteLength(JSON.stringify(record.metadata));

/** Refuses an append larger than the server takes (VALIDATION on `events`, naming the limit). */
const assertAppendSize = (records: readonly LogRecordData[], maxBytes: number): void => {
  const bytes = records.reduce((sum, record) => sum + recordBytes(record), 0);
  if (bytes > maxBytes) {
    throw validationError(
      'events',
      `must be at most ${maxBytes} bytes in one append (KurrentDB's MaxAppendSize); these are ${bytes}`,
    );
  }
};

/**
 * The event store over KurrentDB (EventStoreDB ≥ 22.6). Streams and revisions are
 * KurrentDB's own. Positions: `$all` orders every event but numbers them by byte
 * offset, with gaps, while the port promises 1, 2, 3, …; rather than serialise
 * every append through a counter of our own, the position of an event is its
 * ordinal in `$all` counting only the store's streams (no system events). `$all`
 * never reorders and no code path deletes an event, so every process computes the
 * same numbers; each keeps them in a `LogIndex`, built by reading `$all` on first
 * use (about 110 bytes an event, id included) and extended as it reads on. That holds
 * while nothing else writes or scavenges the store's streams: give the store its
 * own database, or its own `streamPrefix`.
 *
 * Ids: KurrentDB takes a retried append (same ids) as done only at the expected
 * revision it was first made at, or, with `any`, while the ids are in a recent
 * window, and it knows nothing of ids across streams. The index knows every id of
 * the log, so a retry gets the original result whatever it expects, and an id
 * stored in another stream is refused, as the port requires.
 */
export function createKurrentDbEventStore(
  log: KurrentLog,
  options: KurrentDbStoreOptions = {},
): EventStore {
  const naming: StreamNaming = { prefix: options.streamPrefix ?? '' };
  assertPrefix(naming.prefix);
  const maxAppendBytes = options.maxAppendBytes ?? KURRENT_MAX_APPEND_BYTES;
  const follower = new LogFollower(log, naming, options);

  /** An earlier append of exactly this batch, as the index knows it now. */
  const prior = (streamId: string, events: NewEvent[]): AppendResult | undefined =>
    priorAppendResult(streamId, events, follower.placesOf(events.map((event) => event.id)));

  const conflict = async (
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    actual: number,
  ): Promise<AppendResult> => {
    // The same batch may have won the race (a concurrent retry): that is success.
    await follower.catchUp();
    const won = prior(streamId, events);
    if (won !== undefined) return won;
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  };

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      assertAppendable(streamId, events, expectedRevision);
      for (const event of events) assertEventId(event.id);
      const stream = kurrentStreamName(naming, streamId);
      const appendId = randomUUID();
      const records = events.map((event) => toRecordData(event, appendId));
      assertAppendSize(records, maxAppendBytes);
      await follower.catchUp();
      const earlier = prior(streamId, events);
      if (earlier !== undefined) return earlier;
      const ids = events.map((event) => event.id);
      follower.watch(ids);
      try {
        const outcome = await log.append(stream, records, streamStateOf(expectedRevision));
        if (!outcome.ok) return await conflict(streamId, events, expectedRevision, outcome.actual);
        const positions = await follower.positionsOf(ids);
        // KurrentDB accepts a retry of events it holds without writing: a twin of
        // this append (another process) may have stored them since the check above.
        const duplicate = follower.writerOf(ids[0]!) !== appendId;
        return { nextRevision: outcome.nextRevision, positions, duplicate };
      } finally {
        follower.unwatch(ids);
      }
    },

    async readStream(streamId, readOptions) {
      const read = streamRead(readOptions);
      const records = await log.readStream(kurrentStreamName(naming, streamId), read);
      const stored = [];
      for (const record of records) {
        const position = await follower.positionOfRecord(record);
        stored.push(toStoredEvent(record, streamId, position));
      }
      return stored;
    },

    async readAll({ after, limit }) {
      assertPage(after, limit);
      const page = await follower.readPage(after, limit);
      return page.map(({ record, streamId, position }) =>
        toStoredEvent(record, streamId, position),
      );
    },

    async lastPosition() {
      await follower.catchUp();
      return follower.index.count;
    },

    ping: () => log.ping(),
    close: () => log.close(),
  };
}
