import { isTaskEvent } from '../../../contracts/events/families.ts';
import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import { partDocumentId } from '../shared.ts';
import type { BoardMilestone } from './document.ts';
import { evolveBoardMilestone } from './evolve.ts';

export type { BoardMilestone, ExtensionEntry } from './document.ts';

const handles = [
  'MilestonePlanned',
  'MilestoneProgressReported',
  'MilestoneCompleted',
  'MilestoneReopened',
  'DeadlineExtensionRequested',
  'DeadlineExtensionApproved',
  'DeadlineExtensionRejected',
  'MilestoneDueSoonReminded',
  'MilestoneOverdue',
] as const satisfies readonly TaskEventType[];

const handled: ReadonlySet<string> = new Set(handles);

/** The boards' milestone documents (盯环节): due dates, completions, extensions. */
export const boardMilestoneProjection: Projection<BoardMilestone> = {
  name: 'board-milestones',
  collection: 'board_milestones',
  handles,
  documentId: ({ event }) =>
    isTaskEvent(event) && handled.has(event.type) && 'milestoneId' in event.data
      ? partDocumentId(event.data.taskId, event.data.milestoneId)
      : null,
  evolve: evolveBoardMilestone,
};
