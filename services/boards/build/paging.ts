import { decodeCursor, encodeCursor } from '../../../contracts/cursor.ts';

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
  /** Rows matching the filters, regardless of paging. */
  totalCount: number;
  pageInfo: PageInfo;
}

type Key = number | string | null;

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
  rows: readonly T[],
  key: (row: T) => Key,
  direction: Direction,
  id: (row: T) => string,
): T[] =>
  [...rows].sort((a, b) => compareKeys(key(a), key(b), direction) || compareIds(id(a), id(b)));

/** One page of rows already filtered and sorted; cursors are offsets, opaque to clients. */
export const pageOf = <T>(rows: readonly T[], args: PageArgs): Page<T> => {
  const offset = decodeCursor(args.after);
  const nodes = rows.slice(offset, offset + args.first);
  return {
    nodes,
    totalCount: rows.length,
    pageInfo: {
      hasNextPage: offset + nodes.length < rows.length,
      hasPreviousPage: offset > 0,
      startCursor: nodes.length > 0 ? encodeCursor(offset) : null,
      endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length - 1) : null,
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
  rows: readonly T[],
  args: SortedPageArgs<F>,
  order: RowOrder<T, F>,
): Page<T> => {
  const sort = args.sort ?? order.defaultSort;
  return pageOf(sortRows(rows, order.key(sort.field), sort.direction, order.id), args);
};
