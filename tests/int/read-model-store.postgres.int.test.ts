import type pg from 'pg';
import {
  CheckpointMovedError,
  type ReadModelStore,
  StaleTermError,
} from '../../infra/read-model-store/port.ts';
import { findSql } from '../../infra/read-model-store/postgres/filter-sql.ts';
import { openPostgresReadModelStore } from '../../infra/read-model-store/postgres/postgres-read-model-store.ts';
import { describeReadModelStoreConformance } from '../conformance/read-model-store.conformance.ts';
import {
  dropSchemas,
  freshSchema,
  itRefusesAsEveryPostgresAdapter,
  rawClient,
  schemaUrl,
} from '../support/postgres.ts';

const schemas: string[] = [];
const newSchema = () => {
  const schema = freshSchema('rm');
  schemas.push(schema);
  return schema;
};
const openSchema = (schema: string) =>
  openPostgresReadModelStore({ connectionString: schemaUrl(schema) });

afterAll(() => dropSchemas(schemas));

let lastSchema = '';
describeReadModelStoreConformance('PostgreSQL', {
  async open() {
    lastSchema = newSchema();
    return openSchema(lastSchema);
  },
  async reopen() {
    return openSchema(lastSchema);
  },
});

describe('PostgreSQL read-model store in the database', () => {
  let schema: string;
  let store: ReadModelStore;
  let raw: pg.Client;

  beforeEach(async () => {
    schema = newSchema();
    store = await openSchema(schema);
    raw = await rawClient();
  });

  afterEach(async () => {
    await raw.end();
    await store.close();
  });

  it('indexes a field of a collection once, and walks the index for a keyset page', async () => {
    const docs = Array.from({ length: 5000 }, (_, index) => ({
      collection: 'tasks',
      id: `t${String(index).padStart(5, '0')}`,
      doc: { status: ['open', 'closed', 'overdue'][index % 3], rank: index % 250 },
    }));
    const others = docs.map((change) => ({ ...change, collection: 'other' }));
    await store.commit('p', [...docs, ...others], { from: 0, to: 1 });
    await store.ensureIndex('tasks', 'rank');
    await store.ensureIndex('tasks', 'rank');
    await store.ensureIndex("it's", 'rank');
    await store.ensureIndex('x'.repeat(200), 'rank');
    await store.ensureIndex(`${'x'.repeat(200)}y`, 'rank');
    await expect(store.ensureIndex('tasks', 'a.b')).rejects.toThrow(TypeError);
    await expect(store.ensureIndex('', 'rank')).rejects.toThrow(TypeError);

    const indexes = await raw.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = $1 AND indexdef LIKE '%json_sort_key_of%'`,
      [schema],
    );
    const definitions = indexes.rows.map((row) => String(row.indexdef));
    expect(definitions).toHaveLength(4);
    expect(definitions.filter((sql) => sql.includes("WHERE (collection = 'tasks'::text)"))).toEqual(
      [expect.stringContaining(`(doc -> 'rank'::text)`)],
    );
    expect(definitions.filter((sql) => sql.includes("'it''s'"))).toHaveLength(1);

    await raw.query(`ANALYZE ${schema}.documents`);
    const sort = [{ field: 'rank', direction: 'asc' as const }];
    const after = { value: 120, id: 't00120' };
    const { page } = findSql(schema, 'tasks', { sort, after, limit: 20 });
    const plan = await raw.query(`EXPLAIN ${page.text}`, page.values);
    const text = plan.rows.map((row) => String(row['QUERY PLAN'])).join('\n');
    expect(text).toMatch(/Index Scan using documents_rank_\w+ on documents/);
    expect(text).not.toMatch(/Sort/);
    const found = await store.find('tasks', { sort, after, limit: 20 });
    expect(found.total).toBe(5000);
    // Rank 120 is held by t00120, t00370, … t04870; then come rank 121's.
    const expected = [...docs]
      .sort((a, b) => a.doc.rank - b.doc.rank || (a.id < b.id ? -1 : 1))
      .map((change) => change.doc);
    const start = expected.findIndex((doc) => doc.rank === 120) + 1;
    expect(found.items).toEqual(expected.slice(start, start + 20));
  });

  it('orders and compares strings byte-wise, whatever the database collation', async () => {
    const titles = ['b', 'B', 'a', 'é', 'Z', '督', 'aa', '_'];
    await store.commit(
      'p',
      titles.map((title, index) => ({ collection: 'tasks', id: `t${index}`, doc: { title } })),
      { from: 0, to: 1 },
    );
    const bytes = [...titles].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    const sorted = await store.find<{ title: string }>('tasks', {
      sort: [{ field: 'title', direction: 'asc' }],
    });
    expect(sorted.items.map((doc) => doc.title)).toEqual(bytes);
    const above = await store.find<{ title: string }>('tasks', {
      filter: { title: { $gt: 'Z' } },
      sort: [{ field: 'title', direction: 'asc' }],
    });
    expect(above.items.map((doc) => doc.title)).toEqual(['_', 'a', 'aa', 'b', 'é', '督']);
  });

  it('lets one of two racing commits of a projector through, and the other write nothing', async () => {
    const second = await openSchema(schema);
    try {
      const results = await Promise.allSettled(
        [store, second].map((each, index) =>
          each.commit('p', [{ collection: 'tasks', id: `by-${index}`, doc: { index } }], {
            from: 0,
            to: 1,
          }),
        ),
      );
      const refused = results.filter((result) => result.status === 'rejected');
      expect(refused).toHaveLength(1);
      expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(CheckpointMovedError);
      expect((await store.find('tasks')).total).toBe(1);
      expect(await store.getCheckpoint('p')).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('writes nothing when a document of the batch cannot be serialised', async () => {
    await store.commit('p', [{ collection: 'tasks', id: 'a', doc: { v: 1 } }], { from: 0, to: 1 });
    const commit = store.commit(
      'p',
      [
        { collection: 'tasks', id: 'a', doc: { v: 2 } },
        { collection: 'tasks', id: 'c', doc: { big: 10n } },
      ],
      { from: 1, to: 2 },
    );
    await expect(commit).rejects.toThrow(TypeError);
    expect(await store.get('tasks', 'a')).toEqual({ v: 1 });
    expect(await store.getCheckpoint('p')).toBe(1);
  });

  it('gives a schema made before commits were fenced its term column', async () => {
    await store.commit('p', [], { from: 0, to: 2 });
    await store.close();
    await raw.query(`ALTER TABLE ${schema}.checkpoints DROP COLUMN term`);
    store = await openSchema(schema);
    await store.commit('p', [], { from: 2, to: 3, term: 2 });
    await expect(store.commit('p', [], { from: 3, to: 4, term: 1 })).rejects.toBeInstanceOf(
      StaleTermError,
    );
    expect(await store.getCheckpoint('p')).toBe(3);
  });

  it('gives checkpoints beyond 32 bits back as numbers', async () => {
    await store.commit('p', [], { from: 0, to: 2 ** 40 });
    expect(await store.getCheckpoint('p')).toBe(2 ** 40);
    await expect(store.commit('p', [], { from: 1, to: 2 })).rejects.toMatchObject({
      actual: 2 ** 40,
    });
  });

  itRefusesAsEveryPostgresAdapter((connectionString) =>
    openPostgresReadModelStore({ connectionString }),
  );
});
