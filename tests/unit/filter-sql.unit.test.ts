import {
  assertFieldName,
  filterToSql,
  sortToSql,
} from '../../infra/read-model-store/embedded/filter-sql.ts';
import { createIndexSql } from '../../infra/read-model-store/embedded/index-sql.ts';
import type { Filter } from '../../infra/read-model-store/port.ts';

describe('translating a read-model filter to SQL', () => {
  it('produces no condition for an empty or missing filter', () => {
    expect(filterToSql(undefined)).toEqual({ sql: '', params: [] });
    expect(filterToSql({})).toEqual({ sql: '', params: [] });
  });

  it('binds every value instead of writing it into the SQL', () => {
    const hostile = "x' OR 1=1 --";
    const { sql, params } = filterToSql({
      a: hostile,
      b: { $ne: hostile },
      c: { $in: [hostile, 2] },
      d: { $gt: hostile, $lte: 9 },
    });
    expect(sql).not.toContain(hostile);
    expect(params).toEqual([hostile, hostile, hostile, 2, hostile, 9]);
  });

  it('reads fields through json_extract with a literal path', () => {
    const { sql } = filterToSql({ status: 'open' });
    expect(sql).toContain(`json_extract(doc, '$.status') = ?`);
  });

  it('tests booleans by JSON type, since json_extract turns them into 1 and 0', () => {
    expect(filterToSql({ urgent: true })).toEqual({
      sql: `json_type(doc, '$.urgent') = 'true'`,
      params: [],
    });
    expect(filterToSql({ urgent: { $gte: false } }).params).toEqual([0]);
  });

  it('matches null or missing fields with IS NULL', () => {
    expect(filterToSql({ a: null }).sql).toBe(`json_extract(doc, '$.a') IS NULL`);
    expect(filterToSql({ a: { $gte: null } }).sql).toBe(`json_extract(doc, '$.a') IS NULL`);
    expect(filterToSql({ a: { $lt: null } }).sql).toBe('0');
  });

  it('turns an empty $in into a condition nothing meets', () => {
    expect(filterToSql({ a: { $in: [] } })).toEqual({ sql: '0', params: [] });
  });

  it('keeps an $in of strings a single IN list', () => {
    const { sql, params } = filterToSql({ a: { $in: ['x', 'y', 'x'] } });
    expect(sql).toBe(`json_type(doc, '$.a') = 'text' AND json_extract(doc, '$.a') IN (?, ?)`);
    expect(params).toEqual(['x', 'y']);
  });

  it('ignores conditions and operators left undefined', () => {
    const filter = { a: undefined, b: { $gte: undefined, $lt: 3 } } as unknown as Filter;
    expect(filterToSql(filter).params).toEqual([3]);
    expect(filterToSql(filter).sql).not.toContain('$.a');
  });

  it('refuses unknown operators and values that are not JSON scalars', () => {
    const bad = [
      { a: { $regex: 'x' } },
      { a: { $in: 'x' } },
      { a: [1, 2] },
      { a: Number.NaN },
      { a: { $gt: Number.POSITIVE_INFINITY } },
      { a: { $eq: { nested: 1 } } },
      { a: { $in: [[1]] } },
    ] as unknown as Filter[];
    for (const filter of bad) expect(() => filterToSql(filter)).toThrow(TypeError);
  });
});

describe('naming read-model fields', () => {
  it('accepts plain top-level names', () => {
    for (const name of ['status', '_id', 'dueAt2', 'A_b']) {
      expect(() => assertFieldName(name)).not.toThrow();
    }
  });

  it('refuses paths, operators, quotes and blanks', () => {
    for (const name of ['a.b', '$where', "a'", '2a', '', 'a b', 'a-b', '状态']) {
      expect(() => assertFieldName(name)).toThrow(TypeError);
      expect(() => filterToSql({ [name]: 1 })).toThrow(TypeError);
    }
  });
});

describe('translating a sort to SQL', () => {
  it('breaks ties by id ascending, with or without sort keys', () => {
    expect(sortToSql(undefined)).toBe('ORDER BY id ASC');
    expect(
      sortToSql([
        { field: 'priority', direction: 'desc' },
        { field: 'title', direction: 'asc' },
      ]),
    ).toBe(
      `ORDER BY json_extract(doc, '$.priority') DESC, json_extract(doc, '$.title') ASC, id ASC`,
    );
  });

  it('refuses unknown directions and bad field names', () => {
    expect(() => sortToSql([{ field: 'a', direction: 'up' as 'asc' }])).toThrow(TypeError);
    expect(() => sortToSql([{ field: 'a;', direction: 'asc' }])).toThrow(TypeError);
  });
});

describe('building an index for a read-model field', () => {
  it('creates a partial index on the collection, the expression the queries use, and the id', () => {
    expect(createIndexSql('tasks', 'status')).toBe(
      `CREATE INDEX IF NOT EXISTS "documents.status.tasks" ON documents ` +
        `(collection, json_extract(doc, '$.status'), id) WHERE collection = 'tasks'`,
    );
  });

  it('quotes collection names and refuses bad field names', () => {
    expect(createIndexSql(`it's "x"`, 'a')).toBe(
      `CREATE INDEX IF NOT EXISTS "documents.a.it's ""x""" ON documents ` +
        `(collection, json_extract(doc, '$.a'), id) WHERE collection = 'it''s "x"'`,
    );
    expect(() => createIndexSql('tasks', 'a.b')).toThrow(TypeError);
    expect(() => createIndexSql('', 'a')).toThrow(TypeError);
  });
});
