import type { PoolClient } from 'pg';
import { inTransaction } from '../../postgres/connection.ts';

/**
 * The rank of each JSON type in the sort order of a field holding several
 * (MongoDB's type order): within a type, numbers compare numerically, strings
 * byte-wise, booleans false first. Null and missing have no rank: they sort
 * apart, first ascending and last descending.
 */
export const KINDS = { number: 1, string: 2, object: 3, array: 4, boolean: 5 } as const;

/** The kind of a non-null filter value. */
export const kindOf = (value: string | number | boolean): number =>
  KINDS[typeof value as 'string' | 'number' | 'boolean'];

/** The composite type a field's value is compared and sorted as. */
export const sortKeyType = (schema: string) => `${schema}.json_sort_key`;

/**
 * The sort key of one JSON value: a row (kind, number, text) whose btree order
 * is the port's, so that one expression serves filters, sorts, keyset pages and
 * an index alike. Text compares byte-wise (COLLATE "C", as SQLite and MongoDB
 * do); a composite compares its NULL fields as equal and greater than any
 * value, so `(kind, NULL, NULL)` bounds a kind from above. JSON null and a
 * missing field give NULL. IMMUTABLE and a plain SQL expression, the planner
 * inlines it, in queries and index definitions alike.
 *
 * The body must never change once indexes are built on it: a new order needs a
 * function of another name.
 */
const sortKeySql = (schema: string) => {
  const type = sortKeyType(schema);
  const row = (kind: number, num: string, str: string) => `ROW(${kind}, ${num}, ${str})::${type}`;
  return `
DO $$ BEGIN
  IF to_regtype('${type}') IS NULL THEN
    CREATE TYPE ${type} AS (kind smallint, num numeric, str text COLLATE "C");
  END IF;
END $$;
CREATE OR REPLACE FUNCTION ${schema}.json_sort_key_of(v jsonb) RETURNS ${type}
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
  SELECT CASE
    WHEN jsonb_typeof(v) = 'number' THEN ${row(KINDS.number, 'v::numeric', 'NULL')}
    WHEN jsonb_typeof(v) = 'string' THEN ${row(KINDS.string, 'NULL', "v #>> '{}'")}
    WHEN jsonb_typeof(v) = 'object' THEN ${row(KINDS.object, 'NULL', 'v::text')}
    WHEN jsonb_typeof(v) = 'array' THEN ${row(KINDS.array, 'NULL', 'v::text')}
    WHEN jsonb_typeof(v) = 'boolean' THEN ${row(KINDS.boolean, 'v::boolean::int', 'NULL')}
  END
$fn$;`;
};

/**
 * Documents by collection and id, the versions kept by day, the checkpoints
 * with the highest lease term each has committed under (a schema made before
 * commits were fenced gets the column).
 * Names and days are compared byte-wise (COLLATE "C"), so ids page in the
 * order the other adapters give them.
 */
const tablesSql = (schema: string) => `
CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.documents (
  collection text  COLLATE "C" NOT NULL,
  id         text  COLLATE "C" NOT NULL,
  doc        jsonb NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE TABLE IF NOT EXISTS ${schema}.versions (
  collection text  COLLATE "C" NOT NULL,
  id         text  COLLATE "C" NOT NULL,
  day        text  COLLATE "C" NOT NULL,
  doc        jsonb,
  UNIQUE (collection, id, day)
);
CREATE TABLE IF NOT EXISTS ${schema}.checkpoints (
  projector_id text   PRIMARY KEY,
  position     bigint NOT NULL CHECK (position >= 0),
  term         bigint
);
ALTER TABLE ${schema}.checkpoints ADD COLUMN IF NOT EXISTS term bigint;`;

/**
 * Creates the schema, tables and sort key when missing. Several nodes may
 * start at once: they take turns under the advisory lock the event store
 * takes for the same schema. A role without the right to create them finds
 * them made by the owner and goes on.
 */
export async function applySchema(client: PoolClient, schema: string): Promise<void> {
  const present = await client.query(
    `SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL
        AND to_regclass($3) IS NOT NULL AND to_regprocedure($4) IS NOT NULL
        AND EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass($3)
                      AND attname = 'term' AND NOT attisdropped) AS ready`,
    [
      `${schema}.documents`,
      `${schema}.versions`,
      `${schema}.checkpoints`,
      `${schema}.json_sort_key_of(jsonb)`,
    ],
  );
  if ((present.rows[0] as { ready: boolean }).ready) return;
  await inTransaction(client, async () => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`dubanju:${schema}`]);
    await client.query(tablesSql(schema));
    await client.query(sortKeySql(schema));
  });
}
