import type { IndicatorComparison } from '../../contracts/events/task-events.ts';
import { roundPoints } from './points.ts';

/** How far a value has come towards its target. */
export interface Attainment {
  /** 0–100, to 2 decimals; 100 only when the target is met. */
  percent: number;
  attained: boolean;
}

const clampPercent = (value: number): number => Math.min(100, Math.max(0, value));

/** Values within a millionth of each other are equal: reports are decimal, floats are not. */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

/** Whether the value meets the target, as close as the tolerance allows (a target of 约, about). */
const meets = (
  value: number,
  target: number,
  comparison: IndicatorComparison,
  tolerance: number,
): boolean => {
  switch (comparison) {
    case 'gte':
      return value >= target - tolerance || same(value, target - tolerance);
    case 'lte':
      return value <= target + tolerance || same(value, target + tolerance);
    case 'eq':
      return Math.abs(value - target) <= tolerance || same(Math.abs(value - target), tolerance);
    default: {
      const _exhaustive: never = comparison;
      return false;
    }
  }
};

/** ≥: the share of the way from the baseline (or from 0) up to the target. */
const upTo = (value: number, target: number, baseline: number | null): number => {
  if (baseline !== null && baseline < target)
    return (100 * (value - baseline)) / (target - baseline);
  return target > 0 ? (100 * value) / target : 0;
};

/** ≤: the share of the way from the baseline down to the target; without one, target / value. */
const downTo = (value: number, target: number, baseline: number | null): number => {
  if (baseline !== null && baseline > target)
    return (100 * (baseline - value)) / (baseline - target);
  return value > 0 ? (100 * target) / value : 0;
};

/** =: 100 less the distance from the target, measured against the baseline's (or the target's) distance. */
const closeTo = (value: number, target: number, baseline: number | null): number => {
  const scale = baseline !== null && !same(baseline, target) ? baseline - target : target;
  return scale === 0 ? 0 : 100 * (1 - Math.abs(value - target) / Math.abs(scale));
};

const share = (
  value: number,
  target: number,
  comparison: IndicatorComparison,
  baseline: number | null,
): number => {
  switch (comparison) {
    case 'gte':
      return upTo(value, target, baseline);
    case 'lte':
      return downTo(value, target, baseline);
    case 'eq':
      return closeTo(value, target, baseline);
    default: {
      const _exhaustive: never = comparison;
      return 0;
    }
  }
};

/**
 * Attainment of an indicator (实效): 100 when the value meets the target under
 * its comparison (≥, ≤, =), to within the tolerance of a target the work report
 * gives as 约 (about: 约2.2万平方米 is met by 2.15万 with a tolerance of 500);
 * otherwise the share of the way from the baseline (when given on the right side
 * of the target) to the target, capped to 0–99.99 so that only a met target
 * shows 100.
 */
export const attainment = (
  value: number,
  target: number,
  comparison: IndicatorComparison,
  baseline: number | null,
  tolerance = 0,
): Attainment => {
  if (meets(value, target, comparison, tolerance)) return { percent: 100, attained: true };
  const percent = roundPoints(clampPercent(share(value, target, comparison, baseline)));
  return { percent: Math.min(percent, 99.99), attained: false };
};
