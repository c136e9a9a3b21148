import type { DomainEvent } from '../../../contracts/events/index.ts';
import type { EventEnvelope, Projection } from '../../../projections/projection.ts';

/** The time the event at `index` (from 0) was recorded: one day apart, from 2021-03-01. */
export const recordedAt = (index: number): string =>
  new Date(Date.UTC(2021, 2, 1 + index, 8)).toISOString();

/** Events of one stream as the projector hands them over: positions from 1, revisions from 0. */
export const envelopes = (
  events: readonly DomainEvent[],
  streamId = 'task-task-1',
): EventEnvelope[] =>
  events.map((event, index) => ({
    event,
    position: index + 1,
    streamId,
    revision: index,
    recordedAt: recordedAt(index),
    actorId: 'office-1',
  }));

/** Freezes a document deeply, so that a projection mutating it throws. */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
};

/**
 * Folds the events through a projection as the projector would, freezing each
 * intermediate document so that any mutation of an input fails the test.
 */
export const project = <D extends { position: number }>(
  projection: Projection<D>,
  events: readonly DomainEvent[],
  streamId?: string,
): D | null =>
  envelopes(events, streamId).reduce<D | null>(
    (doc, envelope) => projection.evolve(deepFreeze(doc), envelope),
    null,
  );
