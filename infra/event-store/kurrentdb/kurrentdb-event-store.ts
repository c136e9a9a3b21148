import { randomUUID } from 'node:crypto';
import { validationError } from '../../../contracts/errors.ts';
import {
  type AppendResult,
  type EventStore,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../port.ts';
import { assertAppendable, assertPage, streamRead } from '../shared/batch.ts';
import { AppendedWatch } from './appended-watch.ts';
import type { KurrentLog, LogRecordData } from './kurrent-log.ts';
import { LogPages } from './log-pages.ts';
import { PriorBatch } from './prior-batch.ts';
import {
  appendIdOf,
  assertEventId,
  positionOfRecord,
  toRecordData,
  toStoredEvent,
} from './records.ts';
import { streamStateOf } from './revisions.ts';
import { assertPrefix, kurrentStreamName, type StreamNaming } from './stream-names.ts';

export interface KurrentDbStoreOptions {
  /** Prepended to every stream name; '' (the default) uses the streams as they are. */
  streamPrefix?: string;
  /**
   * Bytes one append may carry (its events' data, metadata and types): the
   * server's `MaxAppendSize`, 1,048,576 unless its operator changed it. Larger
   * appends are refused here, naming the limit, instead of failing on the wire.
   */
  maxAppendBytes?: number;
  /** Events per `$all` or stream read when a read takes several (at least 2). */
  pageSize?: number;
  /**
   * Milliseconds before the live subscription behind `onAppended` is made again
   * after a drop (default 500), doubled at each failed attempt up to 30 s.
   */
  resubscribeMs?: number;
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
 * KurrentDB's own, and so are positions: an event's position is its commit
 * position in `$all` (equal to its prepare position for every event a gRPC append
 * writes; see `log-position.ts`), a byte offset into the log, strictly increasing
 * with gaps. No process reads or keeps the whole log: an append reads back the
 * revisions it wrote (their positions, and whether it wrote them), `readAll` reads
 * `$all` from the position it is given with the store's server-side filter, and
 * `lastPosition` reads `$all` backwards, one event as a rule. A position that is
 * not a safe integer (a log past 2^53 bytes, 8 PiB) is refused, never rounded.
 * The connection's user must be allowed to read `$all` (an admin, or an ACL
 * granting `$r` on `$all`).
 *
 * Retries (same ids): KurrentDB takes a batch appended again at the expected
 * revision it was first made at (or, with `any`, while its ids are recent) as done
 * without writing; the store reads the revisions it answers with, and every event
 * there carries the id of the append that wrote it, so a retry (or a racing twin)
 * gets the original result with `duplicate: true`, also after an append whose
 * outcome was unknown (it failed, e.g. on a deadline, after the write). When the
 * expected revision is now stale, the store looks where the batch would be (the
 * revisions after the expected one); with `any`, it reads the stream back first
 * (a stream's length, only for `any`, which the system's own appends never use).
 * Not done: an id already stored in another stream is not refused. KurrentDB knows
 * ids per stream only, and refusing it would take an index of every id of the log,
 * which this store was rid of; a retry at another expected revision than the one
 * it first used is not recognised either, and conflicts.
 *
 * Other processes' appends are heard live: `onAppended` keeps one filtered
 * `subscribeToAll` from the end of `$all` while it has listeners (see
 * `appended-watch.ts`); it wakes followers, who still read with `readAll`.
 *
 * Other writers: system events, streams under other prefixes and tombstones (a
 * deleted stream's `$streamDeleted` event in `$all`) are skipped; an event in the
 * store's streams that this store did not write is refused when read.
 *
 * One append carries at most `maxAppendBytes` (the server's `MaxAppendSize`).
 * Earlier versions numbered the log 1, 2, 3, … instead; the audit's leaf hashes
 * cover positions, so a log they wrote would not carry over (none was written: that
 * adapter never met a server). Verified against an in-memory stand-in modelled on
 * KurrentDB's source (`tests/support/kurrent-double.ts`) only; the container suite
 * runs it against a server wherever a container engine exists. Not verified there:
 * how the client reports `InvalidPosition` (`client-log.ts`).
 */
export function createKurrentDbEventStore(
  log: KurrentLog,
  options: KurrentDbStoreOptions = {},
): EventStore {
  const naming: StreamNaming = { prefix: options.streamPrefix ?? '' };
  assertPrefix(naming.prefix);
  const maxAppendBytes = options.maxAppendBytes ?? KURRENT_MAX_APPEND_BYTES;
  const pageSize = options.pageSize ?? 4096;
  const pages = new LogPages(log, naming, pageSize);
  const prior = new PriorBatch(log, pageSize);
  const retryMs = options.resubscribeMs ?? 500;
  const watch = new AppendedWatch(log, naming, { retryMs, maxRetryMs: Math.max(retryMs, 30_000) });

  /**
   * What an append KurrentDB answered with success did: the revisions up to
   * `nextRevision` hold the batch, written by this append or by an earlier one.
   */
  const appended = async (
    stream: string,
    streamId: string,
    events: NewEvent[],
    nextRevision: number,
    appendId: string,
  ): Promise<AppendResult> => {
    const fromRevision = nextRevision - events.length + 1;
    const read = { fromRevision, limit: events.length, backwards: false };
    const records = await log.readStream(stream, read);
    if (records.map((record) => record.id).join() !== events.map((event) => event.id).join()) {
      throw new Error(
        `stream ${streamId}: KurrentDB took the append up to revision ${nextRevision}, but the batch is not there`,
      );
    }
    const positions = records.map(positionOfRecord);
    return { nextRevision, positions, duplicate: appendIdOf(records[0]!) !== appendId };
  };

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      assertAppendable(streamId, events, expectedRevision);
      for (const event of events) assertEventId(event.id);
      const stream = kurrentStreamName(naming, streamId);
      const appendId = randomUUID();
      const records = events.map((event) => toRecordData(event, appendId));
      assertAppendSize(records, maxAppendBytes);
      if (expectedRevision === 'any') {
        const earlier = await prior.anywhere(stream, streamId, events);
        if (earlier !== undefined) return earlier;
      }
      const outcome = await log.append(stream, records, streamStateOf(expectedRevision));
      if (outcome.ok) {
        return appended(stream, streamId, events, outcome.nextRevision, appendId);
      }
      if (expectedRevision !== 'any') {
        // A retry whose first attempt was stored before the stream moved on.
        const earlier = await prior.at(stream, streamId, events, expectedRevision);
        if (earlier !== undefined) return earlier;
      }
      throw new WrongExpectedRevisionError(streamId, expectedRevision, outcome.actual);
    },

    async readStream(streamId, readOptions) {
      const read = streamRead(readOptions);
      const records = await log.readStream(kurrentStreamName(naming, streamId), read);
      return records.map((record) => toStoredEvent(record, streamId));
    },

    async readAll({ after, limit }) {
      assertPage(after, limit);
      return limit === 0 ? [] : pages.after(after, limit);
    },

    lastPosition: () => pages.last(),
    onAppended: (listener) => watch.listen(listener),
    ping: () => log.ping(),
    close: () => {
      watch.close();
      return log.close();
    },
  };
}
