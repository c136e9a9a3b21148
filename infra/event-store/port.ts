import type { EventMetadata } from '../../contracts/metadata.ts';

/**
 * What an append expects of the stream: that it does not exist yet, that its
 * last revision is exactly this number, or nothing (`any`).
 * Revisions count from 0: a stream with one event is at revision 0.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface NewEvent {
  /** uuid; appending an id already stored is a no-op (idempotent retries). */
  id: string;
  type: string;
  /** Schema version of `data`. */
  version: number;
  data: unknown;
  metadata: EventMetadata;
  /** ISO timestamp from the clock port. */
  recordedAt: string;
}

export interface StoredEvent extends NewEvent {
  /**
   * Global position in the whole log: an opaque value, strictly increasing along
   * the log, with gaps allowed (KurrentDB's commit position, a PostgreSQL
   * sequence), a safe integer ≥ 1. Never a count of events: nothing may compute
   * one position from another (`position - 1` is not the event before). The
   * embedded SQLite and the PostgreSQL adapters happen to number 1, 2, 3, ….
   */
  position: number;
  streamId: string;
  /** Position within the stream, from 0. */
  revision: number;
}

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  nextRevision: number;
  /** Global positions of the appended events, in order, as the store assigned them. */
  positions: number[];
  /** True when the events were already stored (same ids): nothing was written. */
  duplicate: boolean;
}

/** Which events of one stream to read. */
export interface ReadStreamOptions {
  /** The first revision read: by default the first (forwards) or the last (backwards). */
  fromRevision?: number;
  /** At most this many events (a whole number ≥ 1); all of them when absent. */
  limit?: number;
  /** `forwards` (default): oldest first; `backwards`: newest first. */
  direction?: 'forwards' | 'backwards';
}

export interface ReadAllOptions {
  /**
   * Return events with a position strictly greater than this (0 = from the start).
   * Any whole number will do: `p - 1` reads from the event at p, though no event
   * need be at p - 1; a count of events is never a position to read after.
   */
  after: number;
  /** Page size. */
  limit: number;
}

/**
 * The event store: the only source of truth. Events are appended, never updated
 * or deleted, by any code path.
 */
export interface EventStore {
  /**
   * Appends atomically. Throws `WrongExpectedRevisionError` when the stream is not
   * where `expectedRevision` says; when every event id is already stored in this
   * stream, returns the original result with `duplicate: true` and writes nothing.
   */
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /**
   * The stream's events from `fromRevision` on, in revision order (or, read
   * backwards, from it down, newest first); at most `limit` of them; empty when
   * the stream does not exist or has nothing there.
   */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** One page of the whole log in global order. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * Position of the last stored event (the highest), 0 for an empty store; not
   * the number of events, which a store with gaps does not know without a scan.
   */
  lastPosition(): Promise<number>;
  /**
   * Optional: tells `listener` whenever events of the store may have been
   * appended, by any process, after what a follower has read; it gets the
   * highest position the store knows of (0: none yet). A hint to read the log
   * (`readAll` from a checkpoint), never the events themselves: it may come
   * twice, or for nothing, and one may be missed while the store reconnects, so
   * followers keep polling. Returns the unsubscribe. The listener must not throw.
   * Stores whose appends no other process makes unseen leave it undefined
   * (their followers learn of appends from the bus and their polls).
   */
  onAppended?(listener: (position: number) => void): () => void;
  /** Cheap liveness check for health endpoints. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  /** -1 when the stream does not exist. */
  readonly actual: number;

  constructor(streamId: string, expected: ExpectedRevision, actual: number) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}
