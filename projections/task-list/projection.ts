import { isTaskEvent } from '../../contracts/events/families.ts';
import { taskEventTypes } from '../../contracts/events/index.ts';
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
  documentId: ({ event }) => (isTaskEvent(event) ? event.data.taskId : null),
  evolve: evolveTaskListItem,
};
