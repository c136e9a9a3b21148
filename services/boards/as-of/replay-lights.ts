import { dayOf } from '../../../contracts/dates.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { toEnvelope } from '../../../projections/envelope.ts';
import { type DayLights, dayLightsOf } from '../build/day-lights.ts';
import { createAsOfSnapshots } from './as-of-snapshots.ts';
import { keptSnapshots } from './kept-versions.ts';
import { applyEvent, emptyReplay, routes } from './replay.ts';
import { boardInputOf, replayedProjections, type Snapshot, snapshotOf } from './snapshot.ts';

/** What one pass over the log tells of the days asked. */
export interface ReplayedLights {
  /** The lights of the days the pass could close, in day order. */
  lights: DayLights[];
  /**
   * Days an event reached after the pass had closed them (recorded earlier
   * than an event before it in the log: commands in flight across midnight, a
   * clock set back): their lights need a replay of their own.
   */
  late: string[];
}

/**
 * The lights of several past days in one pass over the log, holding one set
 * of documents: each day's lights are taken when the first event recorded
 * after it arrives, from the documents as they stand, then the pass goes on.
 * Unlike a replay of boards, no day's documents are kept, so memory does not
 * grow with the number of days.
 */
export const replayLights = async (
  eventStore: EventStore,
  days: readonly string[],
  options: { pageSize?: number; signal?: AbortSignal } = {},
): Promise<ReplayedLights> => {
  const pageSize = options.pageSize ?? 5000;
  const targets = [...new Set(days)].sort();
  const handling = routes(replayedProjections);
  const work = emptyReplay('');
  const lights: DayLights[] = [];
  const late = new Set<string>();
  const close = (day: string) => lights.push(dayLightsOf(boardInputOf(day, snapshotOf(work))));
  for (let after = 0; ; ) {
    const page = await eventStore.readAll({ after, limit: pageSize });
    for (const stored of page) {
      const envelope = toEnvelope(stored);
      const recordedOn = dayOf(envelope.recordedAt);
      for (; lights.length < targets.length && (targets[lights.length] as string) < recordedOn; ) {
        close(targets[lights.length] as string);
      }
      for (const closed of lights) if (closed.day >= recordedOn) late.add(closed.day);
      applyEvent(work, envelope, handling(envelope.event.type));
    }
    const last = page.at(-1);
    if (last === undefined || page.length < pageSize) break;
    after = last.position;
    // The store may answer synchronously: other requests get their turn between pages.
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  }
  for (const day of targets.slice(lights.length)) close(day);
  return { lights: lights.filter((day) => !late.has(day.day)), late: [...late].sort() };
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
 */
export const lightsOfDays = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
  days: readonly string[],
  options: { signal?: AbortSignal } = {},
): Promise<DayLights[]> => {
  const lights: DayLights[] = [];
  const rest: string[] = [];
  // A day at a time: one day's documents held at once.
  for (const day of days) {
    const snapshot = (await keptSnapshots(readModels, eventStore, [day])).get(day);
    if (snapshot === undefined) rest.push(day);
    else lights.push(dayLightsOf(boardInputOf(day, snapshot)));
    options.signal?.throwIfAborted();
  }
  return rest.length === 0
    ? lights
    : [...lights, ...(await lightsFromLog(eventStore, rest, options))];
};
