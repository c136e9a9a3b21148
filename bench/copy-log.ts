import pg from 'pg';
import type { EventStore } from '../infra/event-store/port.ts';
import { postgresTarget } from '../infra/postgres/connection.ts';

/**
 * Copies a log into an empty PostgreSQL event store's schema (created by
 * opening the store first), page by page in position order, positions and
 * revisions kept: the schema's guards check each row's sequence as they would
 * an append's. For benchmarks on a large generated log, which appending event
 * by event would take most of the run to write.
 */
export const copyLogToPostgres = async (
  from: EventStore,
  url: string,
  pageSize = 5000,
): Promise<number> => {
  const { connectionString, schema } = postgresTarget(url);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    let after = 0;
    for (;;) {
      const page = await from.readAll({ after, limit: pageSize });
      if (page.length === 0) break;
      await client.query('BEGIN');
      await client.query(`SELECT position FROM ${schema}.log_head FOR UPDATE`);
      await client.query(
        `INSERT INTO ${schema}.events
           (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[],
                              $6::int[], $7::text[], $8::text[], $9::text[])`,
        [
          page.map((event) => event.position),
          page.map((event) => event.streamId),
          page.map((event) => event.revision),
          page.map((event) => event.id),
          page.map((event) => event.type),
          page.map((event) => event.version),
          page.map((event) => JSON.stringify(event.data)),
          page.map((event) => JSON.stringify(event.metadata)),
          page.map((event) => event.recordedAt),
        ],
      );
      after = page.at(-1)?.position ?? after;
      await client.query(`UPDATE ${schema}.log_head SET position = $1`, [after]);
      await client.query('COMMIT');
    }
    return after;
  } finally {
    await client.end();
  }
};
