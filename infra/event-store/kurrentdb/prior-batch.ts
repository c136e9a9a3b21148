import type { AppendResult, ExpectedRevision, NewEvent } from '../port.ts';
import { priorAppendResult, type StoredPlace } from '../shared/prior-append.ts';
import type { KurrentLog, LogRecord } from './kurrent-log.ts';
import { positionOfRecord } from './records.ts';

/**
 * Finds an earlier append of a batch in its own stream, without any index of the
 * log: by reading the stream where a retry of the batch would find it. KurrentDB
 * knows ids only per stream, so an id stored in another stream goes unseen.
 */
export class PriorBatch {
  readonly #log: KurrentLog;
  readonly #pageSize: number;

  constructor(log: KurrentLog, pageSize: number) {
    this.#log = log;
    this.#pageSize = pageSize;
  }

  /**
   * The original result when the batch was appended at `expected` before (it then
   * sits at the revisions right after it), undefined when none of it is there;
   * throws when only part of it is.
   */
  async at(
    stream: string,
    streamId: string,
    events: readonly NewEvent[],
    expected: Exclude<ExpectedRevision, 'any'>,
  ): Promise<AppendResult | undefined> {
    const fromRevision = expected === 'no_stream' ? 0 : expected + 1;
    const read = { fromRevision, limit: events.length, backwards: false };
    const records = await this.#log.readStream(stream, read);
    return priorAppendResult(streamId, events, placesIn(records, streamId, events));
  }

  /**
   * The same for an append that expected `any`, which may have gone anywhere:
   * reads the stream back from its end, a page at a time, until every id of the
   * batch is found or the stream starts. A stream's length is the cost.
   */
  async anywhere(
    stream: string,
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<AppendResult | undefined> {
    const found: LogRecord[] = [];
    const wanted = new Set(events.map((event) => event.id));
    for (let fromRevision: number | null = null; fromRevision !== -1; ) {
      const read = { fromRevision, limit: this.#pageSize, backwards: true };
      const records = await this.#log.readStream(stream, read);
      found.push(...records.filter((record) => wanted.has(record.id)));
      if (found.length === events.length || records.length < this.#pageSize) break;
      fromRevision = records[records.length - 1]!.revision - 1;
    }
    return priorAppendResult(streamId, events, placesIn(found, streamId, events));
  }
}

/** Where each event of the batch is among `records` (undefined: not there). */
function placesIn(
  records: readonly LogRecord[],
  streamId: string,
  events: readonly NewEvent[],
): (StoredPlace | undefined)[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  return events.map((event) => {
    const record = byId.get(event.id);
    if (record === undefined) return undefined;
    return { streamId, revision: record.revision, position: positionOfRecord(record) };
  });
}
