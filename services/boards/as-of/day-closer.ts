import { addDays } from '../../../domain/dates.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { type LogDay, logDaysCollection } from '../../projector/versions.ts';

/** What the closer reads, asks and is told. */
export interface DayCloserDeps {
  readModels: ReadModelStore;
  /** Today, China Standard Time, by the clock port. */
  today: () => string;
  /** Computes and keeps the digests of those of `days` not kept yet; answers how many. */
  close: (days: readonly string[]) => Promise<number>;
  /** How many days back from yesterday are kept ahead (0: none). */
  keptDays: number;
  /** Told of a run that failed: the next run tries again. */
  failed: (error: unknown) => void;
}

/** The first day of the log the projector knows of ('' before any event). */
export const firstLogDay = async (readModels: ReadModelStore): Promise<string> => {
  const { items } = await readModels.find<LogDay>(logDaysCollection, {
    sort: [{ field: 'day', direction: 'asc' }],
    limit: 1,
    count: false,
  });
  return items[0]?.day ?? '';
};

/** The days from `from` to `to`, both included. */
const daysFrom = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
};

/**
 * Keeps the overviews of past days ready before anyone asks: each run
 * computes, off the event loop where the boards have a worker, the digests of
 * the last `keptDays` days up to yesterday (from the log's first day) that are
 * not kept yet — after a rebuild the whole window in one pass over the log,
 * then each day once it is over. Runs never overlap.
 */
export const createDayCloser = (deps: DayCloserDeps) => {
  let running: Promise<number> | null = null;

  const window = async (): Promise<string[]> => {
    if (deps.keptDays <= 0) return [];
    const first = await firstLogDay(deps.readModels);
    if (first === '') return [];
    const yesterday = addDays(deps.today(), -1);
    const earliest = addDays(yesterday, 1 - deps.keptDays);
    // The later of the two days (ISO dates sort as days do).
    const [, from] = [first, earliest].sort();
    return daysFrom(from as string, yesterday);
  };

  /** One run (or the one under way): answers how many days it computed. */
  const run = (): Promise<number> => {
    running ??= window()
      .then((days) => (days.length === 0 ? 0 : deps.close(days)))
      .catch((error: unknown) => {
        deps.failed(error);
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  /** Waits for the run under way, if any. */
  const settled = async (): Promise<void> => {
    await running;
  };

  return { run, settled };
};

/** The closer of past days' overviews. */
export type DayCloser = ReturnType<typeof createDayCloser>;
