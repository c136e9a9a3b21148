import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import type { DayLights } from '../build/day-lights.ts';
import { keepDayDocument } from './kept-days.ts';
import { createLru } from './lru.ts';

/** Where past days' lights are kept: the read models, beside the documents they come from. */
export const dayLightsCollection = 'board_day_lights';

/** Where days' lights are kept, and how they are computed when they are not kept yet. */
export interface DayLightsSourceDeps {
  readModels: ReadModelStore;
  /** The lights of each of `days` (past days), in any order. */
  compute: (days: readonly string[]) => Promise<DayLights[]>;
  /** Days kept in memory too (default 1,000: a few years' chart points, a few kB each). */
  cacheSize?: number;
}

/**
 * The lights of past days, for the overview's chart: computed once (a pass
 * over the log) and kept in the read models, so the
 * chart of a year costs a dozen small reads, after a restart too. A day's
 * lights are written with a checkpoint of their own (from 0 to the position
 * they reflect): two nodes computing the same day write it once. A rebuild
 * clears them with the rest; they are computed again when next asked.
 */
export const createDayLightsSource = (deps: DayLightsSourceDeps) => {
  const cache = createLru<string, DayLights>(deps.cacheSize ?? 1000);

  const keep = (lights: DayLights): Promise<void> =>
    keepDayDocument(
      deps.readModels,
      dayLightsCollection,
      lights.day,
      { ...lights },
      lights.position,
    );

  /** Days being read or computed now: a second request for them waits for the same work. */
  const pending = new Map<string, Promise<DayLights>>();

  /** Reads the kept lights of `days`, computes and keeps the others. */
  const load = async (days: readonly string[]): Promise<Map<string, DayLights>> => {
    const found = new Map<string, DayLights>();
    const kept = await deps.readModels.getMany<DayLights & { id: string }>(dayLightsCollection, [
      ...days,
    ]);
    for (const [day, { id: _, ...lights }] of kept) found.set(day, lights);
    const computing = days.filter((day) => !kept.has(day));
    for (const lights of computing.length > 0 ? await deps.compute(computing) : []) {
      await keep(lights);
      found.set(lights.day, lights);
    }
    for (const [day, lights] of found) cache.set(day, lights);
    return found;
  };

  /** The lights of `days` (each a day already over), in the order asked. */
  const lightsOn = async (days: readonly string[]): Promise<DayLights[]> => {
    const wanted = [...new Set(days)];
    const missing = wanted.filter((day) => cache.get(day) === undefined && !pending.has(day));
    if (missing.length > 0) {
      const loading = load(missing);
      for (const day of missing) {
        const one = loading.then((found) => found.get(day) as DayLights);
        pending.set(day, one);
        // Settled either way: a failed computation is tried again by the next request.
        one.then(
          () => pending.delete(day),
          () => pending.delete(day),
        );
      }
    }
    const found = await Promise.all(
      wanted.map(async (day) => [day, cache.get(day) ?? (await pending.get(day))] as const),
    );
    const byDay = new Map(found);
    return days.map((day) => byDay.get(day) as DayLights);
  };

  return { lightsOn };
};
