import { dayOf } from '../../contracts/dates.ts';
import { validationError } from '../../contracts/errors.ts';
import type { Clock } from '../../infra/clock/clock.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { createDayLightsSource } from './as-of/day-lights-source.ts';
import { seriesDays } from './build/overview.ts';
import type { BoardDay, BoardsCompute } from './compute/boards-compute.ts';

/** The read models the chart's lights are kept in, the clock, and where boards are built. */
export interface BoardSourceDeps {
  readModels: ReadModelStore;
  clock: Clock;
  compute: BoardsCompute;
}

/**
 * Which day a board is for (today by the clock port, China Standard Time, or
 * a past day; a future day is refused), and the chart's lights of past days,
 * kept in the read models once computed.
 */
export const createBoardSource = (deps: BoardSourceDeps) => {
  const today = (): string => dayOf(deps.clock.now());

  /** The day a board is for: `asOf`, or today when none is given. */
  const dayOfBoard = (asOf: string | null | undefined): BoardDay => {
    const current = today();
    if (!asOf || asOf === current) return { day: current, today: true };
    if (asOf > current) throw validationError('asOf', `must not be after today (${current})`);
    return { day: asOf, today: false };
  };

  const dayLights = createDayLightsSource({
    readModels: deps.readModels,
    compute: (days) => deps.compute.lights(days),
  });

  /** Loads today's documents and judges today's tasks before the first board asks. */
  const warm = (): Promise<void> => deps.compute.warm(today());

  /** Gets this year's chart ready before the first overview asks: the month ends not kept yet. */
  const warmChart = async (): Promise<void> => {
    await dayLights.lightsOn(seriesDays(today()).slice(0, -1));
  };

  return { today, dayOfBoard, lightsOn: dayLights.lightsOn, warm, warmChart };
};

/** Which day a board is for, and the chart's kept lights. */
export type BoardSource = ReturnType<typeof createBoardSource>;
