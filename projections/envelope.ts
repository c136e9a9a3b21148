import { toDomainEvent } from '../contracts/events/upcast.ts';
import type { StoredEvent } from '../infra/event-store/port.ts';
import type { EventEnvelope } from './projection.ts';

/**
 * A stored event as projections see it: the domain event upcast to its current
 * version, with the fields of the log a projection may read. The projector, a
 * rebuild and the boards' replays of past days all build envelopes here, so a
 * document is the same whichever of them made it.
 */
export const toEnvelope = (stored: StoredEvent): EventEnvelope => ({
  event: toDomainEvent(stored),
  position: stored.position,
  streamId: stored.streamId,
  revision: stored.revision,
  recordedAt: stored.recordedAt,
  actorId: stored.metadata.actor.id,
  actorName: stored.metadata.actor.name ?? null,
});
