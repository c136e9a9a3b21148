import { setTimeout as sleep } from 'node:timers/promises';
import { coalesced } from '../shared/coalesced.ts';
import type { StoredPlace } from '../shared/prior-append.ts';
import type { KurrentLog, LogRecord } from './kurrent-log.ts';
import { LogIndex } from './log-index.ts';
import { isAfter, type LogPosition } from './log-position.ts';
import { appendIdOf } from './records.ts';
import { ownStreamId, type StreamNaming } from './stream-names.ts';

/** One of the store's events read from `$all`, with its port position. */
export interface NumberedRecord {
  record: LogRecord;
  streamId: string;
  position: number;
}

export interface LogFollowerOptions {
  /** Events per `$all` read while catching up. */
  pageSize?: number;
  /** Catch-ups tried, a little apart, before an appended event is declared missing. */
  findAttempts?: number;
}

function positionOf(record: LogRecord): LogPosition {
  if (record.position === undefined) {
    throw new Error(`event ${record.id} of ${record.stream} came from $all without its position`);
  }
  return record.position;
}

/**
 * Follows `$all` into a `LogIndex`: catches up on demand (concurrent callers share
 * reads), numbers pages of the log for `readAll`, and finds where events are.
 */
export class LogFollower {
  readonly index = new LogIndex();
  readonly #log: KurrentLog;
  readonly #naming: StreamNaming;
  readonly #pageSize: number;
  readonly #findAttempts: number;
  /** Ids of appends in flight, with the append that wrote each once it is indexed. */
  readonly #watched = new Map<string, { watchers: number; writer: string | undefined }>();
  /** Reads `$all` from the index head to the end of the log. */
  readonly catchUp: () => Promise<void>;

  constructor(log: KurrentLog, naming: StreamNaming, options: LogFollowerOptions = {}) {
    this.#log = log;
    this.#naming = naming;
    this.#pageSize = options.pageSize ?? 4096;
    this.#findAttempts = options.findAttempts ?? 20;
    this.catchUp = coalesced(() => this.#catchUpOnce());
  }

  /** Where each id is stored, as far as the index has read. */
  placesOf(ids: readonly string[]): (StoredPlace | undefined)[] {
    return ids.map((id) => this.index.placeOf(id));
  }

  /**
   * Port positions of events known to be stored (just appended): catches up until
   * the index holds them all. Reads go to the leader, so they show at once; the
   * few retries only cover a node that answers before it has indexed the write.
   */
  async positionsOf(ids: readonly string[]): Promise<number[]> {
    for (let attempt = 1; ; attempt++) {
      await this.catchUp();
      const places = this.placesOf(ids);
      if (places.every((place) => place !== undefined)) {
        return places.map((place) => place.position);
      }
      if (attempt >= this.#findAttempts) {
        throw new Error(`appended events ${ids.join(', ')} did not show in $all`);
      }
      await sleep(10 * attempt);
    }
  }

  /** Port position of a record read from a stream, catching up once when it is new. */
  async positionOfRecord(record: LogRecord): Promise<number> {
    const known = this.#lookUp(record);
    if (known !== undefined) return known;
    await this.catchUp();
    const found = this.#lookUp(record);
    if (found === undefined) {
      throw new Error(`event ${record.id} of ${record.stream} is not in this store's $all`);
    }
    return found;
  }

  /** The store's events at port positions after+1 … after+limit (fewer at the end of the log). */
  async readPage(after: number, limit: number): Promise<NumberedRecord[]> {
    if (limit === 0) return [];
    if (after > this.index.count) await this.catchUp();
    if (after > this.index.count) return [];
    const page: NumberedRecord[] = [];
    let from = after === 0 ? undefined : this.index.positionOf(after);
    for (let exhausted = false; page.length < limit && !exhausted; ) {
      const read = await this.#readAfter(from, limit - page.length);
      const { fresh } = read;
      exhausted = read.exhausted;
      if (fresh.length === 0) break;
      for (const record of fresh) {
        const streamId = ownStreamId(this.#naming, record.stream);
        if (streamId === undefined || page.length === limit) continue;
        const position = after + page.length + 1;
        this.#index(position, record, streamId);
        page.push({ record, streamId, position });
      }
      from = positionOf(fresh[fresh.length - 1]!);
    }
    return page;
  }

  /**
   * Notes which append writes these ids from now on, until `unwatch`: an id
   * indexed before the watch began was stored before the append was sent.
   */
  watch(ids: readonly string[]): void {
    for (const id of ids) {
      const watch = this.#watched.get(id) ?? { watchers: 0, writer: undefined };
      watch.watchers += 1;
      this.#watched.set(id, watch);
    }
  }

  unwatch(ids: readonly string[]): void {
    for (const id of ids) {
      const watch = this.#watched.get(id);
      if (watch !== undefined && --watch.watchers === 0) this.#watched.delete(id);
    }
  }

  /** The append that wrote a watched id, when the index met it during the watch. */
  writerOf(id: string): string | undefined {
    return this.#watched.get(id)?.writer;
  }

  #index(position: number, record: LogRecord, streamId: string): void {
    const known = this.index.count;
    this.index.record(position, { ...record, streamId, position: positionOf(record) });
    const watch = this.#watched.get(record.id);
    if (this.index.count > known && watch !== undefined) watch.writer = appendIdOf(record);
  }

  #lookUp(record: LogRecord): number | undefined {
    return record.position === undefined
      ? this.index.placeOf(record.id)?.position
      : this.index.ordinalAt(record.position);
  }

  async #catchUpOnce(): Promise<void> {
    let from = this.index.head;
    for (let exhausted = false; !exhausted; ) {
      const read = await this.#readAfter(from, this.#pageSize);
      const { fresh } = read;
      exhausted = read.exhausted;
      if (fresh.length === 0) return;
      for (const record of fresh) {
        const streamId = ownStreamId(this.#naming, record.stream);
        const position = positionOf(record);
        // A concurrent readPage may have indexed part of this page already.
        if (streamId === undefined || !isAfter(position, this.index.head)) continue;
        this.#index(this.index.count + 1, record, streamId);
      }
      from = positionOf(fresh[fresh.length - 1]!);
    }
  }

  /**
   * At least `wanted` events strictly after `from`, unless the log ends first
   * (`exhausted`: the server had fewer than asked). The read may or may not
   * include the event at `from`, so it asks for one more and drops that one.
   */
  async #readAfter(
    from: LogPosition | undefined,
    wanted: number,
  ): Promise<{ fresh: LogRecord[]; exhausted: boolean }> {
    const asked = from === undefined ? wanted : wanted + 1;
    const page = await this.#log.readAll(from, asked);
    const fresh = page.filter((record) => isAfter(positionOf(record), from));
    return { fresh, exhausted: page.length < asked };
  }
}
