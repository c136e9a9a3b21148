import type { EventStore } from '../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../infra/read-model-store/port.ts';
import { dayDigestsCollection } from '../../services/boards/as-of/day-digests.ts';
import { dayLightsCollection } from '../../services/boards/as-of/day-lights-source.ts';
import { passOverDays } from '../../services/boards/as-of/day-pass.ts';
import { lightsFromLog } from '../../services/boards/as-of/replay-lights.ts';
import type { DayLights } from '../../services/boards/build/day-lights.ts';
import {
  type OverviewDigest,
  overviewDigestOf,
} from '../../services/boards/build/overview-digest.ts';
import { firstDifference } from './first-difference.ts';

/** How many kept days were compared, and the first that is not what the log says (null when none). */
export interface KeptDaysCheck {
  days: number;
  difference: string | null;
}

/**
 * The days `collection` keeps a document of, in id order, read a few documents
 * at a time, each page after the last one's id (an offset would cost more the
 * further it goes).
 */
const keptDays = async (readModels: ReadModelStore, collection: string): Promise<string[]> => {
  const days: string[] = [];
  for (;;) {
    const last = days.at(-1);
    const { items } = await readModels.find<{ id: string }>(collection, {
      limit: 16,
      count: false,
      ...(last === undefined ? {} : { after: { value: null, id: last } }),
    });
    days.push(...items.map((item) => item.id));
    if (items.length < 16) return days;
  }
};

/** The chart's kept points (`board_day_lights`) against the log. */
export const keptLightsDifference = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
): Promise<KeptDaysCheck> => {
  const kept = (await readModels.find<DayLights & { id: string }>(dayLightsCollection)).items;
  const computed = new Map(
    (
      await lightsFromLog(
        eventStore,
        kept.map((lights) => lights.day),
      )
    ).map((lights) => [lights.day, lights]),
  );
  for (const { id: _, ...lights } of kept) {
    const difference = firstDifference(lights, computed.get(lights.day));
    if (difference)
      return {
        days: kept.length,
        difference: `${dayLightsCollection}/${lights.day} differs at ${difference}`,
      };
  }
  return { days: kept.length, difference: null };
};

/**
 * The kept overview digests (`board_day_overviews`) against one pass over the
 * log, each compared as the pass closes its day; the days an event reached
 * late are left out (what is known of them is computed when asked, not kept).
 */
export const keptDigestsDifference = async (
  readModels: ReadModelStore,
  eventStore: EventStore,
): Promise<KeptDaysCheck> => {
  const days = await keptDays(readModels, dayDigestsCollection);
  const differences = new Map<string, string>();
  const pass = await passOverDays(eventStore, days, overviewDigestOf, {
    closed: async (digests) => {
      for (const digest of digests) {
        const kept = await readModels.get<OverviewDigest & { id: string }>(
          dayDigestsCollection,
          digest.day,
        );
        const { id: _, ...stored } = kept ?? { id: '' };
        // As the kept one went through JSON: fields without a value left out.
        const difference = firstDifference(stored, JSON.parse(JSON.stringify(digest)));
        if (difference) differences.set(digest.day, difference);
      }
    },
  });
  const late = new Set(pass.late);
  const compared = days.filter((day) => !late.has(day));
  for (const day of compared) {
    const difference = differences.get(day);
    if (difference) {
      return {
        days: compared.length,
        difference: `${dayDigestsCollection}/${day} differs at ${difference}`,
      };
    }
  }
  return { days: compared.length, difference: null };
};
