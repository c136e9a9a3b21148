import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import { partDocumentIdOf } from '../shared.ts';
import type { BoardBlockage } from './document.ts';
import { evolveBoardBlockage } from './evolve.ts';

const handles = [
  'BlockageReported',
  'BlockageResolved',
  'BlockageReopened',
  'BlockageEscalated',
  'BlockageCoordinationAssigned',
] as const satisfies readonly TaskEventType[];

/** The boards' blockage documents (盯堵点): who waits on whom, since when, how high it went. */
export const boardBlockageProjection: Projection<BoardBlockage> = {
  name: 'board-blockages',
  collection: 'board_blockages',
  handles,
  documentId: partDocumentIdOf(handles, 'blockageId'),
  evolve: evolveBoardBlockage,
};
