import type { ReportingCycle } from '../../contracts/events/task-events.ts';
import { addDays, dayNumber } from '../dates.ts';

/** One period of a reporting cycle (报送周期), its first and last day. */
export type ReportingPeriod = { start: string; end: string };

/** The cycles with periods: `on_milestones` has none. */
export type PeriodicCycle = Exclude<ReportingCycle, 'on_milestones'>;

const pad = (value: number): string => String(value).padStart(2, '0');

/** The first day of the month `months` after `year`-`month` (month 1–12). */
const monthStart = (year: number, month: number, months: number): string => {
  const index = year * 12 + (month - 1) + months;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
};

/**
 * The period of `cycle` that holds `day`: the ISO week (Monday to Sunday), the
 * calendar month, or the quarter (January–March, …).
 */
export const periodOf = (cycle: PeriodicCycle, day: string): ReportingPeriod => {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  switch (cycle) {
    case 'weekly': {
      // 1970-01-01 was a Thursday: day number + 3 counts from a Monday.
      const weekday = (dayNumber('day', day) + 3) % 7;
      const start = addDays(day, -weekday);
      return { start, end: addDays(start, 6) };
    }
    case 'monthly': {
      const start = monthStart(year, month, 0);
      return { start, end: addDays(monthStart(year, month, 1), -1) };
    }
    case 'quarterly': {
      const first = month - ((month - 1) % 3);
      const start = monthStart(year, first, 0);
      return { start, end: addDays(monthStart(year, first, 3), -1) };
    }
    default: {
      const _exhaustive: never = cycle;
      throw new Error(`unknown reporting cycle ${String(_exhaustive)}`);
    }
  }
};

/** The last period of `cycle` closed before `day`: the one before the period holding it. */
export const lastClosedPeriod = (cycle: PeriodicCycle, day: string): ReportingPeriod =>
  periodOf(cycle, addDays(periodOf(cycle, day).start, -1));
