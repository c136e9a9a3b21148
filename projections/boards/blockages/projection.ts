import { isTaskEvent } from '../../../contracts/events/families.ts';
import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import { partDocumentId } from '../shared.ts';
import type { BoardBlockage } from './document.ts';
import { evolveBoardBlockage } from './evolve.ts';

export type { BoardBlockage, EscalationEntry } from './document.ts';

const handles = [
  'BlockageReported',
  'BlockageResolved',
  'BlockageReopened',
  'BlockageEscalated',
  'BlockageCoordinationAssigned',
] as const satisfies readonly TaskEventType[];

const handled: ReadonlySet<string> = new Set(handles);

/** The boards' blockage documents (盯堵点): who waits on whom, since when, how high it went. */
export const boardBlockageProjection: Projection<BoardBlockage> = {
  name: 'board-blockages',
  collection: 'board_blockages',
  handles,
  documentId: ({ event }) =>
    isTaskEvent(event) && handled.has(event.type) && 'blockageId' in event.data
      ? partDocumentId(event.data.taskId, event.data.blockageId)
      : null,
  evolve: evolveBoardBlockage,
};
