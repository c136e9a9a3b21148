import type { Projection } from '../../projection.ts';
import { routedByPart } from '../shared.ts';
import type { BoardIndicator } from './document.ts';
import { evolveBoardIndicator } from './evolve.ts';

/** The boards' indicator documents (盯实效): target, latest self-reported and measured values. */
export const boardIndicatorProjection: Projection<BoardIndicator> = {
  name: 'board-indicators',
  collection: 'board_indicators',
  temporal: true,
  ...routedByPart('boardIndicators', 'indicatorId'),
  evolve: evolveBoardIndicator,
};
