import { isTaskEvent } from '../../../contracts/events/families.ts';
import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import type { BoardTask } from './document.ts';
import { evolveBoardTask } from './evolve.ts';

const handles = [
  'TaskRegistered',
  'TaskAssigned',
  'TaskTransferred',
  'TaskReturned',
  'MilestonePlanned',
  'MilestoneProgressReported',
  'MilestoneCompleted',
  'MilestoneReopened',
  'TaskCompletionReported',
  'TaskCompletionAccepted',
  'TaskCompletionRejected',
  'TaskSuspended',
  'TaskResumed',
  'TaskTerminated',
  'AccountabilityRecorded',
  'TaskUrged',
] as const satisfies readonly TaskEventType[];

/** The boards' task documents: progress, lead moves, completion review, accountability, urges. */
export const boardTaskProjection: Projection<BoardTask> = {
  name: 'board-tasks',
  collection: 'board_tasks',
  handles,
  documentId: ({ event }) => (isTaskEvent(event) ? event.data.taskId : null),
  evolve: evolveBoardTask,
};
