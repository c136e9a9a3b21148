import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import { limitOf } from '../../../domain/calendar/work-calendar.ts';
import type { Light, Trend } from '../../../domain/judgement/index.ts';
import type { ExtensionEntry, TaskCompletion } from '../../../projections/boards/index.ts';
import {
  asksSharedFilter,
  type BoardQuery,
  keptRows,
  type LitBoard,
  ofKind,
  sortedLitBoard,
} from './board-query.ts';
import { type BoardView, boardView } from './board-view.ts';
import type { BoardInput } from './input.ts';
import { type RowOrder, sortedBy } from './paging.ts';
import { rowsPerTask, sortedViewRows, viewRowLights, viewRows } from './per-task-rows.ts';
import type { SortFieldOf } from './sort-fields.ts';
import { inSubtree } from './subtrees.ts';
import type { TaskFacts } from './task-facts.ts';
import { boardKindOf } from './task-kind.ts';

/** One task on the progress board (盯进度). */
export interface ProgressRow {
  taskId: string;
  title: string;
  section: string | null;
  /** The annual plan's task, or a matter's source. */
  kind: TaskKind;
  leadUnitId: string | null;
  leadUnitName: string | null;
  cooperatingUnitIds: string[];
  responsibleLeader: string | null;
  status: 'active' | 'suspended';
  completion: TaskCompletion;
  plannedStart: string;
  dueDate: string;
  /** The last day of the task's own limit: the due date, or the first working day after it. */
  limitDate: string;
  actual: number;
  /** Expected progress (序时进度) at the end of the day. */
  expected: number;
  behind: number;
  /** Null while suspended. */
  light: Light | null;
  reasons: string[];
  trend: Trend;
  previousActual: number;
  forecast: number | null;
  lastReportedOn: string | null;
  /** Extensions (延期) asked for the task's own due date, oldest first. */
  extensions: ExtensionEntry[];
}

/** Filters of the progress board (the unit: tasks it leads or co-owns); a page of it. */
export interface ProgressQuery extends BoardQuery<SortFieldOf<'progress'>> {
  light?: Light | null | undefined;
  trend?: Trend | null | undefined;
  /** Only tasks with at least one extension asked for their own due date. */
  withExtensions?: boolean | null | undefined;
}

/** The progress board of a day: a page of tasks, with the counts by light. */
export type ProgressBoard = LitBoard<ProgressRow>;

/** A supervised task as the progress board shows it. */
export const progressRow = (facts: TaskFacts, view: BoardView): ProgressRow => {
  const { task } = facts;
  return {
    taskId: task.id,
    title: task.title,
    section: task.section,
    kind: boardKindOf(task),
    leadUnitId: task.leadUnitId,
    leadUnitName: view.unitName(task.leadUnitId),
    cooperatingUnitIds: task.cooperatingUnitIds,
    responsibleLeader: task.responsibleLeader,
    status: task.lifecycle === 'suspended' ? 'suspended' : 'active',
    completion: task.completion,
    plannedStart: task.plannedStart,
    dueDate: task.dueDate,
    limitDate: limitOf(view.input.calendars, task.dueDate),
    actual: facts.actual,
    expected: facts.expected,
    behind: facts.behind,
    light: facts.lit,
    reasons: facts.lit === null ? [] : facts.reasons,
    trend: facts.trend,
    previousActual: facts.previousActual,
    forecast: facts.forecast,
    lastReportedOn: task.reports.at(-1)?.day ?? null,
    extensions: task.extensions ?? [],
  };
};

/** The task's lead unit or a cooperating unit is in the subtree asked (any, when none is). */
const inSubtreeOf = (row: ProgressRow, subtree: ReadonlySet<string> | null): boolean =>
  subtree === null ||
  [row.leadUnitId, ...row.cooperatingUnitIds].some((unitId) => inSubtree(subtree, unitId));

const matches = (
  row: ProgressRow,
  query: ProgressQuery,
  subtree: ReadonlySet<string> | null,
): boolean =>
  (!query.section || row.section === query.section) &&
  ofKind(row, query) &&
  inSubtreeOf(row, subtree) &&
  (!query.unitId ||
    row.leadUnitId === query.unitId ||
    row.cooperatingUnitIds.includes(query.unitId)) &&
  (!query.trend || row.trend === query.trend) &&
  (!query.withExtensions || row.extensions.length > 0);

/** Whether `query` asks for a filter `matches` applies: without one, it keeps every row. */
export const asksProgressFilter = (query: ProgressQuery): boolean =>
  asksSharedFilter(query) || Boolean(query.trend || query.withExtensions);

const order: RowOrder<ProgressRow, SortFieldOf<'progress'>> = {
  defaultSort: { field: 'behind', direction: 'desc' },
  key: (field) => (row) => row[field],
  id: (row) => row.taskId,
};

/** Every view's progress rows, a task's built once per version of what it is built from. */
const progressRows = viewRows(rowsPerTask((facts, view) => [progressRow(facts, view)]));

/** The lights of a view's every progress row. */
const allProgressLights = viewRowLights(progressRows);

/** A view's progress rows in each order asked. */
const sortedProgressRows = sortedViewRows(progressRows, order);

/** The progress board (盯进度): each task's actual vs expected progress, light, trend, forecast. */
export const buildProgressBoard = (input: BoardInput, query: ProgressQuery): ProgressBoard => {
  // Sorted once per view and order; filtering keeps the order (ties are broken by id).
  const sort = query.sort ?? order.defaultSort;
  const view = boardView(input);
  const subtree = view.subtree(query.unitSubtree);
  const asked = asksProgressFilter(query);
  const rows = keptRows(sortedProgressRows(view)(sort), asked, (row) =>
    matches(row, query, subtree),
  );
  // Every row kept: their lights are the view's, counted task by task.
  const counts = asked ? undefined : allProgressLights(view);
  return sortedLitBoard(input, rows, query, sortedBy(sort, order), counts);
};
