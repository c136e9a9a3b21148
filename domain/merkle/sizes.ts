import { validationError } from '../../contracts/errors.ts';

/**
 * Integer helpers for tree sizes. Plain arithmetic rather than bitwise operators,
 * which truncate to 32 bits: a log may outgrow 2^31 leaves.
 */

/** A power of two and its exponent: the leaf count and level of a perfect subtree. */
export interface PerfectSize {
  size: number;
  level: number;
}

/** The largest power of two ≤ n (n ≥ 1): the first perfect subtree of a range of n leaves. */
export const largestPowerOfTwoAtMost = (n: number): PerfectSize => {
  let size = 1;
  let level = 0;
  while (size * 2 <= n) {
    size *= 2;
    level += 1;
  }
  return { size, level };
};

/** The largest power of two < n (n ≥ 2): RFC 6962's split point k. */
export const splitPoint = (n: number): PerfectSize => largestPowerOfTwoAtMost(n - 1);

export const isPowerOfTwo = (n: number): boolean => n >= 1 && largestPowerOfTwoAtMost(n).size === n;

export const isOdd = (n: number): boolean => n % 2 === 1;

/** n >> 1 without the 32-bit truncation. */
export const half = (n: number): number => Math.floor(n / 2);

/** A leaf index or tree size: a safe non-negative integer. */
export const isCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= 0;

/** Throws a VALIDATION error naming `field` unless `value` is a count within [min, max]. */
export const requireCount = (field: string, value: number, min: number, max: number): void => {
  if (isCount(value) && value >= min && value <= max) return;
  const rule =
    max < min
      ? 'has no valid value in a tree this small'
      : `must be an integer from ${min} to ${max}`;
  throw validationError(field, rule);
};
