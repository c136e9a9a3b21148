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

/** The longest a due date on a day off can run to the next working day. */
const maxLimitRunDays = 31;

/**
 * The last day of the milestone's limit as the clock read it from the calendar:
 * on or after the due date, within a month of it. Absent: the due date.
 */
const limitOf = (dueDate: string, limitDate: string | undefined): string => {
  if (limitDate === undefined) return dueDate;
  const run = daysBetween(dueDate, limitDate, { from: 'dueDate', to: 'limitDate' });
  if (run < 0 || run > maxLimitRunDays) {
    throw validationError(
      'limitDate',
      `must be the due date or a day at most ${maxLimitRunDays} days after it`,
    );
  }
  return limitDate;
};

/** The limit, named in the fact only where it differs from the due date. */
const limitNamed = (dueDate: string, limit: string) =>
  limit === dueDate ? {} : { limitDate: limit };

/**
 * The clock asks; the decision records what is true today and nothing else.
 * Due soon: up to the limit, from `leadDays` before it (from the ruleset in
 * force, 3 by default: working days, counted by the clock, when it names the
 * limit), once per milestone and due date, so an extended date is reminded
 * again. Anything else records nothing, so the clock may run any number of times.
 */
export const remindMilestoneDueSoon: OnTask<'RemindMilestoneDueSoon'> = (data, task, context) => {
  const milestone = existingMilestone(task, data.milestoneId);
  const lead = leadDays(data.leadDays);
  const limit = limitOf(milestone.dueDate, data.limitDate);
  const day = today(context);
  const daysLeft = daysBetween(day, limit);
  // Working days before a limit span more calendar days: the clock has counted them.
  const span = data.limitDate === undefined ? lead : maxLeadDays;
  if (clockStopped(task, milestone) || daysLeft < 0 || daysLeft > span) return [];
  if (milestone.remindedFor.has(milestone.dueDate)) return [];
  return recorded('MilestoneDueSoonReminded', task, {
    milestoneId: data.milestoneId,
    dueDate: milestone.dueDate,
    ...limitNamed(milestone.dueDate, limit),
    remindedOn: day,
  });
};

/**
 * Overdue from the day after the limit (China Standard Time), recorded once
 * per milestone and due date; otherwise nothing is recorded (see above).
 */
export const recordMilestoneOverdue: OnTask<'RecordMilestoneOverdue'> = (data, task, context) => {
  const milestone = existingMilestone(task, data.milestoneId);
  const limit = limitOf(milestone.dueDate, data.limitDate);
  const day = today(context);
  if (clockStopped(task, milestone) || day <= limit) return [];
  if (milestone.overdueFor.has(milestone.dueDate)) return [];
  return recorded('MilestoneOverdue', task, {
    milestoneId: data.milestoneId,
    dueDate: milestone.dueDate,
    ...limitNamed(milestone.dueDate, limit),
    recordedOn: day,
  });
};
