import { inTransaction, onServerOf, openPool, postgresTarget } from '../../postgres/connection.ts';
import type { Lease, LeaseStore } from '../port.ts';

export interface PostgresLeaseStoreOptions {
  /** `postgres://…?schema=name`: the server and schema of the event store (default `dubanju`). */
  connectionString: string;
  /**
   * Milliseconds since the epoch, for tests. By default the server's clock
   * decides every expiry, so nodes on hosts whose clocks disagree still agree
   * on when a lease lapses.
   */
  now?: () => number;
}

const schemaSql = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.leases (
  name       text    PRIMARY KEY,
  holder     text    NOT NULL,
  term       bigint  NOT NULL CHECK (term >= 1),
  ttl_ms     integer NOT NULL,
  expires_at bigint  NOT NULL
)`;

/** Milliseconds now: the test's clock when given ($n), else the server's. */
const nowSql = (param: string) =>
  `COALESCE(${param}::bigint, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)`;

// One statement: the check and the write are one atomic step, as in the SQLite
// store. The update happens only for the holder itself or over a lapsed lease;
// the right-hand sides read the row as it was, so the term rises on a takeover only.
const acquireSql = (schema: string) => `
INSERT INTO ${schema}.leases AS leases (name, holder, term, ttl_ms, expires_at)
VALUES ($1, $2, 1, $3::integer, ${nowSql('$4')} + $3::integer)
ON CONFLICT (name) DO UPDATE SET
  term = CASE WHEN leases.holder = excluded.holder THEN leases.term ELSE leases.term + 1 END,
  holder = excluded.holder,
  ttl_ms = excluded.ttl_ms,
  expires_at = excluded.expires_at
WHERE leases.holder = excluded.holder OR leases.expires_at <= ${nowSql('$4')}
RETURNING name, holder, term, ttl_ms`;

const asLease = (row: Record<string, unknown> | undefined): Lease | null =>
  row
    ? {
        name: row.name as string,
        holder: row.holder as string,
        term: Number(row.term),
        ttlMs: Number(row.ttl_ms),
      }
    : null;

/**
 * Leases in PostgreSQL (LEASE_STORE=postgres), beside the events: for nodes on
 * several hosts that share the server. A released lease keeps its row with a
 * lapsed expiry, so terms never go back.
 */
export const openPostgresLeaseStore = (options: PostgresLeaseStoreOptions): LeaseStore => {
  const { connectionString, schema } = postgresTarget(options.connectionString);
  const pool = openPool(connectionString, 'dubanju-leases', 2);
  const onServer = onServerOf(pool, 'the lease store');
  const now = () => (options.now ? options.now() : null);
  let ready: Promise<void> | null = null;
  const prepared = () => {
    ready ??= onServer((client) =>
      inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dubanju:${schema}`]);
        await client.query(schemaSql(schema));
      }),
    ).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  const query = async (sql: string, values: unknown[]) => {
    await prepared();
    return (await pool.query(sql, values)).rows as Record<string, unknown>[];
  };
  return {
    async acquire(name, holder, ttlMs) {
      return asLease((await query(acquireSql(schema), [name, holder, ttlMs, now()]))[0]);
    },
    async release(name, holder) {
      await query(`UPDATE ${schema}.leases SET expires_at = 0 WHERE name = $1 AND holder = $2`, [
        name,
        holder,
      ]);
    },
    async current(name) {
      const rows = await query(
        `SELECT name, holder, term, ttl_ms FROM ${schema}.leases
         WHERE name = $1 AND expires_at > ${nowSql('$2')}`,
        [name, now()],
      );
      return asLease(rows[0]);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
};
