import type { PoolClient } from 'pg';
import {
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../port.ts';
import { priorAppendResult, type StoredPlace } from '../shared/prior-append.ts';

/** What `append_events` answers (see the schema). */
type Answer =
  | { prior: (StoredPlace & { id: string })[] }
  | { actual: number; first?: undefined }
  | { actual: number; first: number };

const expectedCode = (expected: ExpectedRevision): number =>
  expected === 'any' ? -2 : expected === 'no_stream' ? -1 : expected;

/**
 * Appends the batch in one statement, the server's `append_events`: the log
 * head's row is locked first, so appends from every node take turns, positions
 * are dense and commit in order (a reader never passes an event committed
 * late), and the idempotency and revision checks see every append before
 * theirs. An id already stored answers the original result when the whole
 * batch is a retry in this stream, and an error otherwise; nothing is written.
 */
export async function appendEvents(
  client: PoolClient,
  schema: string,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const found = await client.query(
    `SELECT ${schema}.append_events($1, $2, $3, $4, $5, $6, $7, $8) AS answer`,
    [
      streamId,
      expectedCode(expected),
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => event.version),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
      events.map((event) => event.recordedAt),
    ],
  );
  const answer = found.rows[0].answer as Answer;
  if ('prior' in answer) {
    const byId = new Map(answer.prior.map((place) => [place.id, place]));
    const prior = priorAppendResult(
      streamId,
      events,
      events.map((event) => byId.get(event.id)),
    );
    if (prior === undefined) throw new Error(`stream ${streamId}: the stored ids were not found`);
    return prior;
  }
  if (answer.first === undefined) {
    throw new WrongExpectedRevisionError(streamId, expected, answer.actual);
  }
  const first = answer.first;
  return {
    nextRevision: answer.actual + events.length,
    positions: events.map((_, index) => first + index),
    duplicate: false,
  };
}
