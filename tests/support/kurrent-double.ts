import { randomUUID } from 'node:crypto';
import { validationError } from '../../contracts/errors.ts';
import {
  type AllRead,
  type AppendOutcome,
  InvalidLogPositionError,
  type KurrentLog,
  type LogRecord,
  type LogRecordData,
  type LogSubscription,
  type StreamRead,
  type StreamState,
  type SubscriptionHandlers,
} from '../../infra/event-store/kurrentdb/kurrent-log.ts';
import { KURRENT_MAX_APPEND_BYTES } from '../../infra/event-store/kurrentdb/kurrentdb-event-store.ts';
import type { LogPosition } from '../../infra/event-store/kurrentdb/log-position.ts';
import { streamFilterRegex } from '../../infra/event-store/kurrentdb/stream-names.ts';

const tick = (): Promise<void> => new Promise((wake) => setImmediate(wake));

/** One record of the double's transaction log: an event, or a record no read returns. */
interface Stored extends LogRecord {
  position: LogPosition;
  /** `$all` gives this event with no position (as a foreign writer's event may come). */
  hidePosition?: boolean;
}

export interface KurrentDoubleOptions {
  /** Byte offset of the log's first record (the epoch record, as a new database has). */
  startAt?: bigint;
  /** Lets every record of `$all` through, system streams included, whatever the filter. */
  leakyFilter?: boolean;
}

/** A live `$all` subscription: sent what passes its filter once caught up to the log's end. */
interface Subscriber {
  passes: (record: Stored) => boolean;
  seen: SubscriptionHandlers;
  caughtUp: boolean;
}

/**
 * An in-memory stand-in for a KurrentDB server, at the level of the adapter's
 * `KurrentLog`, modelled on KurrentDB's source (see `log-position.ts`):
 * - the log is a sequence of records at byte offsets; a gRPC append writes one
 *   prepare per event, each at its own offset, which is both its commit and its
 *   prepare position; the answer carries the last event's position;
 * - `$all` forwards from a position includes the event there; backwards from a
 *   position gives the events before it; a position inside a record is refused
 *   (`InvalidPosition`); the server filter is a regex on stream names;
 * - idempotency: ids appended again at the expected revision they were first
 *   appended at, or recent ids (the stream's last 100) with `any`, succeed without
 *   a write; a stale expected revision with other ids there is a conflict;
 * - `MaxAppendSize` (an append over it fails whole), JSON round-trips;
 * - hard deletes (a `$streamDeleted` event in the stream itself, then reads as
 *   deleted and appends refused), soft deletes (`$metadata` in `$$stream`, the
 *   stream truncated before its next revision), system events, other writers;
 * - an append can be made to fail after its write (deadline exceeded);
 * - live `$all` subscriptions with the log's filter: from the end, or after a
 *   position (what lies after it first, then live), each record once, in order;
 *   they can be dropped, as a lost connection drops them.
 * Each call yields to the event loop first, so concurrent calls interleave as
 * they would over the network.
 */
export class KurrentDouble {
  readonly streams = new Map<string, Stored[]>();
  readonly all: Stored[] = [];
  readonly calls = { append: 0, readAll: 0, readStream: 0, recordsRead: 0 };
  readonly #boundaries = new Set<bigint>();
  readonly #hardDeleted = new Set<string>();
  readonly #truncatedBefore = new Map<string, number>();
  readonly #subscribers = new Set<Subscriber>();
  readonly #leaky: boolean;
  #end: bigint;
  #failAfterWrite: Error | undefined;

  constructor(options: KurrentDoubleOptions = {}) {
    this.#leaky = options.leakyFilter ?? false;
    this.#end = options.startAt ?? 0n;
    this.#skip(128); // the epoch record: a record boundary, no event
  }

  /** The log one store sees through its server-side filter. */
  logFor(prefix: string): KurrentLog & { closed: boolean } {
    const filter = new RegExp(streamFilterRegex({ prefix }));
    const passes = (record: Stored) => this.#leaky || filter.test(record.stream);
    const log = {
      closed: false,
      append: (stream: string, records: LogRecordData[], state: StreamState) =>
        this.#append(stream, records, state),
      readStream: (stream: string, read: StreamRead) => this.#readStream(stream, read),
      readAll: (read: AllRead) => this.#readAll(read, passes),
      subscribeAll: (from: LogPosition | 'end', seen: SubscriptionHandlers) =>
        this.#subscribe(from, seen, passes),
      ping: async () => undefined,
      close: async () => {
        log.closed = true;
      },
    };
    return log;
  }

  /** How many `$all` subscriptions are live (begun, neither stopped nor dropped). */
  get liveSubscriptions(): number {
    return this.#subscribers.size;
  }

  /** Drops every live subscription, as a lost connection does. */
  dropSubscriptions(): void {
    const dropped = [...this.#subscribers];
    this.#subscribers.clear();
    for (const subscriber of dropped) subscriber.seen.dropped(new Error('connection lost'));
  }

  /** The next append writes, then fails as a call whose outcome is unknown does. */
  failNextAppendAfterWrite(): void {
    this.#failAfterWrite = Object.assign(new Error('deadline exceeded'), {
      type: 'deadline-exceeded',
    });
  }

  /** A system event, as KurrentDB writes its statistics into `$all`. */
  writeSystemEvent(): void {
    this.write('$stats-127.0.0.1:2113', [record('$statsCollected')]);
  }

  /** An event of another writer, in any stream; `hidePosition`: `$all` gives it without one. */
  writeForeign(stream: string, options: { hidePosition?: boolean } = {}): void {
    const [stored] = this.write(stream, [record('SomethingElse')]);
    if (options.hidePosition) stored!.hidePosition = true;
  }

  /** A hard delete: the tombstone goes into the stream itself, which then reads as deleted. */
  tombstone(stream: string): void {
    this.write(stream, [record('$streamDeleted')], { revision: Number.MAX_SAFE_INTEGER });
    this.#hardDeleted.add(stream);
  }

  /** A soft delete: `$tb` metadata in `$$stream`; the stream reads empty until appended to. */
  softDelete(stream: string): void {
    const next = (this.streams.get(stream) ?? []).length;
    this.write(`$$${stream}`, [{ ...record('$metadata'), data: { $tb: next } }]);
    this.#truncatedBefore.set(stream, next);
  }

  /** Stores records as written, each at its own position; returns them. */
  write(stream: string, records: LogRecordData[], place: { revision?: number } = {}): Stored[] {
    const existing = this.streams.get(stream) ?? [];
    const written = records.map((data) => {
      const parsed = JSON.parse(JSON.stringify(data)) as LogRecordData;
      const at = this.#skip(64 + stream.length + JSON.stringify(data).length);
      const revision = place.revision ?? existing.length;
      const stored: Stored = { ...parsed, stream, revision, position: { commit: at, prepare: at } };
      if (place.revision === undefined) existing.push(stored);
      this.all.push(stored);
      this.#publish(stored);
      return stored;
    });
    this.streams.set(stream, existing);
    return written;
  }

  #subscribe(
    from: LogPosition | 'end',
    seen: SubscriptionHandlers,
    passes: (record: Stored) => boolean,
  ): LogSubscription {
    const subscriber: Subscriber = { passes, seen, caughtUp: from === 'end' };
    this.#subscribers.add(subscriber);
    if (typeof from === 'object') {
      // Catching up, after the call returns as over the network: what lies after `from`.
      void tick().then(() => {
        if (!this.#subscribers.has(subscriber)) return;
        for (const stored of this.all) {
          if (stored.position.commit > from.commit) this.#send(subscriber, stored);
        }
        subscriber.caughtUp = true;
      });
    }
    return {
      stop: () => {
        this.#subscribers.delete(subscriber);
      },
    };
  }

  #publish(stored: Stored): void {
    for (const subscriber of this.#subscribers) {
      if (subscriber.caughtUp) this.#send(subscriber, stored);
    }
  }

  #send(subscriber: Subscriber, stored: Stored): void {
    if (!subscriber.passes(stored)) return;
    const { hidePosition, ...event } = stored;
    subscriber.seen.record(hidePosition ? { ...event, position: undefined } : event);
  }

  /** Moves the log's end past one record; returns the record's position. */
  #skip(bytes: number): bigint {
    const at = this.#end;
    this.#boundaries.add(at);
    this.#end += BigInt(bytes);
    return at;
  }

  async #append(stream: string, records: LogRecordData[], state: StreamState) {
    this.calls.append += 1;
    await tick();
    if (this.#hardDeleted.has(stream)) {
      throw new Error(`KurrentDB stream ${stream} is deleted: it takes no more events`);
    }
    const bytes = records.reduce((sum, r) => sum + JSON.stringify(r).length, 0);
    if (bytes > KURRENT_MAX_APPEND_BYTES) {
      // As the client log answers the server's refusal.
      throw validationError('events', `must be at most ${KURRENT_MAX_APPEND_BYTES} bytes`);
    }
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length - 1;
    const idempotent = this.#idempotent(existing, records, state);
    if (idempotent !== undefined) return idempotent;
    const expected = state === 'no_stream' ? -1 : state === 'any' ? current : Number(state);
    if (expected !== current) return { ok: false, actual: current } as AppendOutcome;
    const written = this.write(stream, records);
    const failure = this.#failAfterWrite;
    this.#failAfterWrite = undefined;
    if (failure !== undefined) throw failure;
    const position = written[written.length - 1]!.position;
    return { ok: true, nextRevision: current + records.length, position } as AppendOutcome;
  }

  /** KurrentDB's answer to ids already in the stream: success without a write. */
  #idempotent(existing: Stored[], records: LogRecordData[], state: StreamState) {
    const ids = records.map((r) => r.id);
    const success = (found: Stored[]) =>
      ({
        ok: true,
        nextRevision: found[found.length - 1]!.revision,
        position: found[found.length - 1]!.position,
      }) as AppendOutcome;
    if (state === 'any') {
      const recent = existing.slice(-100);
      const found = ids.map((id) => recent.find((r) => r.id === id));
      return found.every((r) => r !== undefined) ? success(found as Stored[]) : undefined;
    }
    const first = state === 'no_stream' ? 0 : Number(state) + 1;
    const found = ids.map((_, index) => existing[first + index]);
    const atPlace = found.every((r, index) => r?.id === ids[index]);
    return atPlace ? success(found as Stored[]) : undefined;
  }

  async #readStream(stream: string, read: StreamRead): Promise<LogRecord[]> {
    this.calls.readStream += 1;
    await tick();
    if (this.#hardDeleted.has(stream)) return [];
    const truncated = this.#truncatedBefore.get(stream) ?? 0;
    const records = (this.streams.get(stream) ?? []).filter((r) => r.revision >= truncated);
    const from = read.fromRevision ?? (read.backwards ? Number.MAX_SAFE_INTEGER : 0);
    const chosen = read.backwards
      ? records.filter((r) => r.revision <= from).reverse()
      : records.filter((r) => r.revision >= from);
    const page = read.limit === null ? chosen : chosen.slice(0, read.limit);
    this.calls.recordsRead += page.length;
    return page.map(({ hidePosition: _, ...r }) => r);
  }

  async #readAll(read: AllRead, passes: (record: Stored) => boolean): Promise<LogRecord[]> {
    this.calls.readAll += 1;
    await tick();
    const { from, maxCount, backwards } = read;
    if (typeof from === 'object' && from.commit < this.#end && !this.#boundaries.has(from.commit)) {
      throw new InvalidLogPositionError(from);
    }
    const page: LogRecord[] = [];
    const start = this.#indexOf(from, backwards);
    const step = backwards ? -1 : 1;
    for (let i = start; i >= 0 && i < this.all.length && page.length < maxCount; i += step) {
      const stored = this.all[i]!;
      if (!passes(stored)) continue;
      const { hidePosition, ...event } = stored;
      page.push(hidePosition ? { ...event, position: undefined } : event);
    }
    this.calls.recordsRead += page.length;
    return page;
  }

  /** Index in `all` of the first event a read from `from` returns (binary search). */
  #indexOf(from: AllRead['from'], backwards: boolean): number {
    if (from === 'start') return 0;
    if (from === 'end') return this.all.length - 1;
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.all[middle]!.position.commit < from.commit) low = middle + 1;
      else high = middle;
    }
    // low: the first event at or after `from`; backwards reads start before it.
    return backwards ? low - 1 : low;
  }
}

/** A record with a fresh id and no envelope (not one of the store's events). */
function record(type: string): LogRecordData {
  return { id: randomUUID(), type, data: {}, metadata: {} };
}
