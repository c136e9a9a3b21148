import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { loadConfig } from '../../infra/config/config.ts';
import { dropSchemas, freshSchema, rawClient, schemaUrl } from '../support/postgres.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const overviewQuery = `query($asOf: Date) { overview(asOf: $asOf, top: 50) {
  totals { green yellow red } sections { section green yellow red suspended total }
  ranking { unitId rank score } series { day green yellow red } } }`;
const progressQuery = `query($asOf: Date) { progressBoard(asOf: $asOf, first: 200) {
  nodes { title light reasons } } }`;
const countQuery = '{ tasks(first: 1) { totalCount } }';

/**
 * An answer as both runs can agree on it: the milestones' findings in a row
 * follow the milestones' ids, which each run draws afresh.
 */
const comparable = (answer: unknown) =>
  JSON.parse(JSON.stringify(answer), (key, value) =>
    key === 'reasons' && Array.isArray(value) ? [...value].sort() : value,
  );

/** The demo year played into a fresh data folder, its events where `env` says. */
const demoSystem = async (env: Record<string, string>): Promise<TestSystem> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-demo-pg-'));
  await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow, ...env }));
  return startTestSystem(
    { CLOCK: demoNow, SUPERVISION_CLOCK_INTERVAL_MS: '0', ...env },
    { dataDir },
  );
};

describe('the demo year with its events and read models in PostgreSQL', () => {
  const schema = freshSchema('demo');
  let embedded: TestSystem;
  let postgres: TestSystem;

  beforeAll(async () => {
    embedded = await demoSystem({});
    // Events, read models (with their kept versions) and leases in one schema.
    postgres = await demoSystem({
      EVENT_STORE_URL: schemaUrl(schema),
      READ_MODEL_STORE_URL: schemaUrl(schema),
    });
  }, 240_000);
  afterAll(async () => {
    await embedded?.stop();
    await postgres?.stop();
    await dropSchemas([schema]);
  });

  it('stores the same number of events and tasks as the embedded store', async () => {
    expect(await postgres.lastPosition()).toBe(await embedded.lastPosition());
    const counts = await Promise.all(
      [embedded, postgres].map(
        async (sys) => (await sys.gql(countQuery, {}, await sys.token('leader'))).data,
      ),
    );
    // The plan's 26 tasks and the demo's 12 assumed matters of other sources (demo/matters.ts).
    expect(counts[0]).toEqual({ tasks: { totalCount: 38 } });
    expect(counts[1]).toEqual(counts[0]);
  });

  it('keeps the read models in PostgreSQL, not in the data folder', async () => {
    expect(existsSync(path.join(postgres.dataDir, 'read-models.sqlite'))).toBe(false);
    expect(existsSync(path.join(postgres.dataDir, 'events.sqlite'))).toBe(false);
    const raw = await rawClient();
    try {
      const counted = await raw.query(
        `SELECT (SELECT count(*) FROM ${schema}.documents) AS documents,
                (SELECT count(*) FROM ${schema}.versions) AS versions,
                (SELECT position FROM ${schema}.checkpoints WHERE projector_id = 'main') AS main`,
      );
      const row = counted.rows[0] as { documents: string; versions: string; main: string };
      expect(Number(row.documents)).toBeGreaterThan(100);
      expect(Number(row.versions)).toBeGreaterThan(100);
      expect(Number(row.main)).toBe(await postgres.lastPosition());
    } finally {
      await raw.end();
    }
  });

  it.each(['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31'])(
    'answers the same overview and progress board on %s',
    async (asOf) => {
      for (const query of [overviewQuery, progressQuery]) {
        const [fromEmbedded, fromPostgres] = await Promise.all(
          [embedded, postgres].map(async (sys) =>
            sys.gql(query, { asOf }, await sys.token('leader')),
          ),
        );
        expect(fromEmbedded?.errors).toBeUndefined();
        expect(comparable(fromPostgres)).toEqual(comparable(fromEmbedded));
      }
    },
  );
});
