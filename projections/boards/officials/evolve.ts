import { isOfficialEvent } from '../../../contracts/events/families.ts';
import { addToTimeline } from '../../../domain/posts-timeline.ts';
import type { Evolve } from '../../projection.ts';
import type { BoardOfficial } from './document.ts';

/** Builds an official's document; returns new objects, never mutates `official`. */
export const evolveBoardOfficial: Evolve<BoardOfficial> = (official, envelope) => {
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
    case 'OfficialContactsChanged': {
      const { email, mobile, channels } = event.data;
      return (
        official && {
          ...official,
          position: envelope.position,
          contacts: { email, mobile, channels: [...channels] },
        }
      );
    }
    default: {
      // An event type newer than this view leaves the document as it is.
      const _exhaustive: never = event;
      return official;
    }
  }
};
