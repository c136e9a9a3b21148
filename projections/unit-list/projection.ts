import type { Projection } from '../projection.ts';
import type { UnitListItem } from './document.ts';
import { evolveUnitListItem } from './evolve.ts';
import { levelFields } from './levels.ts';

export type { UnitListItem } from './document.ts';

/** The directory's units, listed by name, each with its place in the tree. */
export const unitListProjection: Projection<UnitListItem> = {
  name: 'unit-list',
  collection: 'units',
  temporal: true,
  handles: ['UnitRegistered'],
  documentId: ({ event }) => (event.type === 'UnitRegistered' ? event.data.unitId : null),
  evolve: evolveUnitListItem,
  // The subtree of a unit is an equality on its level's field.
  indexes: levelFields,
};
