import { isUnitEvent } from '../../contracts/events/families.ts';
import { defaultUnitCategory } from '../../contracts/events/index.ts';
import type { Evolve } from '../projection.ts';
import type { UnitListItem } from './document.ts';
import { levelsOf } from './levels.ts';

/** Builds a unit's row; returns a new object, never mutates `item`. */
export const evolveUnitListItem: Evolve<UnitListItem> = (item, envelope) => {
  const { event } = envelope;
  if (!isUnitEvent(event)) return item;
  switch (event.type) {
    case 'UnitRegistered': {
      const { unitId, parentUnitId, ancestorUnitIds } = event.data;
      const path = [...(parentUnitId ? (ancestorUnitIds ?? [parentUnitId]) : []), unitId];
      return {
        id: unitId,
        position: envelope.position,
        name: event.data.name,
        category: event.data.category ?? defaultUnitCategory,
        registeredAt: envelope.recordedAt,
        parentUnitId: parentUnitId ?? null,
        path,
        ...levelsOf(path),
      };
    }
    default: {
      // An event type newer than this view leaves the row as it is.
      const _exhaustive: never = event;
      return item;
    }
  }
};
