import { validationError } from '../../contracts/errors.ts';
import { dayNumber } from '../dates.ts';
import { roundPoints } from './points.ts';

/**
 * Expected progress (序时进度) on `day`, in percent to 2 decimals: the elapsed
 * share of the planned span from `plannedStart` to `dueDate`, both days included.
 * It is taken at the end of `day`, as every board is: the start day counts as one
 * elapsed day (a 10-day span expects 10 on its first day), and the due date as
 * the last, so expected progress is 100 on the due date and after it, 0 before
 * the start.
 */
export const expectedProgress = (plannedStart: string, dueDate: string, day: string): number => {
  const start = dayNumber('plannedStart', plannedStart);
  const due = dayNumber('dueDate', dueDate);
  const today = dayNumber('day', day);
  if (due < start) throw validationError('dueDate', 'must not be before plannedStart');
  if (today < start) return 0;
  if (today >= due) return 100;
  return roundPoints((100 * (today - start + 1)) / (due - start + 1));
};

/** A planned milestone as expected progress reads it: its relative weight and due date. */
export interface PlannedStep {
  weight: number;
  dueDate: string;
}

/**
 * Expected progress (序时进度) on `day` by the task's plan: each milestone's
 * weight is expected done by its due date, linearly from the previous due date
 * (from the planned start, for the first); 100 once the last is due. A task
 * without milestones (or without weight) expects linearly over its whole span
 * (`expectedProgress`). A task that keeps its plan is never behind it. Days as
 * in `expectedProgress`: the end of `day`, the start day one elapsed day.
 */
export const plannedProgress = (
  plannedStart: string,
  dueDate: string,
  day: string,
  steps: readonly PlannedStep[],
): number => {
  const total = steps.reduce((sum, step) => sum + step.weight, 0);
  if (steps.length === 0 || total <= 0) return expectedProgress(plannedStart, dueDate, day);
  const start = dayNumber('plannedStart', plannedStart);
  const today = dayNumber('day', day);
  const ordered = steps
    .map((step) => ({
      due: Math.max(start, dayNumber('dueDate', step.dueDate)),
      weight: step.weight,
    }))
    .sort((a, b) => a.due - b.due);
  let reached = 0;
  // The day before the start: no day of the plan has elapsed yet.
  let from = start - 1;
  for (const step of ordered) {
    const next = reached + (100 * step.weight) / total;
    if (today < step.due) {
      const share = step.due > from ? (today - from) / (step.due - from) : 1;
      return roundPoints(Math.max(0, reached + (next - reached) * Math.max(0, share)));
    }
    reached = next;
    from = step.due;
  }
  return 100;
};
