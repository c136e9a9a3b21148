import { isUnitEvent } from '../../contracts/events/families.ts';
import type { EventEnvelope, Projection } from '../projection.ts';

/** One unit (责任单位) of the directory (collection `units`, id = unitId). */
export type UnitListItem = {
  id: string;
  position: number;
  name: string;
  registeredAt: string;
};

/** Builds a unit's row; returns a new object, never mutates `item`. */
export const evolveUnitListItem = (
  item: UnitListItem | null,
  envelope: EventEnvelope,
): UnitListItem | null => {
  const { event } = envelope;
  if (!isUnitEvent(event)) return item;
  switch (event.type) {
    case 'UnitRegistered':
      return {
        id: event.data.unitId,
        position: envelope.position,
        name: event.data.name,
        registeredAt: envelope.recordedAt,
      };
    default: {
      // An event type newer than this view leaves the row as it is.
      const _exhaustive: never = event;
      return item;
    }
  }
};

/** The directory's units, listed by name. */
export const unitListProjection: Projection<UnitListItem> = {
  name: 'unit-list',
  collection: 'units',
  handles: ['UnitRegistered'],
  documentId: ({ event }) => (event.type === 'UnitRegistered' ? event.data.unitId : null),
  evolve: evolveUnitListItem,
};
