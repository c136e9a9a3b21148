import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { inTransaction } from '../../postgres/connection.ts';
import { sortKeySql } from './filter-sql.ts';

/**
 * The index name of one field of one collection: readable, and unique by a
 * hash of both, since PostgreSQL cuts names at 63 bytes (two long collection
 * names would otherwise share one).
 */
export function indexName(collection: string, field: string): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([collection, field]))
    .digest('hex')
    .slice(0, 16);
  return `documents_${field.slice(0, 30)}_${hash}`;
}

/**
 * Creates, when missing, the index for one field of one collection: the
 * collection, the same sort key the queries compare (nulls first, as an
 * ascending sort has them), then the id, so that a query on that collection
 * sorted on the field with the id tie-break walks the index and a keyset page
 * seeks into it. Partial (that collection's documents only): a write to
 * another collection does not compute the key. DDL takes no bound parameters:
 * the server quotes the name and the collection (format's %I and %L); the
 * field is checked by `sortKeySql`. Nodes creating it at once take turns
 * under the schema's advisory lock.
 */
export async function ensureFieldIndex(
  client: PoolClient,
  schema: string,
  collection: string,
  field: string,
): Promise<void> {
  if (typeof collection !== 'string' || collection.length === 0 || collection.includes('\0')) {
    throw new TypeError(`read-model collection name ${JSON.stringify(collection)} is not valid`);
  }
  const key = sortKeySql(schema, field);
  const name = indexName(collection, field);
  const exists = async () => {
    const found = await client.query(`SELECT to_regclass(format('%I.%I', $1::text, $2::text))`, [
      schema,
      name,
    ]);
    return (found.rows[0] as { to_regclass: string | null }).to_regclass !== null;
  };
  if (await exists()) return;
  await inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dubanju:${schema}`]);
    if (await exists()) return;
    const ddl = await client.query(
      `SELECT format('CREATE INDEX %I ON %I.documents (collection, %s NULLS FIRST, id) ' ||
                     'WHERE collection = %L', $1::text, $2::text, $3::text, $4::text) AS sql`,
      [name, schema, key, collection],
    );
    await client.query((ddl.rows[0] as { sql: string }).sql);
  });
}
