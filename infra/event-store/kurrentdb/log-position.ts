/**
 * A place in KurrentDB's transaction log, as `$all` reports it. Positions grow
 * along `$all` but with gaps (they are byte offsets), so the port's numbering
 * 1, 2, 3, … is kept apart from them (see `LogIndex`).
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

/** Orders two log positions: negative, zero or positive, like a sort comparator. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `position` strictly after `after`; anything is after the start of the log (undefined). */
export function isAfter(position: LogPosition, after: LogPosition | undefined): boolean {
  return after === undefined || comparePositions(position, after) > 0;
}
