import { validationError } from '../../../contracts/errors.ts';
import { daysBetween } from '../../../domain/dates.ts';
import { today } from './calendar.ts';
import { existingMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import type { MilestoneState, RegisteredTask } from './state.ts';

/** A lead time beyond a year reminds of nothing a plan year holds. */
export const maxLeadDays = 366;

const leadDays = (value: number): number => {
  if (!Number.isInteger(value) || value < 0 || value > maxLeadDays) {
    throw validationError('leadDays', `an integer between 0 and ${maxLeadDays}`);
  }
  return value;
};

/** Nothing runs against a suspended task's dates, nor against a completed milestone. */
const clockStopped = (task: RegisteredTask, milestone: MilestoneState): boolean =>
  task.suspended || milestone.completed;

/**
 * The clock asks; the decision records what is true today and nothing else.
 * Due soon: due today or within `leadDays` (from the ruleset in force, 3 by
 * default), once per milestone and due date, so an extended date is reminded
 * again. Anything else records nothing, so the clock may run any number of times.
 */
export const remindMilestoneDueSoon: OnTask<'RemindMilestoneDueSoon'> = (data, task, context) => {
  const milestone = existingMilestone(task, data.milestoneId);
  const lead = leadDays(data.leadDays);
  const day = today(context);
  const daysLeft = daysBetween(day, milestone.dueDate);
  if (clockStopped(task, milestone) || daysLeft < 0 || daysLeft > lead) return [];
  if (milestone.remindedFor.has(milestone.dueDate)) return [];
  return recorded('MilestoneDueSoonReminded', task, {
    milestoneId: data.milestoneId,
    dueDate: milestone.dueDate,
    remindedOn: day,
  });
};

/**
 * Overdue from the day after the due date (China Standard Time), recorded once
 * per milestone and due date; otherwise nothing is recorded (see above).
 */
export const recordMilestoneOverdue: OnTask<'RecordMilestoneOverdue'> = (data, task, context) => {
  const milestone = existingMilestone(task, data.milestoneId);
  const day = today(context);
  if (clockStopped(task, milestone) || day <= milestone.dueDate) return [];
  if (milestone.overdueFor.has(milestone.dueDate)) return [];
  return recorded('MilestoneOverdue', task, {
    milestoneId: data.milestoneId,
    dueDate: milestone.dueDate,
    recordedOn: day,
  });
};
