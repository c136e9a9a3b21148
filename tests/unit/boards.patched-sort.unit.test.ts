import fc from 'fast-check';
import { sortRows } from '../../services/boards/build/paging.ts';
import { createPatchedSort, type RowChanges } from '../../services/boards/build/patched-sort.ts';

type Row = { id: string; due: string | null };
const order = {
  key: (row: Row) => row.due,
  direction: 'asc' as const,
  id: (row: Row) => row.id,
};
const sorted = (rows: readonly Row[]) => sortRows(rows, order.key, order.direction, order.id);

/** Rows with unique ids and few distinct keys (ties broken by id), some without one. */
const rowsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 120 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .option(fc.constantFrom('2021-03-31', '2021-06-30', '2021-09-30'), { nil: null })
          .map((due): Row => ({ id: `r${id}`, due })),
      ),
    ),
  );

describe('a sort patched from the last one', () => {
  it('gives what sorting again gives, whatever rows were taken out, put in or replaced', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(fc.nat(), { maxLength: 8 }), (rows, picks) => {
        const sort = createPatchedSort<Row>();
        sort('x', rows, () => null, order);
        // Replace some rows by changed copies, drop one, add one.
        const replaced = new Set(picks.map((pick) => pick % rows.length));
        const next: Row[] = rows.map((row, i) =>
          replaced.has(i) ? { ...row, due: i % 2 === 0 ? '2021-12-31' : null } : row,
        );
        const dropped = next.pop() as Row;
        const extra: Row = { id: 'r-new', due: '2021-06-30' };
        next.push(extra);
        const changes: RowChanges<Row> = {
          removed: rows.filter((row, i) => replaced.has(i) || row === rows.at(-1)),
          added: next.filter((row, i) => replaced.has(i) || row === extra),
        };
        const answered = sort('x', next, () => changes, order);
        expect(dropped).toBeDefined();
        expect([...answered]).toEqual(sorted(next));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts again when the changes are not made against the rows it remembers', () => {
    const sort = createPatchedSort<Row>();
    const a: Row = { id: 'a', due: '2021-01-01' };
    const b: Row = { id: 'b', due: '2021-02-01' };
    const c: Row = { id: 'c', due: '2021-03-01' };
    sort('x', [c, a], () => null, order);
    // Changes told against other rows: b is not among those sorted, so it cannot be taken out.
    const answered = sort('x', [b, c], () => ({ removed: [b], added: [] }), order);
    expect([...answered]).toEqual([b, c]);
  });

  it('keeps each name apart, and answers the same array for the same rows', () => {
    const sort = createPatchedSort<Row>();
    const rows: Row[] = [
      { id: 'b', due: null },
      { id: 'a', due: '2021-05-01' },
    ];
    const first = sort('asc', rows, () => null, order);
    expect(sort('asc', rows, () => null, order)).toBe(first);
    const desc = sort('desc', rows, () => null, { ...order, direction: 'desc' });
    // Nulls last in either direction.
    expect([...desc].map((row) => row.id)).toEqual(['a', 'b']);
    expect([...first].map((row) => row.id)).toEqual(['a', 'b']);
  });
});
