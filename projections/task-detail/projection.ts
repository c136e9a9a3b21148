import type { DomainEvent, TaskEvent } from '../../contracts/events/index.ts';
import { taskEventTypes } from '../../contracts/events/index.ts';
import type { Projection } from '../projection.ts';
import type { TaskDetail } from './document.ts';
import { evolveTaskDetail } from './evolve.ts';

export type { BlockageDetail, MilestoneDetail, TaskDetail } from './document.ts';

const isTaskEvent = (event: DomainEvent): event is TaskEvent =>
  (taskEventTypes as readonly string[]).includes(event.type);

/** The task page: one document per task with its milestones and blockages. */
export const taskDetailProjection: Projection<TaskDetail> = {
  name: 'task-detail',
  collection: 'tasks',
  handles: taskEventTypes,
  documentId: ({ event }) => (isTaskEvent(event) ? event.data.taskId : null),
  evolve: evolveTaskDetail,
};
