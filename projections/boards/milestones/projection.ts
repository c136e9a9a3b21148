import type { TaskEventType } from '../../../contracts/events/task-events.ts';
import type { Projection } from '../../projection.ts';
import { partDocumentIdOf } from '../shared.ts';
import type { BoardMilestone } from './document.ts';
import { evolveBoardMilestone } from './evolve.ts';

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

/** The boards' milestone documents (盯环节): due dates, completions, extensions. */
export const boardMilestoneProjection: Projection<BoardMilestone> = {
  name: 'board-milestones',
  collection: 'board_milestones',
  handles,
  documentId: partDocumentIdOf(handles, 'milestoneId'),
  evolve: evolveBoardMilestone,
};
