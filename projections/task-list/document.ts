import type { TaskStatus } from '../../services/tasks/domain/progress.ts';

/**
 * What the list keeps of one milestone so that it can recompute the weighted
 * progress and the status; a flat row cannot derive them from counts alone.
 */
export type MilestoneShare = {
  id: string;
  weight: number;
  percent: number;
  reported: boolean;
  completed: boolean;
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
  status: TaskStatus;
  progress: number;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  plannedStart: string;
  dueDate: string;
  milestoneCount: number;
  completedMilestones: number;
  openBlockages: number;
  updatedAt: string;
  /** Bookkeeping for `progress` and `status`; not meant for display. */
  milestoneShares: MilestoneShare[];
};
