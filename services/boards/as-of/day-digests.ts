import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { lateDaysCollection } from '../../projector/versions.ts';
import type { BoardInput } from '../build/input.ts';
import { digestFormat, type OverviewDigest, overviewDigestOf } from '../build/overview-digest.ts';
import { dayLightsCollection } from './day-lights-source.ts';
import { passOverDays } from './day-pass.ts';
import { isDayKept, keepDayDocument } from './kept-days.ts';
import { createLru } from './lru.ts';

/** Where past days' overview digests are kept: the read models, beside the documents they come from. */
export const dayDigestsCollection = 'board_day_overviews';

/** The edition of the digests' shape they are kept under. */
const edition = `f${digestFormat}`;

/** Whether the digest of `day` is kept, in the shape of this version. */
export const isDigestKept = (readModels: ReadModelStore, day: string): Promise<boolean> =>
  isDayKept(readModels, dayDigestsCollection, day, edition);

/** Fewer days than this missing are read from the kept versions, a day at a time; more, in one pass over the log. */
const passFrom = 3;

/** The stores, and a past day's board input (from the kept versions, or a replay of the log). */
export interface DayDigestsDeps {
  readModels: ReadModelStore;
  eventStore: EventStore;
  inputOf: (day: string) => Promise<BoardInput>;
  /** Digests kept in memory too (default 16). */
  cacheSize?: number;
  signal?: AbortSignal;
}

/**
 * The overview digests of past days (see `OverviewDigest`): computed once and
 * kept in the read models with the day's chart lights, so the overview of a
 * past day is one small read, after a restart too. `close` computes them
 * ahead, many days in one pass over the log. A day an event reached late
 * (see `lateDaysCollection`) is computed from the log whenever asked, as its
 * boards are, and not kept. A rebuild clears them with the rest.
 */
export const createDayDigests = (deps: DayDigestsDeps) => {
  const cache = createLru<string, OverviewDigest>(deps.cacheSize ?? 16);
  const { readModels } = deps;

  const keep = async (digest: OverviewDigest): Promise<void> => {
    const { day, position } = digest;
    await keepDayDocument(readModels, dayDigestsCollection, day, { ...digest }, position, edition);
    await keepDayDocument(readModels, dayLightsCollection, day, { ...digest.lights }, position);
  };

  const isLate = async (day: string) => (await readModels.get(lateDaysCollection, day)) !== null;

  /** The digest of the past `day`: kept, or computed from its documents and kept. */
  const of = async (day: string): Promise<OverviewDigest> => {
    if (await isLate(day)) return overviewDigestOf(await deps.inputOf(day));
    const cached = cache.get(day);
    if (cached !== undefined) return cached;
    const kept = await readModels.get<OverviewDigest & { id: string }>(dayDigestsCollection, day);
    let digest: OverviewDigest;
    // One of another shape, kept by an earlier version, is computed again.
    if (kept?.format !== digestFormat) {
      digest = overviewDigestOf(await deps.inputOf(day));
      await keep(digest);
    } else {
      const { id: _, ...rest } = kept;
      digest = rest;
    }
    cache.set(day, digest);
    return digest;
  };

  /**
   * Computes and keeps the digests of those of `days` (past days) not kept
   * yet, late days left out; answers how many it computed.
   */
  const close = async (days: readonly string[]): Promise<number> => {
    const wanted = [...new Set(days)].sort();
    const late = await readModels.getMany(lateDaysCollection, wanted);
    const missing: string[] = [];
    for (const day of wanted) {
      if (!late.has(day) && !(await isDigestKept(readModels, day))) missing.push(day);
    }
    if (missing.length < passFrom) {
      for (const day of missing) await of(day);
      return missing.length;
    }
    await passOverDays(deps.eventStore, missing, overviewDigestOf, {
      ...(deps.signal ? { signal: deps.signal } : {}),
      closed: async (digests) => {
        for (const digest of digests) await keep(digest);
      },
    });
    return missing.length;
  };

  return { of, close };
};

/** Past days' overview digests, kept. */
export type DayDigests = ReturnType<typeof createDayDigests>;
