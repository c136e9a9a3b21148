import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, StatementSync } from 'node:sqlite';
import {
  type EmbeddedReadModelStore,
  openEmbeddedReadModelStore,
} from '../../infra/read-model-store/embedded/embedded-read-model-store.ts';
import { narrowMatches } from '../../infra/read-model-store/embedded/narrow-filter.ts';
import type { FindQuery } from '../../infra/read-model-store/port.ts';

type Row = { id: string; unit: string; updatedAt: string };

const root = mkdtempSync(join(tmpdir(), 'read-model-narrow-'));
const path = join(root, 'read-models.sqlite');

// 2,000 rows of one unit, 1,000 spread over 200 others, 4 of a unit of its own.
const rows: Row[] = Array.from({ length: 3004 }, (_, i) => ({
  id: `r${String(i).padStart(5, '0')}`,
  unit: i < 2000 ? 'common' : i < 3000 ? `u${i % 200}` : 'rare',
  updatedAt: `2021-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
}));

const byLatest = (a: Row, b: Row) =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1;
const latestOf = (unit: string) => rows.filter((row) => row.unit === unit).sort(byLatest);
const sorted: FindQuery['sort'] = [{ field: 'updatedAt', direction: 'desc' }];

/** The SQL of the pages `find` reads while `work` runs, and SQLite's plan for each with its values. */
const pagesRead = async (work: () => Promise<unknown>) => {
  const all = jest.spyOn(StatementSync.prototype, 'all');
  try {
    await work();
    const pages = all.mock.contexts.flatMap((statement, i) => {
      const sql = (statement as StatementSync).sourceSQL;
      const read = sql.startsWith('SELECT doc FROM documents') && sql.includes('ORDER BY');
      return read ? [{ sql, values: all.mock.calls[i] as SQLInputValue[] }] : [];
    });
    const reader = new DatabaseSync(path, { readOnly: true });
    try {
      return pages.map(({ sql, values }) => ({
        sql,
        plan: reader
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...values)
          .map((step) => String(step.detail))
          .join('\n'),
      }));
    } finally {
      reader.close();
    }
  } finally {
    all.mockRestore();
  }
};

/** A store opened anew on the file (its indexes found from the file's schema), closed after `work`. */
const withStore = async (work: (store: EmbeddedReadModelStore) => Promise<void>) => {
  const store = openEmbeddedReadModelStore({ path });
  try {
    await work(store);
  } finally {
    await store.close();
  }
};

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a filtered page sorted on another field (embedded store)', () => {
  beforeAll(async () => {
    const store = openEmbeddedReadModelStore({ path });
    await store.ensureIndex('rows', 'unit');
    await store.ensureIndex('rows', 'updatedAt');
    const changes = rows.map((doc) => ({ collection: 'rows', id: doc.id, doc }));
    await store.commit('p', changes, { from: 0, to: 1 });
    await store.close();
  });

  it('is read through the filter’s index where it lets few documents through, pages the same', async () => {
    expect(narrowMatches).toBeLessThan(2000);
    await withStore(async (store) => {
      const expected = latestOf('rare');
      const read = await pagesRead(async () => {
        const first = await store.find<Row>('rows', {
          filter: { unit: 'rare' },
          sort: sorted,
          limit: 3,
        });
        expect(first.items).toEqual(expected.slice(0, 3));
        expect(first.total).toBe(4);
        const last = first.items.at(-1) as Row;
        const next = await store.find<Row>('rows', {
          filter: { unit: { $in: ['rare'] } },
          sort: sorted,
          limit: 3,
          after: { value: last.updatedAt, id: last.id },
        });
        expect(next.items).toEqual(expected.slice(3));
      });
      expect(read).toHaveLength(2);
      for (const page of read) {
        expect(page.sql).toContain("+json_extract(doc, '$.updatedAt')");
        expect(page.plan).toContain('documents.unit.rows');
        expect(page.plan).not.toContain('documents.updatedAt.rows');
      }
    });
  });

  it('walks the sort’s index where the filter lets many through, answering the same', async () => {
    await withStore(async (store) => {
      const read = await pagesRead(async () => {
        const page = await store.find<Row>('rows', {
          filter: { unit: 'common' },
          sort: sorted,
          limit: 5,
        });
        expect(page.items).toEqual(latestOf('common').slice(0, 5));
        expect(page.total).toBe(2000);
      });
      expect(read).toHaveLength(1);
      expect(read[0]?.sql).not.toContain('+json_extract');
      expect(read[0]?.plan).toContain('documents.updatedAt.rows');
    });
  });

  it('leaves a field with no index, or a filter on the sort’s own field, to the planner', async () => {
    await withStore(async (store) => {
      const read = await pagesRead(async () => {
        const plain = await store.find<Row>('rows', {
          filter: { id: 'r03001' },
          sort: sorted,
          limit: 5,
        });
        expect(plain.items.map((row) => row.id)).toEqual(['r03001']);
        const own = await store.find<Row>('rows', {
          filter: { updatedAt: '2021-01-01' },
          sort: sorted,
          limit: 1,
        });
        expect(own.items).toHaveLength(1);
      });
      expect(read.map((page) => page.sql.includes('+json_extract'))).toEqual([false, false]);
    });
  });
});
