import type { SubTaskEntry } from '../contracts/events/task-events.ts';

/**
 * A sub-task as its parent's documents keep it (分解交办): enough to roll its
 * progress and light up into the parent's, and to name it.
 */
export type SubTaskShare = { taskId: string; unitId: string; title: string; weight: number };

/** The sub-tasks of a split, as the parent's documents keep them. */
export const sharesOf = (subTasks: readonly SubTaskEntry[]): SubTaskShare[] =>
  subTasks.map(({ subTaskId, unitId, title, weight }) => ({
    taskId: subTaskId,
    unitId,
    title,
    weight,
  }));

/** The parent of a task registered as a sub-task, as its documents keep it; nothing otherwise. */
export const parentPart = (parentTaskId: string | undefined): { parentTaskId?: string } =>
  parentTaskId ? { parentTaskId } : {};
