import type { ExpectedRevision, NewEvent, ReadStreamOptions } from '../port.ts';

/**
 * Refuses a batch that cannot be appended whatever the store holds: an empty
 * batch, an expected revision that is not a revision, one id twice, or data that
 * JSON cannot carry (it would not read back as it was appended).
 */
export function assertAppendable(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new Error(`stream id ${JSON.stringify(streamId)} is not a stream id`);
  }
  if (events.length === 0) {
    throw new Error(`stream ${streamId}: cannot append an empty batch`);
  }
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new Error(`stream ${streamId}: expected revision ${expected} is not a revision`);
  }
  if (typeof expected !== 'number' && expected !== 'any' && expected !== 'no_stream') {
    throw new Error(`stream ${streamId}: expected revision ${String(expected)} is not a revision`);
  }
  const ids = new Set(events.map((event) => event.id));
  if (ids.size !== events.length) {
    throw new Error(`stream ${streamId}: the batch holds the same event id twice`);
  }
  for (const event of events) {
    if (JSON.stringify(event.data) === undefined) {
      throw new Error(`event ${event.id}: data is not JSON-serialisable`);
    }
  }
}

/** Checks a `fromRevision` before a stream read. */
export function assertFromRevision(fromRevision: number): void {
  if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
    throw new Error(`readStream: fromRevision ${fromRevision} must be a whole number >= 0`);
  }
}

/** Checks what a `readStream` asks for; the read it asks, with the defaults filled in. */
export function streamRead(options: ReadStreamOptions = {}): {
  backwards: boolean;
  fromRevision: number | null;
  limit: number | null;
} {
  const { fromRevision, limit, direction = 'forwards' } = options;
  if (fromRevision !== undefined) assertFromRevision(fromRevision);
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new Error(`readStream: limit ${limit} must be a whole number >= 1`);
  }
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new Error(`readStream: direction ${String(direction)} must be forwards or backwards`);
  }
  return {
    backwards: direction === 'backwards',
    fromRevision: fromRevision ?? null,
    limit: limit ?? null,
  };
}

/** Checks the page a `readAll` asks for: a negative limit is a caller's bug, not "no limit". */
export function assertPage(after: number, limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 0 || !Number.isSafeInteger(after) || after < 0) {
    throw new Error(`readAll: after ${after} and limit ${limit} must be whole, >= 0`);
  }
}
