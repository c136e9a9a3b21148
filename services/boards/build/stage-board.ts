import { limitOf } from '../../../domain/calendar/work-calendar.ts';
import {
  type MilestoneState,
  milestoneStage,
  milestoneStates,
} from '../../../domain/judgement/index.ts';
import type { ExtensionEntry } from '../../../projections/boards/index.ts';
import {
  asksSharedFilter,
  type BoardQuery,
  type FacetedBoard,
  inSectionLedBy,
  keptRows,
  withFacet,
} from './board-query.ts';
import { boardView, totalOfView } from './board-view.ts';
import { type BoardInput, stampOf } from './input.ts';
import { pageOf, type RowOrder, sortedBy } from './paging.ts';
import { rowsPerTask, sortedViewRows, viewRows } from './per-task-rows.ts';
import type { SortFieldOf } from './sort-fields.ts';
import { type TaskColumns, taskColumns } from './task-columns.ts';

/** One milestone on the stage board (盯环节). */
export interface StageRow extends TaskColumns {
  /** `taskId/milestoneId`. */
  id: string;
  milestoneId: string;
  title: string;
  weight: number;
  plannedDueDate: string;
  dueDate: string;
  /** The last day of the limit: the due date, or the first working day after it. */
  limitDate: string;
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
  /** Approved by the leader. */
  granted: number;
  /** Declined by the office at its review (初审), or rejected by the leader. */
  refused: number;
  /** Still open: awaiting the office's review or the leader's decision. */
  pending: number;
}

/** Filters of the stage board (the unit: the task's lead unit); a page of it. */
export interface StageQuery extends BoardQuery<SortFieldOf<'stage'>> {
  taskId?: string | null | undefined;
  state?: MilestoneState | null | undefined;
  /** Due window on the current due date, both days included. */
  dueFrom?: string | null | undefined;
  dueTo?: string | null | undefined;
  /** Only milestones with at least one extension asked. */
  withExtensions?: boolean | null | undefined;
}

/** The stage board of a day: a page of milestones counted by state, and the extensions. */
export interface StageBoard extends FacetedBoard<StageRow, MilestoneState> {
  /** Extensions of the rows matching every filter but `state`. */
  extensions: ExtensionCounts;
}

/** A supervised task's milestones as stage rows, built once per version of what they come from. */
export const taskStageRows = rowsPerTask<StageRow>(({ task, milestones }, view) =>
  milestones.map((milestone) => ({
    id: milestone.id,
    ...taskColumns(task, view),
    milestoneId: milestone.milestoneId,
    title: milestone.title,
    weight: milestone.weight,
    plannedDueDate: milestone.plannedDueDate,
    dueDate: milestone.dueDate,
    percent: milestone.percent,
    limitDate: limitOf(view.input.calendars, milestone.dueDate),
    ...milestoneStage(
      milestone,
      task.lifecycle,
      view.day,
      view.input.ruleset,
      view.input.calendars,
    ),
    completedOn: milestone.completedOn,
    remindedOn: milestone.remindedOn,
    overdueRecordedOn: milestone.overdueRecordedOn,
    reopenedCount: milestone.reopenedCount,
    extensions: milestone.extensions,
  })),
);

/** Every view's stage rows, each task's remembered. */
const stageRows = viewRows((facts, view) => taskStageRows(facts, view));

const matches = (row: StageRow, query: StageQuery, subtree: ReadonlySet<string> | null): boolean =>
  inSectionLedBy(row, query, subtree) &&
  (!query.taskId || row.taskId === query.taskId) &&
  (!query.dueFrom || row.dueDate >= query.dueFrom) &&
  (!query.dueTo || row.dueDate <= query.dueTo) &&
  (!query.withExtensions || row.extensions.length > 0);

/** Whether `query` asks for a filter `matches` applies: without one, it keeps every row. */
export const asksStageFilter = (query: StageQuery): boolean =>
  asksSharedFilter(query) ||
  Boolean(query.taskId || query.dueFrom || query.dueTo || query.withExtensions);

/** Counts the extensions of `rows`: granted, refused (by the office or the leader), still open. */
export const extensionCounts = (rows: Iterable<StageRow>): ExtensionCounts => {
  const counts = { asked: 0, granted: 0, refused: 0, pending: 0 };
  // One pass, no list of every extension: a board counts them after every write.
  for (const row of rows) {
    for (const { status } of row.extensions) {
      counts.asked += 1;
      const as = countedAs[status];
      if (as) counts[as] += 1;
    }
  }
  return counts;
};

/** Which count an extension's status adds to (besides `asked`). */
const countedAs: Record<ExtensionEntry['status'], 'granted' | 'refused' | 'pending' | null> = {
  approved: 'granted',
  declined: 'refused',
  rejected: 'refused',
  pending: 'pending',
  forwarded: 'pending',
};

const stateCounts = (rows: Iterable<StageRow>): Record<MilestoneState, number> => {
  const counts = Object.fromEntries(milestoneStates.map((state) => [state, 0]));
  for (const row of rows) counts[row.state] = (counts[row.state] ?? 0) + 1;
  return counts as Record<MilestoneState, number>;
};

type RowCounts = { states: Record<MilestoneState, number>; extensions: ExtensionCounts };

/** Each task's rows counted, once per version of its rows. */
const countedRows = new WeakMap<readonly StageRow[], RowCounts>();

const countsOf = (rows: readonly StageRow[]): RowCounts => {
  let counts = countedRows.get(rows);
  if (counts === undefined) {
    counts = { states: stateCounts(rows), extensions: extensionCounts(rows) };
    countedRows.set(rows, counts);
  }
  return counts;
};

/**
 * Every stage row of a view counted by state and extension, as the sum of each
 * task's counts: after a write only the changed tasks' counts are taken off and added.
 */
const allRowCounts = totalOfView((view) => stageRows.perTaskOf(view), {
  empty: (): RowCounts => ({
    states: stateCounts([]),
    extensions: { asked: 0, granted: 0, refused: 0, pending: 0 },
  }),
  add: (total, rows: readonly StageRow[], sign) => {
    const { states, extensions } = countsOf(rows);
    for (const state of milestoneStates) total.states[state] += sign * states[state];
    total.extensions.asked += sign * extensions.asked;
    total.extensions.granted += sign * extensions.granted;
    total.extensions.refused += sign * extensions.refused;
    total.extensions.pending += sign * extensions.pending;
  },
  copy: (total) => ({ states: { ...total.states }, extensions: { ...total.extensions } }),
});

/** The milestones of the supervised tasks, each with its stage on the board's day. */
export const allStageRows = (input: BoardInput): StageRow[] => [...stageRows.all(boardView(input))];

const order: RowOrder<StageRow, SortFieldOf<'stage'>> = {
  defaultSort: { field: 'dueDate', direction: 'asc' },
  key: (field) => (row) => row[field],
  id: (row) => row.id,
};

/** A view's stage rows in each order asked. */
const sortedStageRows = sortedViewRows(stageRows, order);

/**
 * The stage board (盯环节): milestones due soon, overdue, done on time or late,
 * with the extensions asked, granted and refused.
 */
export const buildStageBoard = (input: BoardInput, query: StageQuery): StageBoard => {
  // Sorted once per view and order; filtering keeps the order (ties are broken by id).
  const sort = query.sort ?? order.defaultSort;
  const view = boardView(input);
  const subtree = view.subtree(query.unitSubtree);
  const rows = keptRows(sortedStageRows(view)(sort), asksStageFilter(query), (row) =>
    matches(row, query, subtree),
  );
  // Every row kept (no filter, or none that left one out): the counts of them all.
  const counted =
    rows.length === stageRows.all(view).length
      ? allRowCounts(view)
      : { states: stateCounts(rows), extensions: extensionCounts(rows) };
  return {
    ...stampOf(input),
    counts: { ...counted.states },
    extensions: { ...counted.extensions },
    ...pageOf(
      withFacet(rows, query.state, (row) => row.state),
      query,
      sortedBy(sort, order),
    ),
  };
};
