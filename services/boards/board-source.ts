import { dayOf } from '../../contracts/dates.ts';
import { validationError } from '../../contracts/errors.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { createDayLightsSource } from './as-of/day-lights-source.ts';
import { boardInputOf, type Snapshot } from './as-of/snapshot.ts';
import type { BoardInput } from './build/input.ts';
import { seriesDays } from './build/overview.ts';
import { createBoardMemory } from './memory/board-memory.ts';
import type { PastDays } from './past/past-days.ts';

/** The stores and clock a board source reads, and where past days are read. */
export interface BoardSourceDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  clock: Clock;
  past: PastDays;
}

/**
 * Where boards get their input: today (the clock port's day, China Standard
 * Time) from the documents held in memory and followed to the end of the log;
 * a past day from `past`; a future day is refused. The same input object is
 * handed out while the documents and the day are the same, so boards asked in
 * between share their computed view.
 */
export const createBoardSource = (deps: BoardSourceDeps) => {
  const stopping = new AbortController();
  const memory = createBoardMemory({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    signal: stopping.signal,
  });
  const today = (): string => dayOf(deps.clock.now());
  let lastLive: BoardInput | null = null;
  let lastSnapshot: Snapshot | null = null;

  /** Today's input (`day` is today). */
  const liveInput = async (day: string): Promise<BoardInput> => {
    const snapshot = await memory.latest();
    if (lastLive === null || lastSnapshot !== snapshot || lastLive.day !== day) {
      lastLive = boardInputOf(day, snapshot);
      lastSnapshot = snapshot;
    }
    return lastLive;
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
    compute: (days) => deps.past.lights(days),
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
    liveInput,
    lightsOn: dayLights.lightsOn,
    warm,
    stop: () => stopping.abort(),
  };
};

/** Where the boards service gets each board's input. */
export type BoardSource = ReturnType<typeof createBoardSource>;
