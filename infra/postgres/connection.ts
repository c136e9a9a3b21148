import os from 'node:os';
import pg from 'pg';
import { unavailable } from '../../contracts/errors.ts';

/** A schema name the adapters may put in SQL: a plain lower-case identifier. */
export const schemaName = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`schema ${JSON.stringify(name)}: must be a lower-case SQL identifier`);
  }
  return name;
};

/** The connection settings and the schema a `postgres://…?schema=name` URL names. */
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

/** Whether `error` means the server cannot be reached or used now. */
export const isUnreachable = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (typeof code === 'string' && UNREACHABLE.has(code)) ||
    (error instanceof Error &&
      // pg's own words for a connection that broke under the call.
      /Connection terminated|timeout exceeded|not queryable|connection error/.test(error.message))
  );
};

/** Runs `work` on a connection of the pool. */
export type OnServer = <T>(work: (client: pg.PoolClient) => Promise<T>) => Promise<T>;

/** A pool of connections, named to the server (`application_name`) by what it holds. */
export const openPool = (
  connectionString: string,
  applicationName: string,
  maxConnections = 10,
): pg.Pool => {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    connectionTimeoutMillis: 5000,
    application_name: applicationName,
  });
  // An idle connection the server dropped: the next query gets a new one.
  pool.on('error', () => undefined);
  return pool;
};

/**
 * Runs calls on connections of `pool`. A server that cannot be reached, is
 * shutting down or has a full disk fails the call with UNAVAILABLE, naming
 * `what` (the connection it broke is discarded): nothing was stored, and the
 * same call succeeds once it is back. Any other error is the call's own.
 */
export const onServerOf =
  (pool: pg.Pool, what: string): OnServer =>
  async (work) => {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw unavailable(`${what} cannot be reached: ${(error as Error).message}`);
    }
    let broken: Error | undefined;
    // A connection the server ends while it is checked out (a restart, an
    // administrator's command) emits 'error', and the pool listens only to idle
    // ones: unheard, the event would end the process. The call's own query
    // fails with the same error, answered below.
    const ended = (error: Error) => {
      broken = error;
    };
    client.on('error', ended);
    try {
      return await work(client);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      broken = error as Error;
      throw unavailable(`${what} cannot be used: ${(error as Error).message}`);
    } finally {
      client.off('error', ended);
      client.release(broken);
    }
  };

/** Runs `work` in a transaction on `client`, rolled back when it throws. */
export async function inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
