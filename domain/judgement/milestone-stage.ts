import type { Ruleset } from '../../contracts/events/index.ts';
import { daysBetween } from '../dates.ts';
import type { TaskLifecycle } from '../progress.ts';

/** Where a milestone (环节) stands on a day. */
export const milestoneStates = [
  'upcoming',
  'due_soon',
  'overdue',
  'done_on_time',
  'done_late',
  'suspended',
] as const;
/** One of `milestoneStates`. */
export type MilestoneState = (typeof milestoneStates)[number];

/** What a milestone's stage is read from (a board's milestone document is one). */
export interface StagedMilestone {
  /** The due date now: the planned one, or the last extension approved. */
  dueDate: string;
  completed: boolean;
  /** The day of the last completion; null while open. */
  completedOn: string | null;
}

/** A milestone's state on a day, with the days left or overdue. */
export interface MilestoneStage {
  state: MilestoneState;
  /** Days to the due date (0 on it, negative after); null once done. */
  daysLeft: number | null;
  /** Days past the due date while not done; 0 otherwise. */
  daysOverdue: number;
}

const done = (milestone: StagedMilestone): MilestoneStage => ({
  // On time: completed on or before the due date in force then (an extension
  // cannot be approved once completed, so the due date held is that one).
  state:
    milestone.completedOn !== null && milestone.completedOn <= milestone.dueDate
      ? 'done_on_time'
      : 'done_late',
  daysLeft: null,
  daysOverdue: 0,
});

/**
 * The stage of a milestone on `day`: done on time or late; for an open one of a
 * suspended task, suspended (its dates do not run); otherwise overdue from the
 * day after its due date, due soon within the ruleset's yellow window
 * (`lights.yellowDueWithinDays`, the due date included), upcoming before.
 */
export const milestoneStage = (
  milestone: StagedMilestone,
  lifecycle: TaskLifecycle,
  day: string,
  ruleset: Ruleset,
): MilestoneStage => {
  if (milestone.completed) return done(milestone);
  const daysLeft = daysBetween(day, milestone.dueDate, { from: 'day', to: 'dueDate' });
  const daysOverdue = Math.max(0, -daysLeft);
  if (lifecycle === 'suspended') return { state: 'suspended', daysLeft, daysOverdue: 0 };
  if (daysLeft < 0) return { state: 'overdue', daysLeft, daysOverdue };
  if (daysLeft <= ruleset.lights.yellowDueWithinDays)
    return { state: 'due_soon', daysLeft, daysOverdue };
  return { state: 'upcoming', daysLeft, daysOverdue };
};
