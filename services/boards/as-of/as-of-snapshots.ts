import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { toEnvelope } from '../../../projections/envelope.ts';
import { keptSnapshots, type LaterDocuments } from './kept-versions.ts';
import { createLru } from './lru.ts';
import { replayDays } from './replay.ts';
import { replayedProjections, type Snapshot, snapshotOf } from './snapshot.ts';

/** The documents a snapshot holds: what its memory grows with. */
export const documentsOf = ({ docs }: Snapshot): number =>
  docs.tasks.length +
  docs.milestones.length +
  docs.blockages.length +
  docs.indicators.length +
  docs.officials.length +
  docs.units.length;

/** The log to replay, and how much of it to keep in memory. */
export interface AsOfSnapshotsOptions {
  eventStore: EventStore;
  /** Where the projector keeps the documents' versions; without it, every day is replayed. */
  readModels?: ReadModelStore;
  /** Events per page read from the log. */
  pageSize?: number;
  /** Past days kept in memory. */
  cacheSize?: number;
  /** Documents the past days kept in memory may hold together (the day asked last stays, whatever it holds). */
  cachedDocuments?: number;
  /** Documents later than any past day, held in memory already: lists kept as lengths are restored from them. */
  later?: LaterDocuments;
}

/**
 * Boards of past days: the documents as they stood at the end of each day
 * (China Standard Time), read from the versions the projector keeps. A day
 * they cannot answer (an event reached it late, or the projector is not past
 * it yet) is rebuilt from the log: the events recorded by its end replayed
 * through the boards' pure projections, days asked together in one pass. The
 * log is append-only and a past day is over, so a past day's documents never
 * change: they are cached (LRU), up to a number of days and of documents.
 */
export const createAsOfSnapshots = (options: AsOfSnapshotsOptions) => {
  const pageSize = options.pageSize ?? 5000;
  const cache = createLru<string, Promise<Snapshot>>(
    options.cacheSize ?? 4,
    options.cachedDocuments ?? Number.POSITIVE_INFINITY,
  );

  /** One read of the whole log, each event applied to every day it was recorded by. */
  const replayLog = async (days: readonly string[]): Promise<Map<string, Snapshot>> => {
    const replay = replayDays(days, replayedProjections);
    for (let after = 0; ; ) {
      const page = await options.eventStore.readAll({ after, limit: pageSize });
      const last = page.at(-1);
      if (last === undefined) break;
      for (const stored of page) replay.apply(toEnvelope(stored));
      after = last.position;
      // The store may answer synchronously: other requests get their turn between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return new Map(replay.finish().map((replayed) => [replayed.day, snapshotOf(replayed)]));
  };

  /** From the kept versions where they answer, the other days replayed together. */
  const load = async (days: readonly string[]): Promise<Map<string, Snapshot>> => {
    const kept = options.readModels
      ? await keptSnapshots(options.readModels, options.eventStore, days, options.later)
      : new Map<string, Snapshot>();
    const rest = days.filter((day) => !kept.has(day));
    return rest.length === 0 ? kept : new Map([...kept, ...(await replayLog(rest))]);
  };

  /** The snapshots of `days` (each a day already over), from the cache or one new load. */
  const snapshots = async (days: readonly string[]): Promise<Map<string, Snapshot>> => {
    const wanted = [...new Set(days)];
    const pending = new Map(wanted.map((day) => [day, cache.get(day)]));
    const missing = wanted.filter((day) => pending.get(day) === undefined);
    if (missing.length > 0) {
      const pass = load(missing);
      for (const day of missing) {
        const one = pass.then((all) => all.get(day) as Snapshot);
        // A failed replay is not remembered: the next request tries again.
        one.then(
          (snapshot) => cache.weigh(day, documentsOf(snapshot)),
          () => cache.delete(day),
        );
        cache.set(day, one);
        pending.set(day, one);
      }
    }
    const found = await Promise.all(
      wanted.map(async (day) => [day, (await pending.get(day)) as Snapshot] as const),
    );
    return new Map(found);
  };

  return { snapshots };
};

/** Past days' board documents, replayed from the log and cached. */
export type AsOfSnapshots = ReturnType<typeof createAsOfSnapshots>;
