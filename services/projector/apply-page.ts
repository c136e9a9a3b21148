import type { DocumentChange } from '../../infra/read-model-store/port.ts';
import type { EventEnvelope, Projection } from '../../projections/projection.ts';

type Doc = { position: number } & Record<string, unknown>;
type AnyProjection = Projection<Doc>;

/** Documents a page of events touches, per collection: what to load before applying. */
export const touchedDocuments = (
  projections: readonly AnyProjection[],
  envelopes: readonly EventEnvelope[],
): Map<string, Set<string>> => {
  const touched = new Map<string, Set<string>>();
  for (const envelope of envelopes) {
    for (const projection of projections) {
      if (!projection.handles.includes(envelope.event.type)) continue;
      const id = projection.documentId(envelope);
      if (id === null) continue;
      const ids = touched.get(projection.collection) ?? new Set<string>();
      ids.add(id);
      touched.set(projection.collection, ids);
    }
  }
  return touched;
};

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

/**
 * Applies a page of events to the loaded documents in order and returns the
 * changed documents. A document already built from an event's position or later
 * ignores it, so a redelivered page changes nothing.
 */
export const applyPage = (
  projections: readonly AnyProjection[],
  loaded: Map<string, Map<string, Doc>>,
  envelopes: readonly EventEnvelope[],
): DocumentChange[] => {
  const working = new Map<string, Doc | null>();
  const current = (collection: string, id: string): Doc | null => {
    const k = key(collection, id);
    if (working.has(k)) return working.get(k) ?? null;
    return loaded.get(collection)?.get(id) ?? null;
  };
  const changed = new Map<string, DocumentChange>();
  for (const envelope of envelopes) {
    for (const projection of projections) {
      if (!projection.handles.includes(envelope.event.type)) continue;
      const id = projection.documentId(envelope);
      if (id === null) continue;
      const doc = current(projection.collection, id);
      if (doc && doc.position >= envelope.position) continue;
      const next = projection.evolve(doc, envelope);
      if (next === doc) continue;
      working.set(key(projection.collection, id), next);
      changed.set(key(projection.collection, id), {
        collection: projection.collection,
        id,
        doc: next,
      });
    }
  }
  return [...changed.values()];
};
