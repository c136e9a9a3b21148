import { onServerOf, openPool, postgresTarget } from '../../infra/postgres/connection.ts';
import { postgresTestUrl, rawClient } from '../support/postgres.ts';

describe('a PostgreSQL connection the server ends while a call holds it', () => {
  it('fails that call with UNAVAILABLE, and the process goes on', async () => {
    const pool = openPool(postgresTarget(postgresTestUrl).connectionString, 'dubanju-test-ended');
    const onServer = onServerOf(pool, 'the test store');
    const admin = await rawClient();
    try {
      const call = onServer(async (client) => {
        const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
        // An administrator (or a restart) ends this backend while the call holds it.
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        // The server's farewell arrives between two queries, with none running.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await client.query('SELECT 1');
      });
      await expect(call).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      // The pool hands out a working connection afterwards.
      const answer = await onServer(async (client) => (await client.query('SELECT 1 AS one')).rows);
      expect(answer).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
      await pool.end();
    }
  });
});
