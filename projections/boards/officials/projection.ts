import { isOfficialEvent } from '../../../contracts/events/families.ts';
import { officialEventTypes } from '../../../contracts/events/index.ts';
import type { Projection } from '../../projection.ts';
import type { BoardOfficial } from './document.ts';
import { evolveBoardOfficial } from './evolve.ts';

/** The boards' officials and their posts over time (盯责任: who was responsible on a day). */
export const boardOfficialProjection: Projection<BoardOfficial> = {
  name: 'board-officials',
  collection: 'board_officials',
  temporal: true,
  handles: officialEventTypes,
  documentId: ({ event }) => (isOfficialEvent(event) ? event.data.officialId : null),
  evolve: evolveBoardOfficial,
};
