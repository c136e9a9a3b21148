import { addDays } from '../../../domain/dates.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { lastLogDay, lateDaysCollection } from '../../projector/versions.ts';
import { firstLogDay } from './day-closer.ts';
import { createDayLightsSource, dayLightsCollection } from './day-lights-source.ts';
import { lightsOfDays } from './replay-lights.ts';

/** The last day of each month from `from` to `to`, both included, in order. */
export const monthEndsBetween = (from: string, to: string): string[] => {
  const ends: string[] = [];
  if (from === '' || to < from) return ends;
  for (let month = from.slice(0, 7); ; ) {
    const [year, number] = month.split('-').map(Number) as [number, number];
    const next =
      number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
    const end = addDays(`${next}-01`, -1);
    if (end > to) return ends;
    if (end >= from) ends.push(end);
    month = next;
  }
};

/**
 * Computes and keeps the overview chart's points (the lights) of every month
 * end the log has gone past and that no event reached late, where not kept
 * yet: a day at a time from the projector's kept versions, never a replay of
 * the log. Run after a rebuild, which clears them with the rest, so the first
 * overview after it reads a dozen kept points instead of computing them (each
 * a read of that day's documents). Answers the days it computed.
 */
export const keepMonthEndLights = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
  options: { signal?: AbortSignal } = {},
): Promise<string[]> => {
  const [first, reached] = await Promise.all([firstLogDay(readModels), lastLogDay(readModels)]);
  // Gone past: the log has events of a later day.
  const ends = reached === '' ? [] : monthEndsBetween(first, addDays(reached, -1));
  const [late, kept] = await Promise.all([
    readModels.getMany(lateDaysCollection, ends),
    readModels.getMany(dayLightsCollection, ends),
  ]);
  const days = ends.filter((day) => !late.has(day) && !kept.has(day));
  const source = createDayLightsSource({
    readModels,
    compute: (wanted) => lightsOfDays(readModels, eventStore, wanted, options),
  });
  await source.lightsOn(days);
  return days;
};
