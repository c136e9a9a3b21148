import type { PoolClient } from 'pg';
import {
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  WrongExpectedRevisionError,
} from '../port.ts';
import { priorAppendResult, type StoredPlace } from '../shared/prior-append.ts';

const checkRevision = (streamId: string, expected: ExpectedRevision, actual: number) => {
  const ok = expected === 'any' || (expected === 'no_stream' ? actual === -1 : actual === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
};

/** Where each of `ids` is already stored (undefined: nowhere). */
const placesOf = async (client: PoolClient, schema: string, ids: readonly string[]) => {
  const found = await client.query(
    `SELECT event_id, stream_id, revision, position FROM ${schema}.events WHERE event_id = ANY($1)`,
    [ids],
  );
  const byId = new Map<string, StoredPlace>(
    found.rows.map((row) => [
      row.event_id as string,
      {
        streamId: row.stream_id as string,
        revision: Number(row.revision),
        position: Number(row.position),
      },
    ]),
  );
  return ids.map((id) => byId.get(id));
};

/**
 * Appends the batch in one transaction. The log head's row is locked first:
 * appends from every node take turns, so positions are dense and commit in
 * order (a reader never passes an event committed late), and the idempotency
 * and revision checks see every append before theirs. Then idempotency (a
 * retry succeeds whatever revision it expects), the revision check, the
 * inserts (one statement) and the head.
 */
export async function appendInTransaction(
  client: PoolClient,
  schema: string,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  await client.query('BEGIN');
  try {
    const head = await client.query(`SELECT position FROM ${schema}.log_head FOR UPDATE`);
    const prior = priorAppendResult(
      streamId,
      events,
      await placesOf(
        client,
        schema,
        events.map((event) => event.id),
      ),
    );
    if (prior !== undefined) {
      await client.query('COMMIT');
      return prior;
    }
    const last = await client.query(
      `SELECT MAX(revision) AS revision FROM ${schema}.events WHERE stream_id = $1`,
      [streamId],
    );
    const actual = last.rows[0].revision === null ? -1 : Number(last.rows[0].revision);
    checkRevision(streamId, expected, actual);
    const first = Number(head.rows[0].position) + 1;
    const positions = events.map((_, index) => first + index);
    await client.query(
      `INSERT INTO ${schema}.events
         (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[],
                            $6::int[], $7::text[], $8::text[], $9::text[])`,
      [
        positions,
        events.map(() => streamId),
        events.map((_, index) => actual + 1 + index),
        events.map((event) => event.id),
        events.map((event) => event.type),
        events.map((event) => event.version),
        events.map((event) => JSON.stringify(event.data)),
        events.map((event) => JSON.stringify(event.metadata)),
        events.map((event) => event.recordedAt),
      ],
    );
    await client.query(`UPDATE ${schema}.log_head SET position = $1`, [positions.at(-1)]);
    await client.query('COMMIT');
    return { nextRevision: actual + events.length, positions, duplicate: false };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
