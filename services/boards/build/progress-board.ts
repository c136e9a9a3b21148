import type { Light, Trend } from '../../../domain/judgement/index.ts';
import type { TaskCompletion } from '../../../projections/boards/index.ts';
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
import type { TaskFacts } from './task-facts.ts';

/** One task on the progress board (盯进度). */
export interface ProgressRow {
  taskId: string;
  title: string;
  section: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  cooperatingUnitIds: string[];
  responsibleLeader: string | null;
  status: 'active' | 'suspended';
  completion: TaskCompletion;
  plannedStart: string;
  dueDate: string;
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
}

/** What the progress board sorts on (default: furthest behind first). */
export const progressSortFields = [
  'behind',
  'actual',
  'expected',
  'forecast',
  'dueDate',
  'title',
] as const;
/** One of `progressSortFields`. */
export type ProgressSortField = (typeof progressSortFields)[number];

/** Filters of the progress board: each one given narrows it; a page of it. */
export interface ProgressQuery extends PageArgs {
  section?: string | null | undefined;
  /** Tasks the unit leads or co-owns. */
  unitId?: string | null | undefined;
  light?: Light | null | undefined;
  trend?: Trend | null | undefined;
  sort?: SortArgs<ProgressSortField> | null | undefined;
}

/** The progress board of a day: a page of tasks, with the counts by light. */
export interface ProgressBoard extends BoardStamp, Page<ProgressRow> {
  /** Lights of the rows matching every filter but `light`. */
  counts: LightCounts;
}

/** A supervised task as the progress board shows it. */
export const progressRow = (facts: TaskFacts, view: BoardView): ProgressRow => {
  const { task } = facts;
  return {
    taskId: task.id,
    title: task.title,
    section: task.section,
    leadUnitId: task.leadUnitId,
    leadUnitName: view.unitName(task.leadUnitId),
    cooperatingUnitIds: task.cooperatingUnitIds,
    responsibleLeader: task.responsibleLeader,
    status: task.lifecycle === 'suspended' ? 'suspended' : 'active',
    completion: task.completion,
    plannedStart: task.plannedStart,
    dueDate: task.dueDate,
    actual: facts.actual,
    expected: facts.expected,
    behind: facts.behind,
    light: facts.lit,
    reasons: facts.lit === null ? [] : facts.reasons,
    trend: facts.trend,
    previousActual: facts.previousActual,
    forecast: facts.forecast,
    lastReportedOn: task.reports.at(-1)?.day ?? null,
  };
};

const matches = (row: ProgressRow, query: ProgressQuery): boolean =>
  (!query.section || row.section === query.section) &&
  (!query.unitId ||
    row.leadUnitId === query.unitId ||
    row.cooperatingUnitIds.includes(query.unitId)) &&
  (!query.trend || row.trend === query.trend);

const sortKey = (field: ProgressSortField) => (row: ProgressRow) => row[field];

/** The progress board (盯进度): each task's actual vs expected progress, light, trend, forecast. */
export const buildProgressBoard = (input: BoardInput, query: ProgressQuery): ProgressBoard => {
  const view = boardView(input);
  const rows = view.tasks.map((facts) => progressRow(facts, view)).filter((r) => matches(r, query));
  const lit = query.light ? rows.filter((row) => row.light === query.light) : rows;
  const sort = query.sort ?? { field: 'behind', direction: 'desc' };
  const sorted = sortRows(lit, sortKey(sort.field), sort.direction, (row) => row.taskId);
  return {
    ...stampOf(input),
    counts: countLights(rows.map((row) => row.light)),
    ...pageOf(sorted, query),
  };
};
