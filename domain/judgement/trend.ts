import { roundPoints } from './points.ts';

/** Which way actual progress moved since the previous board. */
export type Trend = 'up' | 'flat' | 'down';

/** Up, flat or down, compared to 2 decimals; pass 0 as `previousActual` when nothing was reported. */
export const trend = (previousActual: number, actual: number): Trend => {
  const change = roundPoints(actual - previousActual);
  if (change > 0) return 'up';
  if (change < 0) return 'down';
  return 'flat';
};
