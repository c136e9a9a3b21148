import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { type DayLights, dayLightsOf } from '../build/day-lights.ts';
import { createAsOfSnapshots } from './as-of-snapshots.ts';
import { passOverDays } from './day-pass.ts';
import { keptSnapshots, type LaterDocuments, storedOnce } from './kept-versions.ts';
import { boardInputOf, type Snapshot } from './snapshot.ts';

/** What one pass over the log tells of the days asked: their lights, and the days reached late. */
export interface ReplayedLights {
  lights: DayLights[];
  late: string[];
}

/** The lights of several past days in one pass over the log (see `passOverDays`). */
export const replayLights = async (
  eventStore: EventStore,
  days: readonly string[],
  options: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<ReplayedLights> => {
  const pass = await passOverDays(eventStore, days, dayLightsOf, options);
  return { lights: pass.values, late: pass.late };
};

/**
 * The lights of `days` (past days) as the log says: one pass for them all, and
 * a replay of their own for the days an event reached late.
 */
export const lightsFromLog = async (
  eventStore: EventStore,
  days: readonly string[],
  options: { signal?: AbortSignal } = {},
): Promise<DayLights[]> => {
  const replayed = await replayLights(eventStore, days, options);
  if (replayed.late.length === 0) return replayed.lights;
  const past = createAsOfSnapshots({ eventStore, cacheSize: replayed.late.length });
  const snapshots = await past.snapshots(replayed.late);
  const late = replayed.late.map((day) =>
    dayLightsOf(boardInputOf(day, snapshots.get(day) as Snapshot)),
  );
  return [...replayed.lights, ...late];
};

/**
 * The lights of `days` (past days) from the projector's kept versions where
 * they answer, a read of each day's documents; from the log for the others.
 * Lists kept as lengths are restored from `later` documents (those held in
 * memory, when the caller has them), read once for all the days.
 */
export const lightsOfDays = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
  days: readonly string[],
  options: { signal?: AbortSignal; later?: LaterDocuments } = {},
): Promise<DayLights[]> => {
  const lights: DayLights[] = [];
  const rest: string[] = [];
  const later = options.later ?? storedOnce(readModels);
  // A day at a time: one day's documents held at once.
  for (const day of days) {
    const snapshot = (await keptSnapshots(readModels, eventStore, [day], later)).get(day);
    if (snapshot === undefined) rest.push(day);
    else lights.push(dayLightsOf(boardInputOf(day, snapshot)));
    options.signal?.throwIfAborted();
  }
  return rest.length === 0
    ? lights
    : [...lights, ...(await lightsFromLog(eventStore, rest, options))];
};
