import type { ProgressPoint } from './forecast.ts';
import { roundPoints } from './points.ts';

/**
 * Which way a task moved against its expected progress (序时进度) between its
 * last two reports: up when it is catching up, down when it falls further behind.
 */
export type Trend = 'up' | 'flat' | 'down';

/**
 * Up when the gap behind expected progress narrowed (or the lead widened), down
 * when it widened, flat when it held, compared to 2 decimals. Gaps are expected −
 * actual in points, negative when ahead.
 */
export const trend = (previousBehind: number, behind: number): Trend => {
  const change = roundPoints(behind - previousBehind);
  if (change < 0) return 'up';
  if (change > 0) return 'down';
  return 'flat';
};

/**
 * The trend of a task's last two reports (in day order, one a day), each read
 * against the expected progress of its own day by `expectedOn` (the plan as it
 * stands now). Before its first report a task is held level with its plan (no
 * gap), so a first report ahead of 序时进度 is up and one behind it down; no
 * report at all is flat. Comparing the gaps, not the two actuals, keeps a task
 * that reports more each time but less than time asks from showing 上升.
 */
export const reportTrend = (
  reports: readonly ProgressPoint[],
  expectedOn: (day: string) => number,
): Trend => {
  const last = reports.at(-1);
  if (last === undefined) return 'flat';
  const previous = reports.at(-2);
  const gap = (point: ProgressPoint): number => expectedOn(point.day) - point.actual;
  return trend(previous === undefined ? 0 : gap(previous), gap(last));
};
