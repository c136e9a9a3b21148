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
  | { ok: true; nextRevision: number }
  /** The stream was not where `streamState` said; -1 when it does not exist. */
  | { ok: false; actual: number };

/** One read of a stream, checked (see `streamRead`). */
export type StreamRead = ReturnType<typeof streamRead>;

/**
 * The few KurrentDB calls the event store makes, in the adapter's own terms, so
 * that everything above them is plain logic (tested without a server) and the
 * client library is touched in one small file.
 */
export interface KurrentLog {
  append(stream: string, records: LogRecordData[], state: StreamState): Promise<AppendOutcome>;
  /**
   * The stream from `read.fromRevision` on (backwards: down, newest first; the
   * first or the last revision when null), at most `read.limit` records when
   * not null; empty when it does not exist.
   */
  readStream(stream: string, read: StreamRead): Promise<LogRecord[]>;
  /**
   * Up to `maxCount` events of `$all` from `from` on (the start when undefined),
   * in log order, restricted to the store's streams as far as the server filter
   * goes. Whether the event at `from` itself comes back is left open: callers skip it.
   */
  readAll(from: LogPosition | undefined, maxCount: number): Promise<LogRecord[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
