import { isUnitEvent } from '../../contracts/events/families.ts';
import { defaultUnitCategory } from '../../contracts/events/index.ts';
import type { Evolve } from '../projection.ts';
import type { UnitListItem } from './document.ts';

/** Builds a unit's row; returns a new object, never mutates `item`. */
export const evolveUnitListItem: Evolve<UnitListItem> = (item, envelope) => {
  const { event } = envelope;
  if (!isUnitEvent(event)) return item;
  switch (event.type) {
    case 'UnitRegistered':
      return {
        id: event.data.unitId,
        position: envelope.position,
        name: event.data.name,
        category: event.data.category ?? defaultUnitCategory,
        registeredAt: envelope.recordedAt,
      };
    default: {
      // An event type newer than this view leaves the row as it is.
      const _exhaustive: never = event;
      return item;
    }
  }
};
