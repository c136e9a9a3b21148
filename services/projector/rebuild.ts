import type { EventStore } from '../../infra/event-store/port.ts';
import type { DocumentChange, ReadModelStore } from '../../infra/read-model-store/port.ts';
import { toEnvelope } from '../../projections/envelope.ts';
import type { Projection } from '../../projections/projection.ts';
import {
  applyEvents,
  type DocumentFilter,
  type DocumentSet,
  innerMap,
  touchedDocuments,
} from './apply-page.ts';
import { indexEmptyStore } from './projector.ts';
import { createVersionTracker, temporalCollections } from './versions.ts';

type Doc = { position: number } & Record<string, unknown>;

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
  /**
   * The most parts the documents are built in (default 4,096; see
   * `rebuildReadModels`); past it, a part over `keptDocuments` lets its
   * documents go and reads them back as the pages touch them.
   */
  maxParts?: number;
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
 * read back from the store before the page that touches them (`load`). A
 * cache made `forgotten` starts where an earlier pass committed its documents.
 */
const rebuildCache = (forgotten = false) => {
  const documents = new Map<string, Map<string, Doc>>();
  let dirty = new Map<string, Set<string>>();
  let held = 0;
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
 * The documents whose hash, taken modulo `of`, is `is`: what one pass over the
 * log builds once the documents outgrow what a rebuild holds.
 */
interface Part {
  of: number;
  is: number;
}

/** At most this many parts by default. */
const rebuildMaxParts = 4096;

/** FNV-1a of a document's collection and id: the same part on every pass. */
const hashOf = (collection: string, id: string): number => {
  let hash = 0x811c9dc5;
  const key = `${collection}\u0000${id}`;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const builtBy = (part: Part): DocumentFilter | undefined =>
  part.of === 1 ? undefined : (collection, id) => hashOf(collection, id) % part.of === part.is;

/** `part` cut in `count` parts, together holding exactly its documents. */
const cut = (part: Part, count: number): Part[] =>
  Array.from({ length: count }, (_, j) => ({ of: part.of * count, is: part.is + j * part.of }));

/** A pass over the log from `from`, where its part's documents stand committed. */
interface Pass {
  from: number;
  /** The day the log had reached at `from`. */
  day: string;
  part: Part;
  /** Events up to `from`. */
  before: number;
}

/**
 * Rebuilds the read models from the log: empties the store, then replays every
 * event up to `until` through the projections, reading the log in pages and
 * committing the documents with the checkpoint at the end (and every
 * `commitEvery` events, when given). Returns how many events it replayed and
 * the position reached.
 *
 * Once the documents held pass `keptDocuments`, it commits them where the log
 * has got to and goes on from there in passes over the rest of the log, each
 * building a part of the documents (by a hash of collection and id) small
 * enough to hold; a part that outgrows the bound in turn is cut again where it
 * stands. A log whose documents would not fit is read a few times over,
 * instead of its documents read back from the store on almost every page.
 * Until the last pass is done, the checkpoint stays where the passes began:
 * documents ahead of it ignore events they already reflect, as the projector's
 * do; the passes commit under a checkpoint of their own (`<projectorId>:rebuild`,
 * counting their commits).
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
  const maxParts = options.maxParts ?? rebuildMaxParts;
  await options.readModels.reset();
  await indexEmptyStore(options.readModels, options.projections, projectorId);
  // Where commits go: the checkpoint itself, until the documents are built in parts.
  const passesId = `${projectorId}:rebuild`;
  let checkpoint = { id: projectorId, at: 0 };
  let split: number | null = null;

  const replayPass = async (pass: Pass) => {
    // A pass from further on finds its part's documents committed: read back as pages touch them.
    const cache = rebuildCache(pass.from > 0);
    const builds = builtBy(pass.part);
    const versions = createVersionTracker(temporal, pass.day);
    let position = pass.from;
    let committed = pass.from;
    let events = 0;
    let eventsCommitted = 0;
    const commit = async () => {
      if (position === committed) return;
      const kept = versions.take();
      const to = checkpoint.id === projectorId ? position : checkpoint.at + 1;
      await options.readModels.commit(
        checkpoint.id,
        [...cache.take(), ...kept.changes],
        { from: checkpoint.at, to },
        kept.versions,
      );
      checkpoint = { ...checkpoint, at: to };
      committed = position;
      eventsCommitted = events;
      options.onCommit?.({ position, events: pass.before + events });
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
        await cache.load(
          options.readModels,
          touchedDocuments(options.projections, envelopes, builds),
        );
      }
      applyEvents(options.projections, envelopes, cache.documents, versions, builds);
      position = last.position;
      events += page.length;
      if (cache.size > keptDocuments) {
        await commit();
        const count = Math.min(
          Math.max(2, Math.ceil((2 * cache.size) / keptDocuments)),
          Math.floor(maxParts / pass.part.of),
        );
        if (count >= 2) {
          const from = { from: position, day: versions.reached(), before: pass.before + events };
          return {
            position,
            events,
            rest: cut(pass.part, count).map((part) => ({ ...from, part })),
          };
        }
        cache.forget();
      } else if (events - eventsCommitted >= commitEvery) await commit();
    }
    await commit();
    return { position, events, rest: [] as Pass[] };
  };

  const passes: Pass[] = [{ from: 0, day: '', part: { of: 1, is: 0 }, before: 0 }];
  let position = 0;
  let events = 0;
  while (passes.length > 0) {
    const pass = passes.shift() as Pass;
    const done = await replayPass(pass);
    if (done.rest.length > 0 && split === null) {
      split = done.position;
      checkpoint = { id: passesId, at: await options.readModels.getCheckpoint(passesId) };
    }
    passes.unshift(...done.rest);
    position = Math.max(position, done.position);
    events = Math.max(events, pass.before + done.events);
  }
  if (split !== null && position > split) {
    // Every part is built to the end: the checkpoint moves there.
    await options.readModels.commit(projectorId, [], { from: split, to: position });
  }
  return { events, position };
};
