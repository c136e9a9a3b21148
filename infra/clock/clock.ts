/**
 * The clock port. Domain code never reads the time itself: the command handler
 * asks the clock and passes the time in. Tests and the demo set the time.
 */
export interface Clock {
  /** Current time as an ISO-8601 timestamp (UTC, `Z`). */
  now(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };

/** A clock that stands still until set or advanced. */
export interface SettableClock extends Clock {
  set(timestamp: string): void;
  advance(milliseconds: number): void;
}

export const settableClock = (start: string): SettableClock => {
  let current = Date.parse(start);
  if (Number.isNaN(current)) throw new Error(`not a timestamp: ${start}`);
  return {
    now: () => new Date(current).toISOString(),
    set: (timestamp) => {
      const next = Date.parse(timestamp);
      if (Number.isNaN(next)) throw new Error(`not a timestamp: ${timestamp}`);
      current = next;
    },
    advance: (milliseconds) => {
      if (!Number.isFinite(milliseconds)) throw new Error(`not a duration: ${milliseconds}`);
      current += milliseconds;
    },
  };
};

/**
 * A clock that starts at `start` and then runs at real speed: the demo's
 * simulated year keeps moving forward between commands.
 */
export const offsetClock = (start: string): Clock => {
  const offset = Date.parse(start) - Date.now();
  if (Number.isNaN(offset)) throw new Error(`not a timestamp: ${start}`);
  return { now: () => new Date(Date.now() + offset).toISOString() };
};

/** The clock of the CLOCK setting: the system's, or one started at the date or time it gives. */
export const clockOf = (setting: string): Clock =>
  setting === 'system' ? systemClock : offsetClock(setting);
