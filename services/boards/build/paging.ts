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

/** One page of a board's rows. */
export interface Page<T> {
  nodes: T[];
  /** Rows matching the filters, regardless of paging. */
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
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
      endCursor: nodes.length > 0 ? encodeCursor(offset + nodes.length - 1) : null,
    },
  };
};

/** Counts of green, yellow and red. */
export type LightCounts = { green: number; yellow: number; red: number };

/** No light counted yet. */
export const noLights = (): LightCounts => ({ green: 0, yellow: 0, red: 0 });

/** Counts the lights given; null (unlit) counts as none. */
export const countLights = (lights: readonly (keyof LightCounts | null)[]): LightCounts => {
  const counts = noLights();
  for (const light of lights) if (light !== null) counts[light] += 1;
  return counts;
};
