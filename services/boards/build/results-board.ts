import type { IndicatorSource } from '../../../contracts/events/task-events.ts';
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
import { type BoardView, boardView } from './board-view.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import {
  countLights,
  type LightCounts,
  type Page,
  type PageArgs,
  pageOf,
  type SortArgs,
  sortRows,
} from './paging.ts';

/** One indicator (实效) on the results board. */
export interface ResultRow {
  /** `taskId/indicatorId`. */
  id: string;
  taskId: string;
  taskTitle: string;
  section: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  indicatorId: string;
  name: string;
  unitOfMeasure: string;
  target: number;
  comparison: BoardIndicator['comparison'];
  baseline: number | null;
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

/** What the results board sorts on (default: lowest attainment first). */
export const resultSortFields = ['attainment', 'dueDate', 'name', 'expected'] as const;
/** One of `resultSortFields`. */
export type ResultSortField = (typeof resultSortFields)[number];

/** Filters of the results board: each one given narrows it; a page of it. */
export interface ResultQuery extends PageArgs {
  section?: string | null | undefined;
  /** The task's lead unit. */
  unitId?: string | null | undefined;
  light?: Light | null | undefined;
  attained?: boolean | null | undefined;
  sort?: SortArgs<ResultSortField> | null | undefined;
}

/** The results board of a day: a page of indicators, with the counts by light. */
export interface ResultsBoard extends BoardStamp, Page<ResultRow> {
  /** Lights of the rows matching every filter but `light`. */
  counts: LightCounts;
}

/** The value that counts: measured wins over self-reported. */
const counted = (indicator: BoardIndicator) =>
  indicator.measured
    ? { held: indicator.measured, source: 'measured' as const }
    : indicator.selfReported
      ? { held: indicator.selfReported, source: 'self_reported' as const }
      : { held: null, source: null };

const discrepancy = (indicator: BoardIndicator): number | null =>
  indicator.measured && indicator.selfReported
    ? roundPoints(indicator.measured.value - indicator.selfReported.value)
    : null;

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
  const facts = { actual: reached.percent, expected, dueDate: indicator.dueDate, day: view.day };
  return { expected, ...light({ ...facts, done: reached.attained }, view.input.ruleset) };
};

const resultRow = (indicator: BoardIndicator, task: BoardTask, view: BoardView): ResultRow => {
  const { held, source } = counted(indicator);
  const reached = held
    ? attainment(held.value, indicator.target, indicator.comparison, indicator.baseline)
    : null;
  const judged = lightOf(indicator, task, reached ?? { percent: 0, attained: false }, view);
  return {
    id: indicator.id,
    taskId: task.id,
    taskTitle: task.title,
    section: task.section,
    leadUnitId: task.leadUnitId,
    leadUnitName: view.unitName(task.leadUnitId),
    indicatorId: indicator.indicatorId,
    name: indicator.name,
    unitOfMeasure: indicator.unitOfMeasure,
    target: indicator.target,
    comparison: indicator.comparison,
    baseline: indicator.baseline,
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

/** Every indicator of the supervised tasks, judged on the board's day. */
export const allResultRows = (view: BoardView): ResultRow[] =>
  view.tasks.flatMap(({ task }) =>
    (view.indicatorsByTask.get(task.id) ?? []).map((indicator) => resultRow(indicator, task, view)),
  );

const matches = (row: ResultRow, query: ResultQuery): boolean =>
  (!query.section || row.section === query.section) &&
  (!query.unitId || row.leadUnitId === query.unitId) &&
  (query.attained === null || query.attained === undefined || row.attained === query.attained);

/**
 * The results board (盯实效): each indicator's target against its latest values,
 * self-reported and measured side by side (the measured one counts), its
 * attainment and light.
 */
export const buildResultsBoard = (input: BoardInput, query: ResultQuery): ResultsBoard => {
  const rows = allResultRows(boardView(input)).filter((row) => matches(row, query));
  const lit = query.light ? rows.filter((row) => row.light === query.light) : rows;
  const sort = query.sort ?? { field: 'attainment', direction: 'asc' };
  const key = (row: ResultRow) => row[sort.field];
  return {
    ...stampOf(input),
    counts: countLights(rows.map((row) => row.light)),
    ...pageOf(
      sortRows(lit, key, sort.direction, (row) => row.id),
      query,
    ),
  };
};
