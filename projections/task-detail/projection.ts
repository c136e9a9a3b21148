import { taskEventTypes } from '../../contracts/events/index.ts';
import { taskDocumentId } from '../events.ts';
import type { Projection } from '../projection.ts';
import type { TaskDetail } from './document.ts';
import { evolveTaskDetail } from './evolve.ts';

export type * from './document.ts';

/**
 * The task page: one document per task with its whole supervision year —
 * milestones, blockages, signatures and handovers, extensions, indicators,
 * notices, instructions, accountability, completion and suspension. Stored,
 * its lists that grow long go to chunks of their own (`chunkedReadModelStore`),
 * so a task with years of records never outgrows a document.
 */
export const taskDetailProjection: Projection<TaskDetail> = {
  name: 'task-detail',
  collection: 'tasks',
  handles: taskEventTypes,
  documentId: taskDocumentId,
  evolve: evolveTaskDetail,
};
