import type { Projection } from '../projection.ts';
import type { UnitListItem } from './document.ts';
import { evolveUnitListItem } from './evolve.ts';

export type { UnitListItem } from './document.ts';

/** The directory's units, listed by name. */
export const unitListProjection: Projection<UnitListItem> = {
  name: 'unit-list',
  collection: 'units',
  temporal: true,
  handles: ['UnitRegistered'],
  documentId: ({ event }) => (event.type === 'UnitRegistered' ? event.data.unitId : null),
  evolve: evolveUnitListItem,
};
