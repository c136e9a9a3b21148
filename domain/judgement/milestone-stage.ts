import type { Ruleset } from '../../contracts/events/index.ts';
import { type Calendars, limitOf } from '../calendar/work-calendar.ts';
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

const done = (milestone: StagedMilestone, limit: string): MilestoneStage => ({
  // On time: completed by the limit of the due date in force then (an extension
  // cannot be approved once completed, so the due date held is that one).
  state:
    milestone.completedOn !== null && milestone.completedOn <= limit ? 'done_on_time' : 'done_late',
  daysLeft: null,
  daysOverdue: 0,
});

/**
 * The stage of a milestone on `day`: done on time or late; for an open one of a
 * suspended task, suspended (its dates do not run); otherwise overdue from the
 * day after its limit (`limitOf`: a due date on a day off runs to the next
 * working day), due soon within the ruleset's yellow window
 * (`lights.yellowDueWithinDays`, the limit included), upcoming before. Days
 * left and overdue are counted to and from the limit.
 */
export const milestoneStage = (
  milestone: StagedMilestone,
  lifecycle: TaskLifecycle,
  day: string,
  ruleset: Ruleset,
  calendars: Calendars,
): MilestoneStage => {
  const limit = limitOf(calendars, milestone.dueDate);
  if (milestone.completed) return done(milestone, limit);
  const daysLeft = daysBetween(day, limit, { from: 'day', to: 'dueDate' });
  const daysOverdue = Math.max(0, -daysLeft);
  if (lifecycle === 'suspended') return { state: 'suspended', daysLeft, daysOverdue: 0 };
  if (daysLeft < 0) return { state: 'overdue', daysLeft, daysOverdue };
  if (daysLeft <= ruleset.lights.yellowDueWithinDays)
    return { state: 'due_soon', daysLeft, daysOverdue };
  return { state: 'upcoming', daysLeft, daysOverdue };
};
