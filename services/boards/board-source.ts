import { dayOf } from '../../contracts/dates.ts';
import { validationError } from '../../contracts/errors.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { createAsOfSnapshots } from './as-of/as-of-snapshots.ts';
import { createDayLightsSource } from './as-of/day-lights-source.ts';
import { lightsOfDays } from './as-of/replay-lights.ts';
import { boardInputOf, type Snapshot } from './as-of/snapshot.ts';
import type { BoardInput } from './build/input.ts';
import { seriesDays } from './build/overview.ts';
import { createBoardMemory } from './memory/board-memory.ts';

/** The stores and clock a board source reads. */
export interface BoardSourceDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  clock: Clock;
  /** Past days whose replayed documents stay in memory. */
  cachedDays?: number;
}

/**
 * Where boards get their input: today (the clock port's day, China Standard
 * Time) from the documents held in memory and followed to the end of the log;
 * a past day by replaying the events recorded by its end; a future day is
 * refused. The same input object is handed out while the documents and the day
 * are the same, so boards asked in between share their computed view.
 */
export const createBoardSource = (deps: BoardSourceDeps) => {
  const past = createAsOfSnapshots({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    ...(deps.cachedDays === undefined ? {} : { cacheSize: deps.cachedDays }),
  });
  const stopping = new AbortController();
  const memory = createBoardMemory({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    signal: stopping.signal,
  });
  const today = (): string => dayOf(deps.clock.now());
  const pastInputs = new WeakMap<Snapshot, BoardInput>();
  let lastLive: BoardInput | null = null;
  let lastSnapshot: Snapshot | null = null;

  const liveInput = async (day: string): Promise<BoardInput> => {
    const snapshot = await memory.latest();
    if (lastLive === null || lastSnapshot !== snapshot || lastLive.day !== day) {
      lastLive = boardInputOf(day, snapshot);
      lastSnapshot = snapshot;
    }
    return lastLive;
  };

  const pastInput = (day: string, snapshot: Snapshot): BoardInput => {
    const known = pastInputs.get(snapshot) ?? boardInputOf(day, snapshot);
    pastInputs.set(snapshot, known);
    return known;
  };

  /** The inputs of `days` (none after today), in the order asked. */
  const inputs = async (days: readonly string[]): Promise<BoardInput[]> => {
    const current = today();
    const earlier = days.filter((day) => day < current);
    const [replayed, live] = await Promise.all([
      past.snapshots(earlier),
      days.includes(current) ? liveInput(current) : null,
    ]);
    return days.map((day) =>
      day === current ? (live as BoardInput) : pastInput(day, replayed.get(day) as Snapshot),
    );
  };

  /** The day a board is for: `asOf`, or today when none is given. */
  const dayOfBoard = (asOf: string | null | undefined): string => {
    const current = today();
    if (!asOf) return current;
    if (asOf > current) throw validationError('asOf', `must not be after today (${current})`);
    return asOf;
  };

  const dayLights = createDayLightsSource({
    readModels: deps.readModels,
    compute: (days) =>
      lightsOfDays(deps.readModels, deps.eventStore, days, { signal: stopping.signal }),
  });

  /**
   * Gets today's documents and this year's chart ready before the first board
   * asks: loads the memory, computes the month ends not kept yet. In the
   * background, a page of the log at a time; stopped by `stop`.
   */
  const warm = async (): Promise<void> => {
    await memory.latest();
    await dayLights.lightsOn(seriesDays(today()).slice(0, -1));
  };

  return {
    today,
    dayOfBoard,
    inputs,
    lightsOn: dayLights.lightsOn,
    warm,
    stop: () => stopping.abort(),
  };
};

/** Where the boards service gets each board's input. */
export type BoardSource = ReturnType<typeof createBoardSource>;
