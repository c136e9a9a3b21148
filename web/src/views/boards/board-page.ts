import { gql } from '../../core/api.ts';
import { type Child, h, uid } from '../../core/dom.ts';
import { type Column, table } from '../../core/format.ts';
import { type MessageKey, t, tOf } from '../../core/i18n.ts';
import { hrefOf, type Route, submitToAddress } from '../../core/route.ts';
import { exportBoard } from '../../export/board-export.ts';
import { exportButton, printButton } from '../../export/export-button.ts';
import { allSections, allUnits, type UnitName } from '../lookups.ts';

/** A filter of a board: its query variable, its label, and how it is chosen. */
export interface Filter {
  name: string;
  label: MessageKey;
  kind: 'section' | 'unit' | 'choice' | 'date' | 'number' | 'flag';
  /** For `choice`: the enum's values and the message prefix naming them. */
  choices?: readonly string[];
  prefix?: string;
  /** A variable of its own beside `filter` (e.g. `period`), passed as the text typed. */
  topLevel?: boolean;
}

/** One of the five boards (钉钉子): its query, filters, sort fields and columns. */
export interface BoardSpec<Row, Data> {
  path: string;
  title: MessageKey;
  /** How the board's figures are computed, said under its title. */
  help?: MessageKey;
  /**
   * The board's document (from `operations/boards.ts`): the board aliased
   * `board`, its variables `asOf`, `filter`, `orderBy`, `first` and `after`.
   */
  query: string;
  filters: readonly Filter[];
  sortFields: readonly { value: string; label: MessageKey }[];
  defaultSort: string;
  rows: (data: Data) => readonly Row[];
  columns: (lookups: { units: UnitName[]; refresh: () => void }) => Column<Row>[];
  /** What the board shows beside its rows: counts, officials, cycles (once what they name is read). */
  extra?: (data: Data, units: UnitName[]) => Child | Promise<Child>;
}

/** What every board answers besides its rows: its day, rules, total and page. */
export interface BoardPage {
  day: string;
  rulesetVersion: number;
  /** The responsibility board of a settled year (年度结算). */
  settlement?: { period: string; closedOn: string } | null;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const pageSize = 20;

const optionList = (
  values: readonly { value: string; label: string }[],
  selected: string | null,
) => [
  h('option', { value: '' }, t('allOption')),
  values.map((option) =>
    h('option', { value: option.value, selected: option.value === selected }, option.label),
  ),
];

const filterControl = (
  filter: Filter,
  value: string | null,
  lists: { units: UnitName[]; sections: string[] },
): { id: string; control: HTMLElement } => {
  const id = uid(filter.name);
  const common = { id, name: filter.name };
  const select = (options: readonly { value: string; label: string }[]) => ({
    id,
    control: h('select', common, optionList(options, value)),
  });
  switch (filter.kind) {
    case 'section':
      return select(lists.sections.map((name) => ({ value: name, label: name })));
    case 'unit':
      return select(lists.units.map((unit) => ({ value: unit.id, label: unit.name ?? unit.id })));
    case 'choice':
      return select(
        (filter.choices ?? []).map((choice) => ({
          value: choice,
          label: tOf(filter.prefix ?? filter.name, choice),
        })),
      );
    case 'flag':
      return {
        id,
        control: h('input', {
          ...common,
          type: 'checkbox',
          value: 'true',
          checked: value === 'true',
        }),
      };
    case 'date':
    case 'number':
      return {
        id,
        control: h('input', { ...common, type: filter.kind, value: value ?? '', min: 0 }),
      };
    default: {
      const _exhaustive: never = filter.kind;
      throw new Error(`unknown filter ${String(_exhaustive)}`);
    }
  }
};

/** The filter, sort and date form; it moves to a new address, so every view can be linked. */
const filterForm = <Row, Data>(
  spec: BoardSpec<Row, Data>,
  route: Route,
  lists: { units: UnitName[]; sections: string[] },
) => {
  const controls = spec.filters.map((filter) => {
    const { id, control } = filterControl(filter, route.params.get(filter.name), lists);
    return h('div', { class: 'field' }, h('label', { for: id }, t(filter.label)), control);
  });
  const asOfId = uid('as-of');
  const sortId = uid('sort');
  const directionId = uid('direction');
  const sort = route.params.get('sort') ?? spec.defaultSort;
  const direction = route.params.get('direction') ?? 'ASC';
  return h(
    'form',
    {
      class: 'filters',
      'aria-label': t('filters'),
      onsubmit: submitToAddress(`boards/${spec.path}`),
    },
    h(
      'div',
      { class: 'field' },
      h('label', { for: asOfId }, t('asOf')),
      h('input', { id: asOfId, name: 'asOf', type: 'date', value: route.params.get('asOf') ?? '' }),
    ),
    controls,
    h(
      'div',
      { class: 'field' },
      h('label', { for: sortId }, t('sortBy')),
      h(
        'select',
        { id: sortId, name: 'sort' },
        spec.sortFields.map((field) =>
          h('option', { value: field.value, selected: field.value === sort }, t(field.label)),
        ),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: directionId }, t('sortDirection')),
      h(
        'select',
        { id: directionId, name: 'direction' },
        h('option', { value: 'ASC', selected: direction === 'ASC' }, t('ascending')),
        h('option', { value: 'DESC', selected: direction === 'DESC' }, t('descending')),
      ),
    ),
    h('button', { type: 'submit' }, t('apply')),
  );
};

/** The variables of the board's query, from the address. */
const variablesOf = <Row, Data>(spec: BoardSpec<Row, Data>, route: Route) => {
  const filter: Record<string, unknown> = {};
  const own: Record<string, string> = {};
  for (const { name, kind, topLevel } of spec.filters) {
    const value = route.params.get(name);
    if (!value) continue;
    if (topLevel) own[name] = value;
    else
      filter[name] = kind === 'number' ? Number(value) : kind === 'flag' ? value === 'true' : value;
  }
  return {
    ...own,
    asOf: route.params.get('asOf') || null,
    first: pageSize,
    after: route.params.get('after') || null,
    filter,
    orderBy: {
      field: route.params.get('sort') || spec.defaultSort,
      direction: route.params.get('direction') === 'DESC' ? 'DESC' : 'ASC',
    },
  };
};

/** Next and previous pages: the cursors walked so far ride in the address (`trail`). */
const pager = (
  path: string,
  route: Route,
  pageInfo: { hasNextPage: boolean; endCursor: string | null },
) => {
  const trail = (route.params.get('trail') ?? '').split(',').filter(Boolean);
  const params = Object.fromEntries(route.params.entries());
  const previous =
    route.params.get('after') !== null
      ? h(
          'a',
          {
            href: hrefOf(path, {
              ...params,
              after: trail.at(-1) ?? null,
              trail: trail.slice(0, -1).join(','),
            }),
          },
          t('previous'),
        )
      : null;
  const next =
    pageInfo.hasNextPage && pageInfo.endCursor
      ? h(
          'a',
          {
            href: hrefOf(path, {
              ...params,
              after: pageInfo.endCursor,
              trail: [...trail, route.params.get('after') ?? ''].filter(Boolean).join(','),
            }),
          },
          t('next'),
        )
      : null;
  return h('nav', { class: 'pager', 'aria-label': t('next') }, previous, next);
};

/** A board page: filters, sorting and paging in the address, then the rows. */
export const boardView = async <Row, Data extends object>(
  spec: BoardSpec<Row, Data>,
  route: Route,
  refresh: () => void,
): Promise<HTMLElement> => {
  const [units, sections] = await Promise.all([allUnits(), allSections()]);
  const variables = variablesOf(spec, route);
  const { board } = await gql<{ board: Data & BoardPage }>(spec.query, variables);
  const columns = spec.columns({ units, refresh });
  const extra = await spec.extra?.(board, units);
  const tools = h(
    'div',
    { class: 'board-tools' },
    exportButton((progress) =>
      exportBoard({ spec, route, day: board.day, units, columns, variables }, progress),
    ),
    printButton(),
  );
  return h(
    'section',
    { class: 'board', 'data-ready': spec.path, 'data-day': board.day },
    h('h1', { tabindex: '-1' }, t(spec.title)),
    spec.help ? h('p', { class: 'help', 'data-testid': 'board-help' }, t(spec.help)) : null,
    filterForm(spec, route, { units, sections }),
    h(
      'p',
      { class: 'board-day' },
      board.settlement
        ? t('settledDay', {
            period: board.settlement.period,
            day: board.day,
            closedOn: board.settlement.closedOn,
            version: board.rulesetVersion,
          })
        : t('boardDay', { day: board.day, version: board.rulesetVersion }),
      ' · ',
      t('pageOf', { total: board.totalCount }),
    ),
    tools,
    extra,
    table(t(spec.title), columns, spec.rows(board)),
    pager(`boards/${spec.path}`, route, board.pageInfo),
  );
};
