import { daysBetween } from '../dates.ts';
import { clamp, roundPoints } from './points.ts';

/** Actual progress as known on a day. */
export interface ProgressPoint {
  day: string;
  actual: number;
}

/** One point per day, the last given for it, in day order. */
const lastPerDay = (points: readonly ProgressPoint[]): ProgressPoint[] => {
  const byDay = new Map<string, ProgressPoint>();
  for (const point of points) byDay.set(point.day, point);
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
};

/**
 * Forecast of attainment at `dueDate` (the year end, for a year's task), in
 * percent to 2 decimals: the recent rate, taken between the last two days with
 * a report, carried on in a straight line from the last report to `dueDate`,
 * capped to 0–100. On or after `dueDate`, or once at 100, the forecast is the
 * last actual. Null when the points show no rate yet (fewer than two days).
 */
export const forecastYearEnd = (
  points: readonly ProgressPoint[],
  dueDate: string,
): number | null => {
  const days = lastPerDay(points);
  const last = days.at(-1);
  if (last === undefined) return null;
  const remaining = daysBetween(last.day, dueDate, { from: 'points.day', to: 'dueDate' });
  if (remaining <= 0 || last.actual >= 100) return roundPoints(clamp(last.actual, 0, 100));
  const previous = days.at(-2);
  if (previous === undefined) return null;
  const span = daysBetween(previous.day, last.day, { from: 'points.day', to: 'points.day' });
  const rate = (last.actual - previous.actual) / span;
  return roundPoints(clamp(last.actual + rate * remaining, 0, 100));
};
