import type { TaskKind } from '../../contracts/events/matter-sources.ts';
import type { LifecycleChange } from '../../contracts/events/task-events.ts';
import type { CompletionFact, TaskStatus } from '../../domain/progress.ts';
import type { SubTaskShare } from '../sub-tasks.ts';

/**
 * What the list keeps of one milestone so that it can recompute the weighted
 * progress, the status and the overdue count; a flat row cannot derive them
 * from counts alone.
 */
export type MilestoneShare = {
  id: string;
  weight: number;
  percent: number;
  reported: boolean;
  completed: boolean;
  /** The current due date, after any extension approved. */
  dueDate: string;
  /** Due dates the clock recorded this milestone overdue for. */
  overdueFor: string[];
};

/**
 * One row of the task list (collection `task_list`, id = taskId): flat fields to
 * filter and sort on. A type alias, so it is a `Record<string, unknown>`.
 */
export type TaskListItem = {
  id: string;
  position: number;
  title: string;
  section: string | null;
  /**
   * The plan's task or a matter's kind (事项来源); absent on rows projected before
   * matters, which are the plan's (the list's kind filter reads absent as annual_plan).
   */
  kind?: TaskKind;
  /**
   * `<kind>|<dueDate>`: the list of one kind by due date is one range of one
   * index (a kind's few matters are not found by walking every task's due date).
   * Absent on rows projected before matters.
   */
  kindDueDate?: string;
  status: TaskStatus;
  progress: number;
  /** The current lead unit: after a transfer the new one, after a return none. */
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  responsibleLeader: string | null;
  /** The lead unit that asked to return the task (退回), until the office rules; else null. */
  returnRequestedBy: string | null;
  /** The office's proposal that waits on the responsible leader; else null. */
  proposal: LifecycleChange | null;
  plannedStart: string;
  /** The task's own due date now: as registered, or moved on by a pause or an extension granted. */
  dueDate: string;
  /** The earliest current due date of an open milestone; null when none is open. */
  nextDueDate: string | null;
  milestoneCount: number;
  completedMilestones: number;
  /** Open milestones the clock recorded overdue for their current due date. */
  overdueMilestones: number;
  openBlockages: number;
  updatedAt: string;
  /** Bookkeeping for `progress`, `status` and the counts; not meant for display. */
  milestoneShares: MilestoneShare[];
  /** Bookkeeping for `status`: units signed (签收) for the current assignment. */
  signedUnitIds: string[];
  suspended: boolean;
  terminated: boolean;
  completion: CompletionFact;
  /** The task it was split from (分解交办); absent: a task of its own. */
  parentTaskId?: string;
  /** The sub-tasks split from it, oldest split first; absent: none. */
  subTasks?: SubTaskShare[];
};
