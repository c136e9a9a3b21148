import {
  type MilestoneState,
  milestoneStage,
  milestoneStates,
} from '../../../domain/judgement/index.ts';
import type { ExtensionEntry } from '../../../projections/boards/index.ts';
import { type BoardView, boardView } from './board-view.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { type Page, type PageArgs, pageOf, type SortArgs, sortRows } from './paging.ts';

/** One milestone on the stage board (盯环节). */
export interface StageRow {
  /** `taskId/milestoneId`. */
  id: string;
  taskId: string;
  taskTitle: string;
  section: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  milestoneId: string;
  title: string;
  weight: number;
  plannedDueDate: string;
  dueDate: string;
  percent: number;
  state: MilestoneState;
  daysLeft: number | null;
  daysOverdue: number;
  completedOn: string | null;
  remindedOn: string | null;
  overdueRecordedOn: string | null;
  reopenedCount: number;
  extensions: ExtensionEntry[];
}

/** Deadline extensions asked, and how they were decided. */
export interface ExtensionCounts {
  asked: number;
  granted: number;
  refused: number;
  pending: number;
}

/** What the stage board sorts on (default: due date, earliest first). */
export const stageSortFields = ['dueDate', 'daysOverdue', 'daysLeft', 'percent', 'title'] as const;
/** One of `stageSortFields`. */
export type StageSortField = (typeof stageSortFields)[number];

/** Filters of the stage board: each one given narrows it; a page of it. */
export interface StageQuery extends PageArgs {
  section?: string | null | undefined;
  /** The task's lead unit. */
  unitId?: string | null | undefined;
  taskId?: string | null | undefined;
  state?: MilestoneState | null | undefined;
  /** Due window on the current due date, both days included. */
  dueFrom?: string | null | undefined;
  dueTo?: string | null | undefined;
  /** Only milestones with at least one extension asked. */
  withExtensions?: boolean | null | undefined;
  sort?: SortArgs<StageSortField> | null | undefined;
}

/** The stage board of a day: a page of milestones, with counts per state and of extensions. */
export interface StageBoard extends BoardStamp, Page<StageRow> {
  /** Rows per state, of those matching every filter but `state`. */
  counts: Record<MilestoneState, number>;
  /** Extensions of the rows matching every filter but `state`. */
  extensions: ExtensionCounts;
}

const stageRows = (view: BoardView): StageRow[] =>
  view.tasks.flatMap(({ task, milestones }) =>
    milestones.map((milestone) => ({
      id: milestone.id,
      taskId: task.id,
      taskTitle: task.title,
      section: task.section,
      leadUnitId: task.leadUnitId,
      leadUnitName: view.unitName(task.leadUnitId),
      milestoneId: milestone.milestoneId,
      title: milestone.title,
      weight: milestone.weight,
      plannedDueDate: milestone.plannedDueDate,
      dueDate: milestone.dueDate,
      percent: milestone.percent,
      ...milestoneStage(milestone, task.lifecycle, view.day, view.input.ruleset),
      completedOn: milestone.completedOn,
      remindedOn: milestone.remindedOn,
      overdueRecordedOn: milestone.overdueRecordedOn,
      reopenedCount: milestone.reopenedCount,
      extensions: milestone.extensions,
    })),
  );

const matches = (row: StageRow, query: StageQuery): boolean =>
  (!query.section || row.section === query.section) &&
  (!query.unitId || row.leadUnitId === query.unitId) &&
  (!query.taskId || row.taskId === query.taskId) &&
  (!query.dueFrom || row.dueDate >= query.dueFrom) &&
  (!query.dueTo || row.dueDate <= query.dueTo) &&
  (!query.withExtensions || row.extensions.length > 0);

/** Counts the extensions of `rows`: granted = approved, refused = rejected. */
export const extensionCounts = (rows: readonly StageRow[]): ExtensionCounts => {
  const all = rows.flatMap((row) => row.extensions);
  const count = (status: ExtensionEntry['status']) =>
    all.filter((entry) => entry.status === status).length;
  return {
    asked: all.length,
    granted: count('approved'),
    refused: count('rejected'),
    pending: count('pending'),
  };
};

const stateCounts = (rows: readonly StageRow[]): Record<MilestoneState, number> => {
  const counts = Object.fromEntries(milestoneStates.map((state) => [state, 0]));
  for (const row of rows) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts as Record<MilestoneState, number>;
};

/** The milestones of the supervised tasks, each with its stage on the board's day. */
export const allStageRows = (input: BoardInput): StageRow[] => stageRows(boardView(input));

/**
 * The stage board (盯环节): milestones due soon, overdue, done on time or late,
 * with the extensions asked, granted and refused.
 */
export const buildStageBoard = (input: BoardInput, query: StageQuery): StageBoard => {
  const rows = allStageRows(input).filter((row) => matches(row, query));
  const inState = query.state ? rows.filter((row) => row.state === query.state) : rows;
  const sort = query.sort ?? { field: 'dueDate', direction: 'asc' };
  const key = (row: StageRow) => row[sort.field];
  return {
    ...stampOf(input),
    counts: stateCounts(rows),
    extensions: extensionCounts(rows),
    ...pageOf(
      sortRows(inState, key, sort.direction, (row) => row.id),
      query,
    ),
  };
};
