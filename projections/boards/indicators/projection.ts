import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import { partDocumentIdOf } from '../shared.ts';
import type { BoardIndicator } from './document.ts';
import { evolveBoardIndicator } from './evolve.ts';

const handles = [
  'IndicatorDefined',
  'IndicatorValueReported',
] as const satisfies readonly TaskEventType[];

/** The boards' indicator documents (盯实效): target, latest self-reported and measured values. */
export const boardIndicatorProjection: Projection<BoardIndicator> = {
  name: 'board-indicators',
  collection: 'board_indicators',
  handles,
  documentId: partDocumentIdOf(handles, 'indicatorId'),
  evolve: evolveBoardIndicator,
};
