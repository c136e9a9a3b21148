import type { RulesetEvent } from '../../../contracts/events/index.ts';
import { toDomainEvent } from '../../../contracts/events/upcast.ts';
import { rulesStreamId } from '../../../contracts/streams.ts';
import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
} from '../../../projections/boards/index.ts';
import { toEnvelope } from '../../../projections/envelope.ts';
import { readCalendarPublications, yearsOfTasks } from '../../shared/published-calendars.ts';
import { applyEvent, type Replayed, routes } from '../as-of/replay.ts';
import {
  boardCollections,
  boardDocuments,
  replayedProjections,
  type Snapshot,
} from '../as-of/snapshot.ts';
import { createPartIndex } from './parts-by-task.ts';

/** Where the board memory loads from and follows. */
export interface BoardMemoryDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  /** Events read per page while catching up (default 5,000). */
  pageSize?: number;
  /** Stops a catch-up between two pages. */
  signal?: AbortSignal;
}

type Doc = { position: number } & Record<string, unknown>;

/** Every part of `groups` (a version of a part index: never changed), listed once, when first read. */
const listOnRead = <P>(groups: ReadonlyMap<string, readonly P[]>): (() => P[]) => {
  let list: P[] | null = null;
  return () => {
    list ??= [...groups.values()].flat();
    return list;
  };
};

/** The projector whose documents and checkpoint the memory starts from. */
const projectorId = 'main';

/**
 * Today's board documents held in memory and followed from the log: loaded
 * once from the read models (at the projector's checkpoint), then moved on by
 * applying the events after it through the boards' own pure projections, the
 * same ones the projector and the replays of past days run. A board then costs
 * what its answer costs, not a read of every document: the snapshot is rebuilt
 * only where something changed, and the same object is handed out while
 * nothing did. Memory grows with the number of board documents, not the log.
 */
export const createBoardMemory = (deps: BoardMemoryDeps) => {
  const pageSize = deps.pageSize ?? 5000;
  const handling = routes(replayedProjections);
  const milestones = createPartIndex<BoardMilestone>();
  const blockages = createPartIndex<BoardBlockage>();
  const indicators = createPartIndex<BoardIndicator>();
  const parts = new Map<string, { set(id: string, doc: never): void }>([
    [boardCollections.milestones, milestones],
    [boardCollections.blockages, blockages],
    [boardCollections.indicators, indicators],
  ]);
  const dirty = new Set<string>(Object.values(boardCollections));
  const arrays = new Map<string, unknown[]>();
  let loading: Promise<Replayed> | null = null;
  let following: Promise<void> | null = null;
  let snapshot: Snapshot | null = null;
  let units: { from: unknown[] | null; named: Snapshot['docs']['units'] } = {
    from: null,
    named: [],
  };

  const changed = (collection: string, id: string, doc: Doc | null) => {
    dirty.add(collection);
    parts.get(collection)?.set(id, doc as never);
    snapshot = null;
  };

  const load = async (): Promise<Replayed> => {
    // The checkpoint first: documents read after it may be ahead of it, and an
    // event they already reflect is ignored when it is applied again.
    const position = await deps.readModels.getCheckpoint(projectorId);
    const collections = Object.values(boardCollections);
    const found = await Promise.all(
      collections.map(async (collection) => {
        const { items } = await deps.readModels.find<Doc>(collection);
        return [collection, new Map(items.map((doc) => [doc.id as string, doc]))] as const;
      }),
    );
    const tasks = found.find(([collection]) => collection === boardCollections.tasks)?.[1];
    const [rules, calendars] = await Promise.all([
      deps.eventStore.readStream(rulesStreamId),
      readCalendarPublications(deps.eventStore, yearsOfTasks(tasks?.values() ?? [])),
    ]);
    const loaded: Replayed = {
      day: '',
      maps: new Map(found),
      rulesets: rules
        .filter((stored) => stored.position <= position)
        .map((stored) => toDomainEvent<RulesetEvent>(stored).data),
      calendars: calendars.filter((one) => one.position <= position).map((one) => one.calendar),
      position,
    };
    for (const [collection, docs] of found) {
      for (const [id, doc] of docs) parts.get(collection)?.set(id, doc as never);
    }
    return loaded;
  };

  const follow = async (from: Replayed): Promise<void> => {
    for (;;) {
      const page = await deps.eventStore.readAll({ after: from.position, limit: pageSize });
      for (const stored of page) {
        const envelope = toEnvelope(stored);
        applyEvent(from, envelope, handling(envelope.event.type), changed);
      }
      if (page.length < pageSize) return;
      // A long catch-up gives other requests their turn between pages.
      await new Promise((resolve) => setImmediate(resolve));
      deps.signal?.throwIfAborted();
    }
  };

  /** Loaded (once) and moved to the end of the log; concurrent callers share one pass. */
  const current = async (): Promise<Replayed> => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    const loaded = await loading;
    following ??= follow(loaded).finally(() => {
      following = null;
    });
    await following;
    return loaded;
  };

  const arrayOf = (replayed: Replayed, collection: string): unknown[] => {
    if (dirty.has(collection) || !arrays.has(collection)) {
      arrays.set(collection, [...(replayed.maps.get(collection)?.values() ?? [])]);
      dirty.delete(collection);
    }
    return arrays.get(collection) as unknown[];
  };

  const snapshotOf = (replayed: Replayed): Snapshot => {
    // The parts are held grouped by task: their lists are made from the groups
    // only when read (the boards read the groups), not copied on every write.
    const docs = boardDocuments((collection) =>
      parts.has(collection) ? [] : arrayOf(replayed, collection),
    );
    // The same unit names while no unit changed: rows built from them are kept.
    const unitDocs = arrayOf(replayed, boardCollections.units);
    if (unitDocs !== units.from) units = { from: unitDocs, named: docs.units };
    const byTask = {
      milestones: milestones.grouped(),
      blockages: blockages.grouped(),
      indicators: indicators.grouped(),
    };
    const listed = {
      milestones: listOnRead(byTask.milestones),
      blockages: listOnRead(byTask.blockages),
      indicators: listOnRead(byTask.indicators),
    };
    return {
      docs: {
        ...docs,
        units: units.named,
        byTask,
        get milestones() {
          return listed.milestones();
        },
        get blockages() {
          return listed.blockages();
        },
        get indicators() {
          return listed.indicators();
        },
      },
      rulesets: [...replayed.rulesets],
      calendars: [...replayed.calendars],
      position: replayed.position,
    };
  };

  const none = new Map<string, Doc>();

  return {
    /**
     * The documents of `collection` as of the end of the log now, by id, when
     * they are loaded already (null before: nothing is loaded for it); the
     * memory's own, not to be changed.
     */
    async held(collection: string): Promise<ReadonlyMap<string, Doc> | null> {
      if (loading === null) return null;
      return (await current()).maps.get(collection) ?? none;
    },
    /**
     * The documents as of the end of the log now; the same object as the last
     * call's while no event changed a board document.
     */
    async latest(): Promise<Snapshot> {
      const replayed = await current();
      const known = snapshot;
      if (known !== null && known.position === replayed.position) return known;
      if (
        known !== null &&
        known.rulesets.length === replayed.rulesets.length &&
        known.calendars.length === replayed.calendars.length
      ) {
        // Events that changed no board document: the same documents, a later position.
        snapshot = { ...known, position: replayed.position };
        return snapshot;
      }
      snapshot = snapshotOf(replayed);
      return snapshot;
    },
  };
};

/** Today's board documents, in memory, followed from the log. */
export type BoardMemory = ReturnType<typeof createBoardMemory>;
