import { taskDocumentId } from '../events.ts';
import type { Projection } from '../projection.ts';
import { eventsReadBy } from '../readers.ts';
import type { ClockAgendaItem } from './document.ts';
import { clockAgendaCollection } from './document.ts';
import { evolveClockAgenda } from './evolve.ts';

export type {
  AgendaBlockage,
  AgendaLight,
  AgendaMilestone,
  AgendaNotice,
  AgendaReporting,
  AgendaSigning,
  AgendaUrge,
  ClockAgendaItem,
} from './document.ts';
export { clockAgendaCollection } from './document.ts';

/**
 * The clock's agenda (collection `clock_agenda`, id = taskId): per task its
 * milestones' due dates and the facts already recorded for them, its blockages'
 * waiting days and levels, and whether the task is suspended or terminated.
 */
export const clockAgendaProjection: Projection<ClockAgendaItem> = {
  name: 'clock-agenda',
  collection: clockAgendaCollection,
  handles: eventsReadBy('clockAgenda'),
  documentId: taskDocumentId,
  evolve: evolveClockAgenda,
};
