import os from 'node:os';
import pg from 'pg';
import { unavailable } from '../../../contracts/errors.ts';
import type { EventStore } from '../port.ts';
import { assertAppendable, assertPage, streamRead } from '../shared/batch.ts';
import { type EventRow, toStoredEvent } from '../shared/rows.ts';
import { appendInTransaction } from './append.ts';
import { applySchema, schemaName } from './schema.ts';

/** Where the log lives in PostgreSQL. */
export interface PostgresEventStoreOptions {
  /** `postgres://…` or `postgresql://…`; `?schema=name` picks the schema (default `dubanju`). */
  connectionString: string;
  /** Connections this process keeps (default 10). */
  maxConnections?: number;
}

/** The connection settings and the schema a URL names. */
export const postgresTarget = (url: string): { connectionString: string; schema: string } => {
  const parsed = new URL(url);
  const schema = schemaName(parsed.searchParams.get('schema') ?? 'dubanju');
  parsed.searchParams.delete('schema');
  // No user in the URL: the operating system's, as libpq and psql take it (pg reads $USER).
  if (parsed.username === '') parsed.username = os.userInfo().username;
  return { connectionString: parsed.toString(), schema };
};

/** Errors that say the server cannot be reached or used now, not that the call was wrong. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53100', // disk_full
  '53200', // out_of_memory
  '53300', // too_many_connections
  '08000',
  '08003',
  '08006',
]);

const isUnreachable = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (typeof code === 'string' && UNREACHABLE.has(code)) ||
    (error instanceof Error && /Connection terminated|timeout exceeded/.test(error.message))
  );
};

const COLUMNS =
  'position, stream_id, revision, event_id, type, version, data, metadata, recorded_at';

/**
 * The event store in PostgreSQL (`EVENT_STORE_URL=postgres://…`): one table,
 * appended to under the log head's row lock (see `appendInTransaction`), the
 * same contract as the embedded store. A server that cannot be reached, is
 * shutting down or has a full disk fails the call with UNAVAILABLE: nothing
 * was stored, and the same call succeeds once it is back.
 */
export async function openPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<EventStore> {
  const { connectionString, schema } = postgresTarget(options.connectionString);
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    application_name: 'dubanju-event-store',
  });
  // An idle connection the server dropped: the next query gets a new one.
  pool.on('error', () => undefined);

  const onServer = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw unavailable(`the event store cannot be reached: ${(error as Error).message}`);
    }
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      broken = error as Error;
      throw unavailable(`the event store cannot be used: ${(error as Error).message}`);
    } finally {
      client.release(broken);
    }
  };

  await onServer((client) => applySchema(client, schema));

  const rows = (sql: string, values: unknown[]) =>
    onServer(async (client) => (await client.query(sql, values)).rows as EventRow[]);

  return {
    async appendToStream(streamId, events, { expectedRevision }) {
      assertAppendable(streamId, events, expectedRevision);
      return onServer((client) =>
        appendInTransaction(client, schema, streamId, events, expectedRevision),
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
      if (!pool.ended) await pool.end();
    },
  };
}
