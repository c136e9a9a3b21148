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
