import type { IndicatorSource } from '../../../contracts/events/task-events.ts';
import { limitOf } from '../../../domain/calendar/work-calendar.ts';
import {
  attainment,
  expectedProgress,
  type Light,
  light,
  roundPoints,
} from '../../../domain/judgement/index.ts';
import type {
  BoardIndicator,
  BoardTask,
  IndicatorValue,
} from '../../../projections/boards/index.ts';
import {
  asksSharedFilter,
  type BoardQuery,
  inSectionLedBy,
  keptRows,
  type LitBoard,
  sortedLitBoard,
} from './board-query.ts';
import { type BoardView, boardView } from './board-view.ts';
import type { BoardInput } from './input.ts';
import { type RowOrder, sortedBy } from './paging.ts';
import { rowsPerTask, sortedViewRows, viewRowLights, viewRows } from './per-task-rows.ts';
import type { SortFieldOf } from './sort-fields.ts';
import { type TaskColumns, taskColumns } from './task-columns.ts';

/** One indicator (实效) on the results board. */
export interface ResultRow extends TaskColumns {
  /** `taskId/indicatorId`. */
  id: string;
  indicatorId: string;
  name: string;
  unitOfMeasure: string;
  target: number;
  comparison: BoardIndicator['comparison'];
  baseline: number | null;
  /** How far from the target a value still meets it (a target of 约); 0: exact. */
  tolerance: number;
  /** Counts: values are whole numbers. */
  wholeNumbers: boolean;
  /** Which of its terms the plan assumed. */
  assumed: NonNullable<BoardIndicator['assumed']>;
  dueDate: string;
  selfReported: IndicatorValue | null;
  measured: IndicatorValue | null;
  /** The value held against the target: the measured one when there is one. */
  value: number | null;
  source: IndicatorSource | null;
  /** Measured − self-reported, when both are known. */
  discrepancy: number | null;
  /** 0–100; null before any value. */
  attainment: number | null;
  attained: boolean;
  /** Expected progress (序时进度) towards the due date, from the task's planned start. */
  expected: number;
  light: Light;
  reasons: string[];
}

/** Filters of the results board (the unit: the task's lead unit); a page of it. */
export interface ResultQuery extends BoardQuery<SortFieldOf<'result'>> {
  light?: Light | null | undefined;
  attained?: boolean | null | undefined;
}

/** The results board of a day: a page of indicators, with the counts by light. */
export type ResultsBoard = LitBoard<ResultRow>;

/** The value that counts: measured wins over self-reported. */
const counted = (indicator: BoardIndicator) =>
  indicator.measured
    ? { held: indicator.measured, source: 'measured' as const }
    : indicator.selfReported
      ? { held: indicator.selfReported, source: 'self_reported' as const }
      : { held: null, source: null };

/** Measured less self-reported; null without both, or when it is no finite number (values stored before the bound). */
const discrepancy = (indicator: BoardIndicator): number | null => {
  if (!indicator.measured || !indicator.selfReported) return null;
  const difference = roundPoints(indicator.measured.value - indicator.selfReported.value);
  return Number.isFinite(difference) ? difference : null;
};

/** Judged like progress: attainment against the share of the time from the task's start to the due date. */
const lightOf = (
  indicator: BoardIndicator,
  task: BoardTask,
  reached: { percent: number; attained: boolean },
  view: BoardView,
) => {
  // A span cannot end before it starts: an indicator due before its task starts is judged from its due date.
  const [start = indicator.dueDate] = [task.plannedStart, indicator.dueDate].sort();
  const expected = expectedProgress(start, indicator.dueDate, view.day);
  const dueDate = limitOf(view.input.calendars, indicator.dueDate);
  const facts = { actual: reached.percent, expected, dueDate, day: view.day };
  return { expected, ...light({ ...facts, done: reached.attained }, view.input.ruleset) };
};

const resultRow = (indicator: BoardIndicator, task: BoardTask, view: BoardView): ResultRow => {
  const { held, source } = counted(indicator);
  const reached = held
    ? attainment(
        held.value,
        indicator.target,
        indicator.comparison,
        indicator.baseline,
        indicator.tolerance ?? 0,
      )
    : null;
  const judged = lightOf(indicator, task, reached ?? { percent: 0, attained: false }, view);
  return {
    id: indicator.id,
    ...taskColumns(task, view),
    indicatorId: indicator.indicatorId,
    name: indicator.name,
    unitOfMeasure: indicator.unitOfMeasure,
    target: indicator.target,
    comparison: indicator.comparison,
    baseline: indicator.baseline,
    tolerance: indicator.tolerance ?? 0,
    wholeNumbers: indicator.wholeNumbers ?? false,
    assumed: indicator.assumed ?? [],
    dueDate: indicator.dueDate,
    selfReported: indicator.selfReported,
    measured: indicator.measured,
    value: held?.value ?? null,
    source,
    discrepancy: discrepancy(indicator),
    attainment: reached?.percent ?? null,
    attained: reached?.attained ?? false,
    expected: judged.expected,
    light: judged.light,
    reasons: judged.reasons,
  };
};

const rowsOfTask = rowsPerTask<ResultRow>(({ task }, view) =>
  (view.indicatorsByTask.get(task.id) ?? []).map((indicator) => resultRow(indicator, task, view)),
);

const none: readonly ResultRow[] = [];

/** Every view's result rows, each task's remembered. */
const resultRows = viewRows((facts, view) => {
  const indicators = view.indicatorsByTask.get(facts.task.id);
  return indicators ? rowsOfTask(facts, view, indicators) : none;
});

/** Every indicator of the supervised tasks, judged on the board's day. */
export const allResultRows = (view: BoardView): ResultRow[] => [...resultRows.all(view)];

const matches = (
  row: ResultRow,
  query: ResultQuery,
  subtree: ReadonlySet<string> | null,
): boolean =>
  inSectionLedBy(row, query, subtree) &&
  (query.attained === null || query.attained === undefined || row.attained === query.attained);

/** Whether `query` asks for a filter `matches` applies: without one, it keeps every row. */
export const asksResultFilter = (query: ResultQuery): boolean =>
  asksSharedFilter(query) || (query.attained !== null && query.attained !== undefined);

const order: RowOrder<ResultRow, SortFieldOf<'result'>> = {
  defaultSort: { field: 'attainment', direction: 'asc' },
  key: (field) => (row) => row[field],
  id: (row) => row.id,
};

/** The lights of a view's every results row. */
const allResultLights = viewRowLights(resultRows);

/** A view's result rows in each order asked. */
const sortedResultRows = sortedViewRows(resultRows, order);

/**
 * The results board (盯实效): each indicator's target against its latest values,
 * self-reported and measured side by side (the measured one counts), its
 * attainment and light.
 */
export const buildResultsBoard = (input: BoardInput, query: ResultQuery): ResultsBoard => {
  // Sorted once per view and order; filtering keeps the order (ties are broken by id).
  const sort = query.sort ?? order.defaultSort;
  const view = boardView(input);
  const subtree = view.subtree(query.unitSubtree);
  const asked = asksResultFilter(query);
  const rows = keptRows(sortedResultRows(view)(sort), asked, (row) => matches(row, query, subtree));
  // Every row kept: their lights are the view's, counted task by task.
  const counts = asked ? undefined : allResultLights(view);
  return sortedLitBoard(input, rows, query, sortedBy(sort, order), counts);
};
