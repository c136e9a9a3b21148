import type { StoredEvent } from '../port.ts';
import {
  type AllFrom,
  InvalidLogPositionError,
  type KurrentLog,
  type LogRecord,
} from './kurrent-log.ts';
import { type LogPosition, logPositionOf } from './log-position.ts';
import { positionOfRecord, toStoredEvent } from './records.ts';
import { ownStreamId, type StreamNaming } from './stream-names.ts';

/**
 * The store's stream id of a `$all` record that is one of its events. Left out:
 * system streams and other prefixes the server filter let through, and KurrentDB's
 * own events in the store's streams (a tombstone is a `$streamDeleted` event in
 * the deleted stream itself; KurrentDB's event types start with `$`).
 */
export function ownStreamOf(naming: StreamNaming, record: LogRecord): string | undefined {
  const streamId = ownStreamId(naming, record.stream);
  return streamId === undefined || record.type.startsWith('$') ? undefined : streamId;
}

/**
 * Reads `$all` in pages for `readAll` and `lastPosition`, from positions the
 * server gave, never from the start of the log unless asked to.
 */
export class LogPages {
  readonly #log: KurrentLog;
  readonly #naming: StreamNaming;
  readonly #pageSize: number;

  constructor(log: KurrentLog, naming: StreamNaming, pageSize: number) {
    if (!Number.isSafeInteger(pageSize) || pageSize < 2) {
      throw new RangeError(`pageSize ${pageSize} must be a whole number >= 2`);
    }
    this.#log = log;
    this.#naming = naming;
    this.#pageSize = pageSize;
  }

  /**
   * Up to `limit` of the store's events with a position above `after`, in log
   * order. Reads go on from the last record read that has a position (a record
   * boundary) until the page is full or a read comes back short (the end of the
   * log); a read that gets no further (records without positions) is made wider.
   */
  async after(after: number, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    let floor = after;
    let from: LogPosition | undefined;
    let reached = BigInt(after);
    for (let widen = 1; events.length < limit; ) {
      // One more than needed: a read from a position gives back the event there.
      const asked = Math.min(this.#pageSize, limit - events.length + 1) * widen;
      const records =
        from === undefined
          ? await this.#readFirst(after, asked)
          : await this.#log.readAll({ from, maxCount: asked, backwards: false });
      let resume: LogPosition | undefined;
      for (const record of records) {
        const streamId = ownStreamOf(this.#naming, record);
        if (record.position !== undefined) resume = record.position;
        if (streamId === undefined) continue;
        const event = toStoredEvent(record, streamId);
        if (event.position <= floor || events.length === limit) continue;
        events.push(event);
        floor = event.position;
      }
      if (records.length < asked) break;
      if (resume === undefined || resume.commit <= reached) {
        widen *= 2;
      } else {
        [from, reached, widen] = [resume, resume.commit, 1];
      }
    }
    return events;
  }

  /**
   * Position of the store's last event, 0 when it has none: one backward read of
   * one event as a rule; more when other records (a tombstone) come last.
   */
  async last(): Promise<number> {
    let from: AllFrom = 'end';
    for (let asked = 1; ; ) {
      const records = await this.#log.readAll({ from, maxCount: asked, backwards: true });
      let resume: LogPosition | undefined;
      for (const record of records) {
        if (ownStreamOf(this.#naming, record) !== undefined) return positionOfRecord(record);
        if (record.position !== undefined) resume = record.position;
      }
      if (records.length < asked) return 0;
      // Backwards, a read gives only what lies before its position: always further.
      if (resume === undefined) asked *= 2;
      else [from, asked] = [resume, this.#pageSize];
    }
  }

  /**
   * The first read of a page. `after` is any whole number: an event's position
   * (a checkpoint) is a record boundary KurrentDB reads from; so is the position
   * after `after` when `after` is one below an event's (`p - 1`, which readers
   * use to get the event at p). Anything else inside a record is refused.
   */
  async #readFirst(after: number, maxCount: number): Promise<LogRecord[]> {
    if (after === 0) return this.#log.readAll({ from: 'start', maxCount, backwards: false });
    const read = (at: number) =>
      this.#log.readAll({ from: logPositionOf(at), maxCount, backwards: false });
    try {
      return await read(after);
    } catch (error) {
      if (!(error instanceof InvalidLogPositionError)) throw error;
    }
    try {
      return await read(after + 1);
    } catch (error) {
      if (!(error instanceof InvalidLogPositionError)) throw error;
      throw new RangeError(
        `readAll after ${after}: KurrentDB reads $all from an event's position, and neither ` +
          `${after} nor ${after + 1} is one (use a position the store gave, or one less)`,
        { cause: error },
      );
    }
  }
}
