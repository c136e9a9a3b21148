import type { TaskEventType } from '../../contracts/events/task-events.ts';
import type { Data } from '../events.ts';
import type { EventEnvelope, Evolve } from '../projection.ts';

/**
 * The fold of a document that one event creates: that event makes it anew, any
 * other changes the one there is; before it there is none to change.
 */
export const createdBy =
  <T extends TaskEventType, D>(
    type: T,
    create: (data: Data<T>, envelope: EventEnvelope) => D,
    change: (doc: D, envelope: EventEnvelope) => D,
  ): Evolve<D> =>
  (doc, envelope) => {
    const { event } = envelope;
    // Narrows `event` to the one of `type`; the compiler cannot follow that for a generic T.
    if (event.type === type) return create(event.data as Data<T>, envelope);
    return doc && change(doc, envelope);
  };
