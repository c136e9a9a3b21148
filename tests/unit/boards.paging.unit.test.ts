import { DomainError } from '../../contracts/errors.ts';
import { type Page, pageOf, type Sorted, sortRows } from '../../services/boards/build/paging.ts';

type Row = { id: string; due: string | null };

const byDue = (direction: 'asc' | 'desc' = 'asc'): Sorted<Row> => ({
  name: `due:${direction}`,
  key: (row) => row.due,
  direction,
  id: (row) => row.id,
});

const rows = (entries: [string, string | null][]): Row[] =>
  sortRows(
    entries.map(([id, due]) => ({ id, due })),
    (row) => row.due,
    'asc',
    (row) => row.id,
  );

const ids = (page: { nodes: Row[] }) => page.nodes.map((row) => row.id);

const year = rows([
  ['a', '2021-03-31'],
  ['b', '2021-03-31'],
  ['c', '2021-05-31'],
  ['d', null],
  ['e', '2021-01-31'],
]);

describe('a board page after a cursor', () => {
  it('walks every row once, in order, nulls last, ties by id', () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page: Page<Row> = pageOf(year, { first: 2, after }, byDue());
      seen.push(...ids(page));
      expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('starts after the row the cursor names, whatever was added or removed before it', () => {
    const first = pageOf(year, { first: 3 }, byDue());
    expect(ids(first)).toEqual(['e', 'a', 'b']);
    // Two rows sorted before the cursor's row appear, one before it goes.
    const changed = rows([
      ['a', '2021-03-31'],
      ['b', '2021-03-31'],
      ['c', '2021-05-31'],
      ['d', null],
      ['f', '2021-01-01'],
      ['g', '2021-02-01'],
    ]);
    const next = pageOf(changed, { first: 3, after: first.pageInfo.endCursor }, byDue());
    expect(ids(next)).toEqual(['c', 'd']);
    expect(next.pageInfo.hasPreviousPage).toBe(true);
  });

  it('still finds the place of a row that has since gone', () => {
    const first = pageOf(year, { first: 2 }, byDue());
    const without = year.filter((row) => row.id !== 'a');
    const next = pageOf(without, { first: 2, after: first.pageInfo.endCursor }, byDue());
    expect(ids(next)).toEqual(['b', 'c']);
  });

  it('answers the last page at once, and an empty page after it', () => {
    const last = pageOf(
      year,
      { first: 2, after: pageOf(year, { first: 3 }, byDue()).pageInfo.endCursor },
      byDue(),
    );
    expect(ids(last)).toEqual(['c', 'd']);
    expect(last.pageInfo.hasNextPage).toBe(false);
    const after = pageOf(year, { first: 2, after: last.pageInfo.endCursor }, byDue());
    expect(after.nodes).toEqual([]);
    expect(after.pageInfo).toMatchObject({
      startCursor: null,
      endCursor: null,
      hasNextPage: false,
    });
  });

  it('refuses a cursor of another order, or one it did not give, naming after', () => {
    const cursor = pageOf(year, { first: 2 }, byDue()).pageInfo.endCursor;
    const refused = (after: string) => {
      try {
        pageOf(year, { first: 2, after }, byDue('desc'));
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(refused(cursor as string)).toBeInstanceOf(DomainError);
    expect(refused(cursor as string)).toMatchObject({
      details: { field: 'after', rule: 'must be a cursor of a page in the same order (sort)' },
    });
    expect(refused(Buffer.from('o:3').toString('base64url'))).toMatchObject({
      details: { field: 'after', rule: 'must be a cursor returned by an earlier page' },
    });
  });
});
