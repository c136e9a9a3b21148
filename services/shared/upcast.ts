import type { DomainEvent } from '../../contracts/events/index.ts';
import type { StoredEvent } from '../../infra/event-store/port.ts';

/**
 * A stored event as the domain sees it. Every type is at version 1 today; a
 * breaking change adds a version here and upcasts older ones on read.
 */
export const toDomainEvent = <E extends DomainEvent = DomainEvent>(stored: StoredEvent): E => {
  if (stored.version !== 1) {
    throw new Error(`${stored.type} v${stored.version} at ${stored.position}: no upcaster`);
  }
  return { type: stored.type, data: stored.data } as E;
};
