import { decodeKeyCursor, encodeKeyCursor } from '../../../contracts/cursor.ts';
import type { RowList } from './rope.ts';

/** A sort direction. */
export type Direction = 'asc' | 'desc';

/** A sort a user asked for: one of the board's keys, and a direction. */
export interface SortArgs<F extends string> {
  field: F;
  direction: Direction;
}

/** Which page of a board: at most `first` rows after the cursor `after`. */
export interface PageArgs {
  first: number;
  /** A cursor returned by an earlier page of the same board and filters. */
  after?: string | null | undefined;
}

/** Where a page stands: cursors of its first and last rows, and whether there are more either side. */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** One page of a board's rows. */
export interface Page<T> {
  nodes: T[];
  /** Each node's cursor, in the order of `nodes`: the edges the gateway answers. */
  cursors: string[];
  /** Rows matching the filters, regardless of paging. */
  totalCount: number;
  pageInfo: PageInfo;
}

/** The value a row is sorted by. */
export type Key = number | string | null;

/** Nulls last whichever the direction: a row without the value is never the "top" one. */
const compareKeys = (a: Key, b: Key, direction: Direction): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return direction === 'asc' ? order : -order;
};

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Rows sorted by `key` in `direction`, ties broken by `id` ascending so that
 * pages are stable. Returns a new array.
 */
export const sortRows = <T>(
  rows: Iterable<T>,
  key: (row: T) => Key,
  direction: Direction,
  id: (row: T) => string,
): T[] => [...rows].sort((a, b) => compareRows(a, b, key, direction, id));

/** The order `sortRows` sorts in: by key in `direction` (nulls last), ties by id ascending. */
export const compareRows = <T>(
  a: T,
  b: T,
  key: (row: T) => Key,
  direction: Direction,
  id: (row: T) => string,
): number => compareKeys(key(a), key(b), direction) || compareIds(id(a), id(b));

/** How rows are sorted: the order's name (field and direction), each row's key and id. */
export interface Sorted<T> {
  name: string;
  key: (row: T) => Key;
  direction: Direction;
  id: (row: T) => string;
}

/** The sort of `args` (the board's default when none is asked) as `Sorted`. */
export const sortedBy = <T, F extends string>(
  sort: SortArgs<F>,
  order: RowOrder<T, F>,
): Sorted<T> => ({
  name: `${sort.field}:${sort.direction}`,
  key: order.key(sort.field),
  direction: sort.direction,
  id: order.id,
});

/**
 * The index of the first row after the one a cursor names, by binary search:
 * a row that has changed or gone since still marks its place in the order.
 */
const indexAfter = <T>(rows: RowList<T>, cursor: string, sorted: Sorted<T>): number => {
  const at = decodeKeyCursor(cursor, sorted.name, 'after', 'sort');
  const value = at.value === true || at.value === false ? null : at.value;
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const row = rows.at(middle) as T;
    const order =
      compareKeys(sorted.key(row), value, sorted.direction) || compareIds(sorted.id(row), at.id);
    if (order <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The cursor of `row`: its key and id in the order, opaque to clients. */
const cursorOf = <T>(row: T, sorted: Sorted<T>): string =>
  encodeKeyCursor({ field: sorted.name, value: sorted.key(row), id: sorted.id(row) });

/**
 * One page of rows already filtered and sorted as `sorted` says. Cursors name
 * a row by its key and id (keyset), so a page after a cursor starts where that
 * row stands now, found by binary search: rows added or removed before it do
 * not shift the next page.
 */
export const pageOf = <T>(rows: RowList<T>, args: PageArgs, sorted: Sorted<T>): Page<T> =>
  pageFrom(rows, args.after ? indexAfter(rows, args.after, sorted) : 0, args.first, (row) =>
    cursorOf(row, sorted),
  );

/** At most `first` rows from index `start`, with their cursors and whether more lie either side. */
export const pageFrom = <T>(
  rows: RowList<T>,
  start: number,
  first: number,
  cursorOf: (row: T, index: number) => string,
): Page<T> => {
  const nodes = rows.slice(start, start + first);
  const cursors = nodes.map((node, index) => cursorOf(node, start + index));
  return {
    nodes,
    cursors,
    totalCount: rows.length,
    pageInfo: {
      hasNextPage: start + nodes.length < rows.length,
      hasPreviousPage: start > 0,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
  };
};

/** A page of a board sorted on one of its fields `F` (the board's default when none is asked). */
export interface SortedPageArgs<F extends string> extends PageArgs {
  sort?: SortArgs<F> | null | undefined;
}

/** How a board orders its rows: its default sort, the key of each field, the id breaking ties. */
export interface RowOrder<T, F extends string> {
  defaultSort: SortArgs<F>;
  key: (field: F) => (row: T) => Key;
  id: (row: T) => string;
}

/** One page of `rows` (already filtered), in the order asked or the board's default. */
export const sortedPage = <T, F extends string>(
  rows: Iterable<T>,
  args: SortedPageArgs<F>,
  order: RowOrder<T, F>,
): Page<T> => {
  const sort = args.sort ?? order.defaultSort;
  const sorted = sortedBy(sort, order);
  return pageOf(sortRows(rows, sorted.key, sort.direction, sorted.id), args, sorted);
};
