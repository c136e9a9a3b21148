import { taskEventTypes } from '../../contracts/events/index.ts';
import { taskDocumentId } from '../events.ts';
import type { Projection } from '../projection.ts';
import type { TaskListItem } from './document.ts';
import { evolveTaskListItem } from './evolve.ts';

export type { MilestoneShare, TaskListItem } from './document.ts';

/**
 * The task list: one flat row per task, to filter by section, lead unit and
 * status, and to sort by due date, progress or latest activity.
 */
export const taskListProjection: Projection<TaskListItem> = {
  name: 'task-list',
  collection: 'task_list',
  handles: taskEventTypes,
  documentId: taskDocumentId,
  evolve: evolveTaskListItem,
  // The default order and the latest activity: any page of them costs what the first does.
  // A kind's list by due date: matters are few beside the plan's tasks, and read by kind.
  // A unit's tasks (and its subtree's, an $in of units): found and counted by index, not
  // by every row's lead unit read (on a 10M-event log, unit-1's subtree 337-474 ms before,
  // 17-19 ms after, the count included).
  indexes: ['dueDate', 'updatedAt', 'kindDueDate', 'leadUnitId'],
};
