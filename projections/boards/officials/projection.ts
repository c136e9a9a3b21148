import type { DomainEvent, OfficialEvent } from '../../../contracts/events/index.ts';
import { officialEventTypes } from '../../../contracts/events/index.ts';
import { addToTimeline } from '../../../domain/posts-timeline.ts';
import type { EventEnvelope, Projection } from '../../projection.ts';
import type { BoardOfficial } from './document.ts';

const officialTypes: ReadonlySet<string> = new Set(officialEventTypes);

const isOfficialEvent = (event: DomainEvent): event is OfficialEvent =>
  officialTypes.has(event.type);

/** Builds an official's document; returns new objects, never mutates `official`. */
export const evolveBoardOfficial = (
  official: BoardOfficial | null,
  envelope: EventEnvelope,
): BoardOfficial | null => {
  const { event } = envelope;
  if (!isOfficialEvent(event)) return official;
  switch (event.type) {
    case 'OfficialRegistered': {
      const { officialId, name, title } = event.data;
      return { id: officialId, position: envelope.position, name, title, terms: [] };
    }
    case 'PostAssigned':
    case 'PostVacated':
      // An official's stream always starts with OfficialRegistered.
      return (
        official && {
          ...official,
          position: envelope.position,
          terms: [...addToTimeline(official.terms, event)],
        }
      );
    default: {
      // An event type newer than this view leaves the document as it is.
      const _exhaustive: never = event;
      return official;
    }
  }
};

/** The boards' officials and their posts over time (盯责任: who was responsible on a day). */
export const boardOfficialProjection: Projection<BoardOfficial> = {
  name: 'board-officials',
  collection: 'board_officials',
  handles: officialEventTypes,
  documentId: ({ event }) => (isOfficialEvent(event) ? event.data.officialId : null),
  evolve: evolveBoardOfficial,
};
