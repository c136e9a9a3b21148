import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { postgresTarget } from '../../infra/postgres/connection.ts';

/**
 * The PostgreSQL server the suites run against for real: this machine's and
 * CI's (127.0.0.1:5432, trust auth, database `test`), or POSTGRES_TEST_URL.
 * A server that cannot be reached fails the suite: it is not skipped.
 */
export const postgresTestUrl = process.env.POSTGRES_TEST_URL ?? 'postgres://127.0.0.1:5432/test';

/** A fresh schema name per test, so suites and runs never share a log. */
export const freshSchema = (prefix = 't') => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** The URL of `schema` on the test server, as EVENT_STORE_URL takes it. */
export const schemaUrl = (schema: string, url = postgresTestUrl) => {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
};

/** A connection of the test's own, beside the adapter's: an operator's tool, a DBA. */
export const rawClient = async (url = postgresTestUrl): Promise<pg.Client> => {
  const client = new pg.Client({ connectionString: postgresTarget(url).connectionString });
  await client.connect();
  return client;
};

/** Drops the schemas a suite or a benchmark made (its own clean-up, as an owner would). */
export const dropSchemas = async (
  schemas: readonly string[],
  url = postgresTestUrl,
): Promise<void> => {
  if (schemas.length === 0) return;
  const client = await rawClient(url);
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
};

/**
 * What every PostgreSQL adapter answers before it holds anything: UNAVAILABLE
 * (retryable) when nothing listens, and a bad schema name refused, named.
 */
export const itRefusesAsEveryPostgresAdapter = (
  open: (connectionString: string) => Promise<unknown>,
) => {
  it('answers UNAVAILABLE, not a crash, when the server cannot be reached', async () => {
    await expect(open('postgres://127.0.0.1:1/test')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('refuses a schema name that is not a plain identifier, naming it', async () => {
    await expect(open(`${postgresTestUrl}?schema=a;drop`)).rejects.toThrow(
      /schema "a;drop": must be a lower-case SQL identifier/,
    );
  });
};
