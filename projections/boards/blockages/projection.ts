import type { Projection } from '../../projection.ts';
import { routedByPart } from '../shared.ts';
import type { BoardBlockage } from './document.ts';
import { evolveBoardBlockage } from './evolve.ts';

/** The boards' blockage documents (盯堵点): who waits on whom, since when, how high it went. */
export const boardBlockageProjection: Projection<BoardBlockage> = {
  name: 'board-blockages',
  collection: 'board_blockages',
  temporal: { appendOnly: ['escalations'] },
  ...routedByPart('boardBlockages', 'blockageId'),
  evolve: evolveBoardBlockage,
};
