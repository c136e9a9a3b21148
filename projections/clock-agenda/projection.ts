import { isTaskEvent } from '../../contracts/events/families.ts';
import type { DomainEventType } from '../../contracts/events/index.ts';
import type { Projection } from '../projection.ts';
import type { ClockAgendaItem } from './document.ts';
import { clockAgendaCollection } from './document.ts';
import { evolveClockAgenda } from './evolve.ts';

export type { AgendaBlockage, AgendaMilestone, ClockAgendaItem } from './document.ts';
export { clockAgendaCollection } from './document.ts';

/** The task events the agenda reads; the projector hands it no others. */
const handles: readonly DomainEventType[] = [
  'TaskRegistered',
  'MilestonePlanned',
  'MilestoneCompleted',
  'MilestoneReopened',
  'DeadlineExtensionApproved',
  'MilestoneDueSoonReminded',
  'MilestoneOverdue',
  'BlockageReported',
  'BlockageResolved',
  'BlockageReopened',
  'BlockageEscalated',
  'TaskSuspended',
  'TaskResumed',
  'TaskTerminated',
];

/**
 * The clock's agenda (collection `clock_agenda`, id = taskId): per task its
 * milestones' due dates and the facts already recorded for them, its blockages'
 * waiting days and levels, and whether the task is suspended or terminated.
 */
export const clockAgendaProjection: Projection<ClockAgendaItem> = {
  name: 'clock-agenda',
  collection: clockAgendaCollection,
  handles,
  documentId: ({ event }) => (isTaskEvent(event) ? event.data.taskId : null),
  evolve: evolveClockAgenda,
};
