import { isTaskEvent } from '../../../contracts/events/families.ts';
import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import { partDocumentId } from '../shared.ts';
import type { BoardIndicator } from './document.ts';
import { evolveBoardIndicator } from './evolve.ts';

export type { BoardIndicator, IndicatorValue } from './document.ts';

const handles = [
  'IndicatorDefined',
  'IndicatorValueReported',
] as const satisfies readonly TaskEventType[];

const handled: ReadonlySet<string> = new Set(handles);

/** The boards' indicator documents (盯实效): target, latest self-reported and measured values. */
export const boardIndicatorProjection: Projection<BoardIndicator> = {
  name: 'board-indicators',
  collection: 'board_indicators',
  handles,
  documentId: ({ event }) =>
    isTaskEvent(event) && handled.has(event.type) && 'indicatorId' in event.data
      ? partDocumentId(event.data.taskId, event.data.indicatorId)
      : null,
  evolve: evolveBoardIndicator,
};
