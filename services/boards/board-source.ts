import { dayOf } from '../../contracts/dates.ts';
import { validationError } from '../../contracts/errors.ts';
import { rulesetInForce } from '../../domain/rulesets/in-force.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { createAsOfSnapshots } from './as-of/as-of-snapshots.ts';
import { liveSnapshot } from './as-of/live-snapshot.ts';
import type { Snapshot } from './as-of/snapshot.ts';
import type { BoardInput } from './build/input.ts';

/** The stores and clock a board source reads. */
export interface BoardSourceDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  clock: Clock;
  /** Past days whose replayed documents stay in memory. */
  cachedDays?: number;
}

const inputOf = (day: string, snapshot: Snapshot): BoardInput => ({
  day,
  // The rules in force on the day, of those published (recorded) by then.
  ruleset: rulesetInForce(snapshot.rulesets, day),
  docs: snapshot.docs,
  position: snapshot.position,
});

/**
 * Where boards get their input: today (the clock port's day, China Standard
 * Time) from the read models the projector keeps; a past day by replaying the
 * events recorded by its end; a future day is refused.
 */
export const createBoardSource = (deps: BoardSourceDeps) => {
  const past = createAsOfSnapshots({
    eventStore: deps.eventStore,
    ...(deps.cachedDays === undefined ? {} : { cacheSize: deps.cachedDays }),
  });
  const today = (): string => dayOf(deps.clock.now());

  /** The inputs of `days` (none after today), in the order asked. */
  const inputs = async (days: readonly string[]): Promise<BoardInput[]> => {
    const current = today();
    const earlier = days.filter((day) => day < current);
    const [replayed, live] = await Promise.all([
      past.snapshots(earlier),
      days.includes(current) ? liveSnapshot(deps.readModels, deps.eventStore) : null,
    ]);
    return days.map((day) =>
      inputOf(day, (day === current ? live : replayed.get(day)) as Snapshot),
    );
  };

  /** The day a board is for: `asOf`, or today when none is given. */
  const dayOfBoard = (asOf: string | null | undefined): string => {
    const current = today();
    if (!asOf) return current;
    if (asOf > current) throw validationError('asOf', `must not be after today (${current})`);
    return asOf;
  };

  return { today, dayOfBoard, inputs };
};

/** Where the boards service gets each board's input. */
export type BoardSource = ReturnType<typeof createBoardSource>;
