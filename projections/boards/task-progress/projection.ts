import { taskDocumentId } from '../../events.ts';
import type { Projection } from '../../projection.ts';
import { eventsReadBy } from '../../readers.ts';
import type { BoardTask } from './document.ts';
import { evolveBoardTask } from './evolve.ts';

const handles = eventsReadBy('boardTasks');

/**
 * The boards' task documents: progress, lead moves, completion review,
 * accountability, urges, bonus points.
 */
export const boardTaskProjection: Projection<BoardTask> = {
  name: 'board-tasks',
  collection: 'board_tasks',
  temporal: {
    appendOnly: [
      'reports',
      'moves',
      'rejectedOn',
      'accountability',
      'urges',
      'bonuses',
      'evaluations',
    ],
  },
  handles,
  documentId: taskDocumentId,
  evolve: evolveBoardTask,
};
