import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { countLights, type LightCounts, type Lit } from './light-counts.ts';
import {
  type Page,
  type PageArgs,
  pageOf,
  type RowOrder,
  type Sorted,
  type SortedPageArgs,
  sortedBy,
  sortRows,
} from './paging.ts';
import type { RowList } from './rope.ts';
import { inSubtree } from './subtrees.ts';

/**
 * What every task board is filtered on (each one given narrows it), and the
 * page asked, sorted on one of its fields `F`.
 */
export interface BoardQuery<F extends string> extends SortedPageArgs<F> {
  /** The plan section of the task. */
  section?: string | null | undefined;
  /** The unit: each board says which part of the task it matches. */
  unitId?: string | null | undefined;
  /** The task's kind: the annual plan's, or a matter's source (事项来源). */
  kind?: TaskKind | null | undefined;
  /** A unit's subtree (itself and the units below it): the task's lead unit is in it. */
  unitSubtree?: string | null | undefined;
}

/** A row of a task's own: its plan section, kind and lead unit. */
type TaskPlaced = { section: string | null; kind: TaskKind; leadUnitId: string | null };

/** The row's task is of the kind asked (when asked). */
export const ofKind = (row: { kind: TaskKind }, query: { kind?: TaskKind | null | undefined }) =>
  !query.kind || row.kind === query.kind;

/**
 * The row's task is in the section asked, of the kind asked and led by the
 * unit asked, and by a unit of the subtree asked (`subtree`, the view's for
 * `query.unitSubtree`), each when asked.
 */
export const inSectionLedBy = (
  row: TaskPlaced,
  query: BoardQuery<string>,
  subtree: ReadonlySet<string> | null = null,
): boolean =>
  (!query.section || row.section === query.section) &&
  ofKind(row, query) &&
  (!query.unitId || row.leadUnitId === query.unitId) &&
  inSubtree(subtree, row.leadUnitId);

/** Whether `query` asks for any filter every task board has (see `inSectionLedBy`). */
export const asksSharedFilter = (query: BoardQuery<string>): boolean =>
  Boolean(query.section || query.unitId || query.kind || query.unitSubtree);

/**
 * The rows `matches` keeps, in their order; `rows` itself when `asked` is
 * false (no filter asked: every row is kept, none is looked at or copied).
 */
export const keptRows = <T>(
  rows: RowList<T>,
  asked: boolean,
  matches: (row: T) => boolean,
): RowList<T> => (asked ? rows.filter(matches) : rows);

/**
 * The rows whose facet (light, state, level) is the one asked, or every row when
 * none is: a board counts its facets over all the rows, then narrows to one.
 */
export const withFacet = <T, V>(
  rows: RowList<T>,
  asked: V | null | undefined,
  facet: (row: T) => V,
): RowList<T> => (asked ? rows.filter((row) => facet(row) === asked) : rows);

/**
 * A board counting its rows by one facet `K` (a light, a state, a level): a page
 * of its rows, and the counts of those matching every filter but the facet.
 */
export interface FacetedBoard<T, K extends string> extends BoardStamp, Page<T> {
  counts: Record<K, number>;
}

/** A board whose rows are lit, counted by light. */
export type LitBoard<T> = FacetedBoard<T, keyof LightCounts>;

/**
 * A lit board of `rows` (those matching every filter but `light`): their lights
 * counted, and a page of those of the light asked.
 */
export const litBoard = <T extends { light: Lit }, F extends string>(
  input: BoardInput,
  rows: readonly T[],
  query: SortedPageArgs<F> & { light?: Lit | undefined },
  order: RowOrder<T, F>,
): LitBoard<T> => {
  const sort = query.sort ?? order.defaultSort;
  const sorted = sortedBy(sort, order);
  return sortedLitBoard(
    input,
    sortRows(rows, sorted.key, sort.direction, sorted.id),
    query,
    sorted,
  );
};

/**
 * `litBoard` of `rows` sorted already (by `sorted`): a page of them as they
 * stand; `counts`, their lights counted already, where the caller keeps them.
 */
export const sortedLitBoard = <T extends { light: Lit }>(
  input: BoardInput,
  rows: RowList<T>,
  query: PageArgs & { light?: Lit | undefined },
  sorted: Sorted<T>,
  counts: LightCounts = countLights(Array.from(rows, (row) => row.light)),
): LitBoard<T> => ({
  ...stampOf(input),
  counts,
  ...pageOf(
    withFacet(rows, query.light, (row) => row.light),
    query,
    sorted,
  ),
});
