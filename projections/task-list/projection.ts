import type { DomainEvent, TaskEvent } from '../../contracts/events/index.ts';
import { taskEventTypes } from '../../contracts/events/index.ts';
import type { Projection } from '../projection.ts';
import type { TaskListItem } from './document.ts';
import { evolveTaskListItem } from './evolve.ts';

export type { MilestoneShare, TaskListItem } from './document.ts';

const isTaskEvent = (event: DomainEvent): event is TaskEvent =>
  (taskEventTypes as readonly string[]).includes(event.type);

/** The task list: one flat row per task, to filter by unit, status, section and sort by date. */
export const taskListProjection: Projection<TaskListItem> = {
  name: 'task-list',
  collection: 'task_list',
  handles: taskEventTypes,
  documentId: ({ event }) => (isTaskEvent(event) ? event.data.taskId : null),
  evolve: evolveTaskListItem,
};
