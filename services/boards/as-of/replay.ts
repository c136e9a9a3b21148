import { dayOf } from '../../../contracts/dates.ts';
import type { PublishedCalendar, Ruleset } from '../../../contracts/events/index.ts';
import type { EventEnvelope, Projection } from '../../../projections/projection.ts';

type Doc = { position: number } & Record<string, unknown>;

/** The documents of each collection, by id, as replayed so far for one day. */
export type DocumentMaps = Map<string, Map<string, Doc>>;

/** What the log says as known at the end of `day`: documents, rulesets, calendars, last position. */
export interface Replayed {
  day: string;
  maps: DocumentMaps;
  /** Rulesets published by then, in the order they were. */
  rulesets: Ruleset[];
  /** Working-day calendars published by then, in the order they were. */
  calendars: PublishedCalendar[];
  /** Position of the last event applied; 0 before any. */
  position: number;
}

/** A replay of `day` before any event. */
export const emptyReplay = (day: string): Replayed => ({
  day,
  maps: new Map(),
  rulesets: [],
  calendars: [],
  position: 0,
});

const collectionOf = (maps: DocumentMaps, collection: string): Map<string, Doc> => {
  const existing = maps.get(collection);
  if (existing) return existing;
  const created = new Map<string, Doc>();
  maps.set(collection, created);
  return created;
};

/**
 * Applies one event to `replayed` through the projections `handling` its type.
 * A document already built from this position or later ignores it, as the
 * projector's do, so documents loaded ahead of `replayed.position` stay right.
 * `changed` hears of each document it writes or removes (null).
 */
export const applyEvent = (
  replayed: Replayed,
  envelope: EventEnvelope,
  handling: readonly Projection<Doc>[],
  changed?: (collection: string, id: string, doc: Doc | null) => void,
): void => {
  replayed.position = Math.max(replayed.position, envelope.position);
  const { event } = envelope;
  if (event.type === 'RulesetPublished') replayed.rulesets.push(event.data);
  if (event.type === 'WorkCalendarPublished') replayed.calendars.push(event.data);
  for (const projection of handling) {
    const id = projection.documentId(envelope);
    if (id === null) continue;
    const documents = collectionOf(replayed.maps, projection.collection);
    const doc = documents.get(id) ?? null;
    if (doc && doc.position >= envelope.position) continue;
    const next = projection.evolve(doc, envelope);
    changed?.(projection.collection, id, next);
    if (next === null) documents.delete(id);
    else documents.set(id, next);
  }
};

/** An independent copy for another day: new maps of the same (immutable) documents. */
const copyFor = (replayed: Replayed, day: string): Replayed => ({
  day,
  maps: new Map([...replayed.maps].map(([collection, docs]) => [collection, new Map(docs)])),
  rulesets: [...replayed.rulesets],
  calendars: [...replayed.calendars],
  position: replayed.position,
});

/** Which of `projections` handle each event type. */
export const routes = (projections: readonly Projection<Doc>[]) => {
  const byType = new Map<string, Projection<Doc>[]>();
  for (const projection of projections) {
    for (const type of projection.handles) {
      byType.set(type, [...(byType.get(type) ?? []), projection]);
    }
  }
  return (type: string): readonly Projection<Doc>[] => byType.get(type) ?? [];
};

/**
 * Replays the log once for several days through the same pure projections the
 * projector runs: each day gets exactly the events recorded by its end (their
 * recording day, China Standard Time, on or before it), in log order. One
 * working replay serves the open days; a day is copied off when the first
 * event recorded after it arrives. An event recorded earlier than one already
 * seen (a clock set back) still reaches every copy of a day it belongs to.
 */
export const replayDays = (days: readonly string[], projections: readonly Projection<Doc>[]) => {
  const targets = [...new Set(days)].sort();
  const handling = routes(projections);
  const work = emptyReplay(targets.at(-1) ?? '');
  const closed: Replayed[] = [];
  let open = 0;
  return {
    apply(envelope: EventEnvelope): void {
      const recordedOn = dayOf(envelope.recordedAt);
      const projecting = handling(envelope.event.type);
      for (; open < targets.length - 1 && (targets[open] as string) < recordedOn; open++) {
        closed.push(copyFor(work, targets[open] as string));
      }
      for (const replayed of closed) {
        if (recordedOn <= replayed.day) applyEvent(replayed, envelope, projecting);
      }
      if (recordedOn <= work.day) applyEvent(work, envelope, projecting);
    },
    /** The replay of every day asked, in day order. */
    finish(): Replayed[] {
      const stillOpen = targets.slice(open, -1).map((day) => copyFor(work, day));
      return targets.length === 0 ? [] : [...closed, ...stillOpen, work];
    },
  };
};
