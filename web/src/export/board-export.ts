import { gql } from '../core/api.ts';
import type { Column } from '../core/format.ts';
import { t, tOf } from '../core/i18n.ts';
import type { Route } from '../core/route.ts';
import type { BoardPage, BoardSpec, Filter } from '../views/boards/board-page.ts';
import { type UnitName, unitName } from '../views/lookups.ts';
import { exportRows } from './table-export.ts';

/** The most rows a board gives in one page. */
const exportPageSize = 200;

/**
 * Every row of a board under the same filters, order and day, walking its pages
 * by `after` until the last; `progress` hears the rows so far and the total.
 */
export const allBoardRows = async <Row, Data>(
  spec: BoardSpec<Row, Data>,
  variables: Record<string, unknown>,
  progress: (done: number, total: number) => void,
): Promise<Row[]> => {
  const rows: Row[] = [];
  let after: string | null = null;
  do {
    const { board }: { board: Data & BoardPage } = await gql(spec.query, {
      ...variables,
      first: exportPageSize,
      after,
    });
    rows.push(...spec.rows(board));
    progress(rows.length, board.totalCount);
    after = board.pageInfo.hasNextPage ? board.pageInfo.endCursor : null;
  } while (after);
  return rows;
};

/** A filter's value in the user's words: a unit's name, an enum's label. */
const shownValue = (filter: Filter, value: string, units: readonly UnitName[]): string => {
  switch (filter.kind) {
    case 'unit':
      return unitName(units, value);
    case 'choice':
      return tOf(filter.prefix ?? filter.name, value);
    case 'flag':
      return value === 'true' ? t('yes') : t('no');
    case 'section':
    case 'date':
    case 'number':
      return value;
    default: {
      const _exhaustive: never = filter.kind;
      throw new Error(`unknown filter ${String(_exhaustive)}`);
    }
  }
};

/** The filters set in the address, as `label = value` each. */
export const filterWords = (
  filters: readonly Filter[],
  params: URLSearchParams,
  units: readonly UnitName[],
): string[] =>
  filters.flatMap((filter) => {
    const value = params.get(filter.name);
    return value ? [`${t(filter.label)} = ${shownValue(filter, value, units)}`] : [];
  });

/** The board's day, filters and order, as the export's title rows state them. */
const conditionsOf = <Row, Data>(
  spec: BoardSpec<Row, Data>,
  route: Route,
  day: string,
  units: readonly UnitName[],
  orderBy: { field: string; direction: string },
): string[] => {
  const filters = filterWords(spec.filters, route.params, units);
  const field = spec.sortFields.find((sort) => sort.value === orderBy.field);
  return [
    t('exportAsOf', { day }),
    filters.length > 0 ? t('exportFilters', { filters: filters.join('；') }) : t('exportNoFilter'),
    t('exportSort', {
      field: field ? t(field.label) : orderBy.field,
      direction: t(orderBy.direction === 'DESC' ? 'descending' : 'ascending'),
    }),
  ];
};

/**
 * Exports a board as on screen: the same columns, filters and order, and the day
 * the screen shows (`day`, fixed so a page asked after midnight stays on it), all
 * pages.
 */
export const exportBoard = async <Row, Data>(
  board: {
    spec: BoardSpec<Row, Data>;
    route: Route;
    day: string;
    units: readonly UnitName[];
    columns: readonly Column<Row>[];
    variables: Record<string, unknown> & { orderBy: { field: string; direction: string } };
  },
  progress: (done: number, total: number) => void,
): Promise<number> => {
  const { spec, day, variables } = board;
  // A settlement is of its period's last day already: it takes no day besides.
  const asOf = variables.period ? null : day;
  const rows = await allBoardRows(spec, { ...variables, asOf }, progress);
  const title = t(spec.title);
  return exportRows({
    title,
    conditions: conditionsOf(spec, board.route, day, board.units, variables.orderBy),
    columns: board.columns,
    rows,
    fileName: `${title}-${day}`,
  });
};
