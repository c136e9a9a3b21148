import type { DocumentChange } from '../../infra/read-model-store/port.ts';
import type { EventEnvelope, Projection } from '../../projections/projection.ts';
import type { VersionTracker } from './versions.ts';

type Doc = { position: number } & Record<string, unknown>;
type AnyProjection = Projection<Doc>;

/**
 * The projections that handle each event type, in list order. Built once per
 * page: looking a type up in every projection's `handles` for every event cost
 * more than the projections' own work in a rebuild.
 */
const routes = (projections: readonly AnyProjection[]) => {
  const byType = new Map<string, AnyProjection[]>();
  for (const projection of projections) {
    for (const type of projection.handles) {
      const handling = byType.get(type) ?? [];
      handling.push(projection);
      byType.set(type, handling);
    }
  }
  return (type: string): readonly AnyProjection[] => byType.get(type) ?? [];
};

/** Which documents a pass of the log builds: every one when absent. */
export type DocumentFilter = (collection: string, id: string) => boolean;

/** Documents a page of events touches, per collection: what to load before applying. */
export const touchedDocuments = (
  projections: readonly AnyProjection[],
  envelopes: readonly EventEnvelope[],
  builds?: DocumentFilter,
): Map<string, Set<string>> => {
  const handling = routes(projections);
  const touched = new Map<string, Set<string>>();
  for (const envelope of envelopes) {
    for (const projection of handling(envelope.event.type)) {
      const id = projection.documentId(envelope);
      if (id === null || (builds && !builds(projection.collection, id))) continue;
      const ids = touched.get(projection.collection) ?? new Set<string>();
      ids.add(id);
      touched.set(projection.collection, ids);
    }
  }
  return touched;
};

/** Where a page of events reads documents from and writes them to. */
export interface DocumentSet {
  get(collection: string, id: string): Doc | null;
  /** `null` removes the document. */
  set(collection: string, id: string, doc: Doc | null): void;
}

/**
 * Applies events in order to the documents of `documents`. A document already
 * built from an event's position or later ignores it, so a redelivered page
 * changes nothing; a projection answering with the same document changes nothing.
 * With `builds`, only the documents it keeps are read and written; `versions`
 * still hears of every event (the log's days are the whole log's).
 */
export const applyEvents = (
  projections: readonly AnyProjection[],
  envelopes: readonly EventEnvelope[],
  documents: DocumentSet,
  versions?: VersionTracker,
  builds?: DocumentFilter,
): void => {
  const handling = routes(projections);
  for (const envelope of envelopes) {
    versions?.event(envelope);
    for (const projection of handling(envelope.event.type)) {
      const id = projection.documentId(envelope);
      if (id === null || (builds && !builds(projection.collection, id))) continue;
      const doc = documents.get(projection.collection, id);
      if (doc && doc.position >= envelope.position) continue;
      const next = projection.evolve(doc, envelope);
      if (next === doc) continue;
      documents.set(projection.collection, id, next);
      versions?.changed(projection.collection, id, next);
    }
  }
};

/** The inner map of `outer` for `key`, created when missing. */
export const innerMap = <V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> => {
  let inner = outer.get(key);
  if (inner === undefined) {
    inner = new Map();
    outer.set(key, inner);
  }
  return inner;
};

/**
 * Applies a page of events to the loaded documents (left as they are) and
 * returns the changed documents, each once, as it is after the page;
 * `versions` hears of each event and change.
 */
export const applyPage = (
  projections: readonly AnyProjection[],
  loaded: Map<string, Map<string, Doc>>,
  envelopes: readonly EventEnvelope[],
  versions?: VersionTracker,
): DocumentChange[] => {
  // Documents changed by this page so far, by collection then id (null: removed).
  const working = new Map<string, Map<string, Doc | null>>();
  applyEvents(
    projections,
    envelopes,
    {
      get: (collection, id) => {
        const changed = working.get(collection);
        if (changed?.has(id)) return changed.get(id) ?? null;
        return loaded.get(collection)?.get(id) ?? null;
      },
      set: (collection, id, doc) => innerMap(working, collection).set(id, doc),
    },
    versions,
  );
  const changes: DocumentChange[] = [];
  for (const [collection, docs] of working) {
    for (const [id, doc] of docs) changes.push({ collection, id, doc });
  }
  return changes;
};
