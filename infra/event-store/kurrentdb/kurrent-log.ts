import type { streamRead } from '../shared/batch.ts';
import type { LogPosition } from './log-position.ts';

/** What KurrentDB expects of a stream before an append (its `streamState`). */
export type StreamState = 'any' | 'no_stream' | bigint;

/** One event as written to KurrentDB: JSON data and a JSON metadata envelope. */
export interface LogRecordData {
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** One event as read back from KurrentDB. */
export interface LogRecord extends LogRecordData {
  /** Full KurrentDB stream name (with the store's prefix, if any). */
  stream: string;
  revision: number;
  /** Place in `$all`; stream reads carry it from KurrentDB 22.6 on. */
  position: LogPosition | undefined;
}

export type AppendOutcome =
  /**
   * Written, or taken by KurrentDB as a retry of events it holds (then nothing
   * was written and both numbers are the earlier append's). `position`: the
   * batch's last event's, when the server gave one.
   */
  | { ok: true; nextRevision: number; position: LogPosition | undefined }
  /** The stream was not where `streamState` said; -1 when it does not exist. */
  | { ok: false; actual: number };

/** One read of a stream, checked (see `streamRead`). */
export type StreamRead = ReturnType<typeof streamRead>;

/** Where a `$all` read starts: an event's position, or either end of the log. */
export type AllFrom = LogPosition | 'start' | 'end';

/** One read of `$all`. */
export interface AllRead {
  from: AllFrom;
  maxCount: number;
  backwards: boolean;
}

/** What a live subscription to `$all` reports (see `KurrentLog.subscribeAll`). */
export interface SubscriptionHandlers {
  record(record: LogRecord): void;
  checkpoint(position: LogPosition): void;
  dropped(error: unknown): void;
}

/** A live subscription to `$all`. */
export interface LogSubscription {
  stop(): void;
}

/**
 * A `$all` read asked to start inside a record rather than at one: KurrentDB
 * answers `InvalidPosition` (its reader finds no record there).
 */
export class InvalidLogPositionError extends Error {
  constructor(position: LogPosition, cause?: unknown) {
    super(`KurrentDB has no record at log position ${position.commit}`, { cause });
    this.name = 'InvalidLogPositionError';
  }
}

/**
 * The few KurrentDB calls the event store makes, in the adapter's own terms, so
 * that everything above them is plain logic (tested without a server) and the
 * client library is touched in one small file.
 */
export interface KurrentLog {
  /**
   * Appends; throws when the outcome is unknown (deadline, connection lost: the
   * events may or may not be written), or the stream is deleted.
   */
  append(stream: string, records: LogRecordData[], state: StreamState): Promise<AppendOutcome>;
  /**
   * The stream from `read.fromRevision` on (backwards: down, newest first; the
   * first or the last revision when null), at most `read.limit` records when
   * not null; empty when it does not exist or was deleted.
   */
  readStream(stream: string, read: StreamRead): Promise<LogRecord[]>;
  /**
   * Up to `maxCount` events of `$all`, restricted server-side to the store's
   * streams as far as its filter goes. Forwards from a position: the event there
   * is included. Backwards from a position: only events before it. Throws
   * `InvalidLogPositionError` for a position inside a record.
   */
  readAll(read: AllRead): Promise<LogRecord[]>;
  /**
   * Follows `$all` live from `from` (`'end'`: only what is appended from now on;
   * a position: what comes after it, then live; whether the event there comes
   * again is not relied on), with the store's server-side
   * filter. `seen.record` gets each record the filter lets through; `seen.checkpoint`
   * a position the server has read up to, every so many records filtered out;
   * `seen.dropped`, once, the end of the subscription other than by `stop`
   * (server gone, connection lost). Nothing is called after `stop`.
   */
  subscribeAll(from: LogPosition | 'end', seen: SubscriptionHandlers): LogSubscription;
  ping(): Promise<void>;
  close(): Promise<void>;
}
