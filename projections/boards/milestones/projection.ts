import type { Projection } from '../../projection.ts';
import { routedByPart } from '../shared.ts';
import type { BoardMilestone } from './document.ts';
import { evolveBoardMilestone } from './evolve.ts';

/** The boards' milestone documents (盯环节): due dates, completions, extensions. */
export const boardMilestoneProjection: Projection<BoardMilestone> = {
  name: 'board-milestones',
  collection: 'board_milestones',
  temporal: true,
  ...routedByPart('boardMilestones', 'milestoneId'),
  evolve: evolveBoardMilestone,
};
