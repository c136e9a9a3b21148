/**
 * Progress and scores are compared as shown, to 2 decimals, so binary noise
 * (39.9 − 30 = 9.899999999999999) never moves a task across a boundary.
 */
export const roundPoints = (value: number): number => Math.round(value * 100) / 100;

/** `value` held inside [min, max]. */
export const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

/** `12.5 points`, `1 point`. */
export const pointsText = (points: number): string =>
  `${points} ${Math.abs(points) === 1 ? 'point' : 'points'}`;
