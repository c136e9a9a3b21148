import type { DomainEvent } from '../contracts/events/index.ts';
import type { Temporal } from './versions.ts';

/** The fields of a stored event a projection may read besides the domain event. */
export interface EventEnvelope<E extends DomainEvent = DomainEvent> {
  event: E;
  position: number;
  streamId: string;
  revision: number;
  recordedAt: string;
  actorId: string;
  /** The name the actor's token carried, when it carried one. */
  actorName?: string | null;
}

/**
 * One read model: a pure `evolve(doc | null, event) → doc | null` over the event
 * types it handles. Every document carries the position it was built from, so a
 * redelivered event changes nothing.
 */
export interface Projection<D extends { position: number }> {
  name: string;
  collection: string;
  handles: readonly DomainEvent['type'][];
  /** Id of the document an event touches, or null when it touches none. */
  documentId: (envelope: EventEnvelope) => string | null;
  evolve: Evolve<D>;
  /**
   * Fields its documents are read by (filtered or sorted on, paged by keys):
   * indexed when the store is empty, before the first document is written
   * (building an index over a large store would hold it, and the process, for
   * as long as the build takes). Every index costs each write of a document.
   */
  indexes?: readonly string[];
  /**
   * Keeps each document's state at the end of every day it changed, so the
   * collection can be read as it stood on a past day without a replay (see
   * `Temporal` for lists kept as their length).
   */
  temporal?: Temporal;
}

/** A view's fold: the document after one more event; null while there is none. */
export type Evolve<D> = (doc: D | null, envelope: EventEnvelope) => D | null;
