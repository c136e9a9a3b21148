import type { EventStore, StoredEvent } from '../../infra/event-store/port.ts';
import { createLogFollower } from '../../infra/log-follower/log-follower.ts';
import type { DocumentChange, ReadModelStore } from '../../infra/read-model-store/port.ts';
import { CheckpointMovedError } from '../../infra/read-model-store/port.ts';
import { toEnvelope } from '../../projections/envelope.ts';
import type { Projection } from '../../projections/projection.ts';
import type { DocumentSet } from './apply-page.ts';
import { applyEvents, applyPage, innerMap, touchedDocuments } from './apply-page.ts';
import { createVersionTracker, lastLogDay, temporalCollections } from './versions.ts';

type Doc = { position: number } & Record<string, unknown>;

export interface ProjectorOptions {
  projectorId: string;
  eventStore: EventStore;
  readModels: ReadModelStore;
  projections: readonly Projection<Doc>[];
  batchSize: number;
  /** Called after each commit with the position reached. */
  onCommitted?: (position: number) => void;
  /** Called when a catch-up started by a wake-up fails (the next poll tries again). */
  onError?: (error: unknown) => void;
}

/**
 * Follows the ordered log from the projector's checkpoint (see `createLogFollower`):
 * each page goes through the projections, and its documents commit together with
 * the checkpoint, under the lease term of the catch-up when it has one.
 */
export const createProjector = (options: ProjectorOptions) => {
  const { projectorId, readModels, projections } = options;
  const temporal = temporalCollections(projections);
  // The day the log had reached at the last commit, read again when another node moved it.
  let reached = { position: -1, day: '' };
  const reachedAt = async (position: number): Promise<string> =>
    reached.position === position ? reached.day : lastLogDay(readModels);

  const loadDocuments = async (touched: Map<string, Set<string>>) => {
    const loaded = new Map<string, Map<string, Doc>>();
    for (const [collection, ids] of touched) {
      loaded.set(collection, await readModels.getMany<Doc>(collection, [...ids]));
    }
    return loaded;
  };

  const project = async (page: readonly StoredEvent[], from: number, term?: number) => {
    // An empty store (a first start, or emptied for a rebuild): index it before it fills.
    if (from === 0) await indexEmptyStore(readModels, projections, projectorId);
    const to = page.at(-1)!.position;
    const envelopes = page.map(toEnvelope);
    const loaded = await loadDocuments(touchedDocuments(projections, envelopes));
    const versions = createVersionTracker(temporal, await reachedAt(from));
    const changes = applyPage(projections, loaded, envelopes, versions);
    const kept = versions.take();
    await readModels.commit(
      projectorId,
      [...changes, ...kept.changes],
      { from, to, ...(term === undefined ? {} : { term }) },
      kept.versions,
    );
    reached = { position: to, day: versions.reached() };
    options.onCommitted?.(to);
  };

  return createLogFollower({
    eventStore: options.eventStore,
    batchSize: options.batchSize,
    checkpoint: {
      position: () => readModels.getCheckpoint(projectorId),
      take: project,
      moved: (error) => error instanceof CheckpointMovedError,
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
};

export type Projector = ReturnType<typeof createProjector>;

/**
 * Creates the indexes the projections declare, when the store holds nothing
 * yet (checkpoint 0): then it costs nothing. A store projected before an index
 * was declared gets it at its next rebuild.
 */
export const indexEmptyStore = async (
  readModels: ReadModelStore,
  projections: readonly Projection<Doc>[],
  projectorId = 'main',
): Promise<void> => {
  if ((await readModels.getCheckpoint(projectorId)) !== 0) return;
  for (const projection of projections) {
    for (const field of projection.indexes ?? []) {
      await readModels.ensureIndex(projection.collection, field);
    }
  }
};

/** Events per page read from the log during a rebuild. */
export const rebuildBatchSize = 10_000;

/** What to rebuild from where, and how. */
export interface RebuildOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  projections: readonly Projection<Doc>[];
  /** Checkpoint the rebuilt documents are committed under (default `main`). */
  projectorId?: string;
  batchSize?: number;
  /**
   * Events between two commits (default: one commit at the end, or every
   * 100,000 events when a projection keeps versions, which are let go at each
   * commit). Documents stay in memory up to `keptDocuments`, so a commit
   * mostly adds writing each changed document once more.
   */
  commitEvery?: number;
  /**
   * Documents held in memory (default 300,000): past it, the rebuild commits
   * and lets every document go, and from then on reads back, before each page,
   * the documents the page touches that it no longer holds. Memory then grows
   * with this bound, not with the log.
   */
  keptDocuments?: number;
  /** Stop after this position (default: the end of the log). */
  until?: number;
  /** Called after each commit. */
  onCommit?: (progress: { position: number; events: number }) => void;
}

/** Documents a rebuild holds in memory by default (see `keptDocuments`). */
export const rebuildKeptDocuments = 300_000;

/**
 * The documents of a rebuild held in memory: the store was emptied first and
 * only the rebuild writes to it, so while nothing was let go, a document not
 * held does not exist. The ids changed since the last commit are kept per
 * collection; once committed, documents may be let go (`forget`), and are then
 * read back from the store before the page that touches them (`load`).
 */
const rebuildCache = () => {
  const documents = new Map<string, Map<string, Doc>>();
  let dirty = new Map<string, Set<string>>();
  let held = 0;
  let forgotten = false;
  const set: DocumentSet = {
    get: (collection, id) => documents.get(collection)?.get(id) ?? null,
    set: (collection, id, doc) => {
      const docs = innerMap(documents, collection);
      const had = docs.has(id);
      if (doc === null) docs.delete(id);
      else docs.set(id, doc);
      held += (doc === null ? 0 : 1) - (had ? 1 : 0);
      let ids = dirty.get(collection);
      if (ids === undefined) {
        ids = new Set();
        dirty.set(collection, ids);
      }
      ids.add(id);
    },
  };
  return {
    documents: set,
    /** How many documents are held. */
    get size(): number {
      return held;
    },
    /** The changes to commit (a document gone is a removal), and a clean slate. */
    take(): DocumentChange[] {
      const changes: DocumentChange[] = [];
      for (const [collection, ids] of dirty) {
        const docs = documents.get(collection);
        for (const id of ids) changes.push({ collection, id, doc: docs?.get(id) ?? null });
      }
      dirty = new Map();
      return changes;
    },
    /** Lets every document go: call right after a commit, when none is changed. */
    forget(): void {
      documents.clear();
      held = 0;
      forgotten = true;
    },
    /** Whether documents were let go: those a page touches must be read back first. */
    get forgotten(): boolean {
      return forgotten;
    },
    /** Reads back the documents of `touched` let go since they were committed. */
    async load(readModels: ReadModelStore, touched: Map<string, Set<string>>): Promise<void> {
      for (const [collection, ids] of touched) {
        const docs = innerMap(documents, collection);
        const missing = [...ids].filter((id) => !docs.has(id));
        if (missing.length === 0) continue;
        for (const [id, doc] of await readModels.getMany<Doc>(collection, missing)) {
          docs.set(id, doc);
          held += 1;
        }
      }
    },
  };
};

/**
 * Rebuilds the read models from the log: empties the store, then replays every
 * event up to `until` through the projections, reading the log in pages and
 * committing the documents with the checkpoint at the end (and every
 * `commitEvery` events, when given). Returns how many events it replayed and
 * the position reached.
 */
export const rebuildReadModels = async (
  options: RebuildOptions,
): Promise<{ events: number; position: number }> => {
  const projectorId = options.projectorId ?? 'main';
  const batchSize = options.batchSize ?? rebuildBatchSize;
  const temporal = temporalCollections(options.projections);
  const commitEvery =
    options.commitEvery ?? (temporal.size > 0 ? 100_000 : Number.POSITIVE_INFINITY);
  const until = options.until ?? Number.POSITIVE_INFINITY;
  const keptDocuments = options.keptDocuments ?? rebuildKeptDocuments;
  await options.readModels.reset();
  await indexEmptyStore(options.readModels, options.projections, projectorId);
  const cache = rebuildCache();
  const versions = createVersionTracker(temporal, '');
  let committed = 0;
  let eventsCommitted = 0;
  let position = 0;
  let events = 0;
  const commit = async () => {
    if (position === committed) return;
    const kept = versions.take();
    await options.readModels.commit(
      projectorId,
      [...cache.take(), ...kept.changes],
      { from: committed, to: position },
      kept.versions,
    );
    committed = position;
    eventsCommitted = events;
    options.onCommit?.({ position, events });
  };
  for (;;) {
    // Positions may have gaps: the page is read whole and cut at `until`, not sized by it.
    const read =
      position < until
        ? await options.eventStore.readAll({ after: position, limit: batchSize })
        : [];
    const page = read.filter((event) => event.position <= until);
    const last = page.at(-1);
    if (!last) break;
    const envelopes = page.map(toEnvelope);
    if (cache.forgotten) {
      await cache.load(options.readModels, touchedDocuments(options.projections, envelopes));
    }
    applyEvents(options.projections, envelopes, cache.documents, versions);
    position = last.position;
    events += page.length;
    if (cache.size > keptDocuments) {
      await commit();
      cache.forget();
    } else if (events - eventsCommitted >= commitEvery) await commit();
  }
  await commit();
  return { events, position };
};
