import { onServerOf, openPool, postgresTarget } from '../../postgres/connection.ts';
import type {
  CheckpointCommit,
  DocumentChange,
  DocumentVersion,
  FindQuery,
  ReadModelStore,
} from '../port.ts';
import { assertCount, assertPosition, assertTerm } from '../shared/arguments.ts';
import { commitInTransaction, plannedWrites, readCheckpoint } from './commit.ts';
import { findSql } from './filter-sql.ts';
import { ensureFieldIndex } from './index-sql.ts';
import { applySchema } from './schema.ts';

/** Where the read models live in PostgreSQL. */
export interface PostgresReadModelStoreOptions {
  /** `postgres://…` or `postgresql://…`; `?schema=name` picks the schema (default `dubanju`). */
  connectionString: string;
  /** Connections this process keeps (default 10). */
  maxConnections?: number;
}

/**
 * The read-model store in PostgreSQL: documents as JSONB in one table keyed by
 * collection and id, the versions kept by day, the projectors' checkpoints,
 * with the embedded adapter's semantics (values compared within their type,
 * strings byte-wise, null standing for a null or missing field). A commit
 * moves the checkpoint and writes its documents in one transaction. A server
 * that cannot be reached, is shutting down or has a full disk fails the call
 * with UNAVAILABLE: nothing moved, and the same call succeeds once it is back.
 */
export async function openPostgresReadModelStore(
  options: PostgresReadModelStoreOptions,
): Promise<ReadModelStore> {
  const { connectionString, schema } = postgresTarget(options.connectionString);
  const pool = openPool(connectionString, 'dubanju-read-models', options.maxConnections);
  const onServer = onServerOf(pool, 'the read models');
  try {
    await onServer((client) => applySchema(client, schema));
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }

  return {
    async get<T = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
      const found = await onServer((client) =>
        client.query(`SELECT doc FROM ${schema}.documents WHERE collection = $1 AND id = $2`, [
          collection,
          id,
        ]),
      );
      return (found.rows[0]?.doc as T | undefined) ?? null;
    },

    async getMany<T = Record<string, unknown>>(collection: string, ids: string[]) {
      const found = new Map<string, T>();
      if (ids.length === 0) return found;
      const rows = await onServer((client) =>
        client.query(
          `SELECT id, doc FROM ${schema}.documents WHERE collection = $1 AND id = ANY($2::text[])`,
          [collection, [...new Set(ids)]],
        ),
      );
      for (const row of rows.rows as { id: string; doc: T }[]) found.set(row.id, row.doc);
      return found;
    },

    async find<T = Record<string, unknown>>(collection: string, query: FindQuery = {}) {
      const { offset = 0, limit } = query;
      assertCount('offset', offset);
      assertCount('limit', limit);
      const { page, count } = findSql(schema, collection, query);
      return onServer(async (client) => {
        const rows = (await client.query(page.text, page.values)).rows as { doc: T }[];
        const items = rows.map((row) => row.doc);
        // A first page that is not full already holds every match: no need to count.
        const complete =
          offset === 0 && !query.after && (limit === undefined || rows.length < limit);
        if (complete || query.count === false) return { items, total: offset + rows.length };
        const counted = await client.query(count.text, count.values);
        return { items, total: Number((counted.rows[0] as { total: string }).total) };
      });
    },

    getCheckpoint: (projectorId: string) =>
      onServer((client) => readCheckpoint(client, schema, projectorId)),

    async commit(
      projectorId: string,
      changes: DocumentChange[],
      checkpoint: CheckpointCommit,
      versions: readonly DocumentVersion[] = [],
    ) {
      assertPosition('from', checkpoint.from);
      assertPosition('to', checkpoint.to);
      assertTerm(checkpoint.term);
      const writes = plannedWrites(changes, versions);
      await onServer((client) =>
        commitInTransaction(client, schema, projectorId, checkpoint, writes),
      );
    },

    /** Each id's last version on or before `day`, gone ones left out: one backward index scan. */
    async versionsAsOf<T = Record<string, unknown>>(collection: string, day: string) {
      const found = await onServer((client) =>
        client.query(
          `SELECT doc FROM (
             SELECT DISTINCT ON (id) doc FROM ${schema}.versions
             WHERE collection = $1 AND day <= $2
             ORDER BY id DESC, day DESC
           ) AS latest WHERE doc IS NOT NULL`,
          [collection, day],
        ),
      );
      return (found.rows as { doc: T }[]).map((row) => row.doc);
    },

    ensureIndex: (collection: string, field: string) =>
      onServer((client) => ensureFieldIndex(client, schema, collection, field)),

    /** Removes every document, version and checkpoint at once (read models are rebuildable). */
    async reset() {
      await onServer((client) =>
        client.query(`TRUNCATE ${schema}.documents, ${schema}.versions, ${schema}.checkpoints`),
      );
    },

    async ping() {
      await onServer((client) => client.query('SELECT 1'));
    },

    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
