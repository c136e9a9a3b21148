import { onServerOf, openPool, postgresTarget } from '../../postgres/connection.ts';
import type { EventStore } from '../port.ts';
import { assertAppendable, assertPage, streamRead } from '../shared/batch.ts';
import { type EventRow, toStoredEvent } from '../shared/rows.ts';
import { appendEvents } from './append.ts';
import { applySchema } from './schema.ts';

/** Where the log lives in PostgreSQL. */
export interface PostgresEventStoreOptions {
  /** `postgres://…` or `postgresql://…`; `?schema=name` picks the schema (default `dubanju`). */
  connectionString: string;
  /** Connections this process keeps for reads (default 10), beside two for appends. */
  maxConnections?: number;
}

const COLUMNS =
  'position, stream_id, revision, event_id, type, version, data, metadata, recorded_at';

/**
 * The event store in PostgreSQL (`EVENT_STORE_URL=postgres://…`): one table,
 * appended to under the log head's row lock (see `appendEvents`), the
 * same contract as the embedded store. A server that cannot be reached, is
 * shutting down or has a full disk fails the call with UNAVAILABLE: nothing
 * was stored, and the same call succeeds once it is back.
 */
export async function openPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<EventStore> {
  const { connectionString, schema } = postgresTarget(options.connectionString);
  // Appends take turns on the log head whatever the number of connections: two
  // keep the next one waiting at the server. Reads have connections of their
  // own, so a stream read never queues behind appends waiting for the head.
  const appendPool = openPool(connectionString, 'dubanju-event-store-appends', 2);
  const appending = onServerOf(appendPool, 'the event store');
  const pool = openPool(connectionString, 'dubanju-event-store', options.maxConnections);
  const onServer = onServerOf(pool, 'the event store');

  await onServer((client) => applySchema(client, schema));

  const rows = (sql: string, values: unknown[]) =>
    onServer(async (client) => (await client.query(sql, values)).rows as EventRow[]);

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      assertAppendable(streamId, events, expectedRevision);
      return appending((client) =>
        appendEvents(client, schema, streamId, events, expectedRevision),
      );
    },
    async readStream(streamId, options) {
      const read = streamRead(options);
      const found = read.backwards
        ? await rows(
            `SELECT ${COLUMNS} FROM ${schema}.events WHERE stream_id = $1 AND revision <= $2::bigint
             ORDER BY revision DESC LIMIT $3`,
            [streamId, read.fromRevision ?? 2_147_483_647, read.limit],
          )
        : await rows(
            `SELECT ${COLUMNS} FROM ${schema}.events WHERE stream_id = $1 AND revision >= $2::bigint
             ORDER BY revision LIMIT $3`,
            [streamId, read.fromRevision ?? 0, read.limit],
          );
      return found.map(toStoredEvent);
    },
    async readAll({ after, limit }) {
      assertPage(after, limit);
      if (limit === 0) return [];
      const found = await rows(
        `SELECT ${COLUMNS} FROM ${schema}.events WHERE position > $1 ORDER BY position LIMIT $2`,
        [after, limit],
      );
      return found.map(toStoredEvent);
    },
    async lastPosition() {
      return onServer(async (client) => {
        const head = await client.query(`SELECT position FROM ${schema}.log_head`);
        return Number(head.rows[0]?.position ?? 0);
      });
    },
    async ping() {
      await onServer((client) => client.query('SELECT 1'));
    },
    async close() {
      if (!appendPool.ended) await appendPool.end();
      if (!pool.ended) await pool.end();
    },
  };
}
