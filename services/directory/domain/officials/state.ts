import type { OfficialEvent } from '../../../../contracts/events/index.ts';
import { addToTimeline, type PostTerm } from '../../../../domain/posts-timeline.ts';

/** An official after `OfficialRegistered`, with every post term of theirs. */
export type RegisteredOfficial = {
  registered: true;
  officialId: string;
  terms: readonly PostTerm[];
};

/** The decision state of an official's stream. */
export type OfficialState = { registered: false } | RegisteredOfficial;

export const initialState = (): OfficialState => ({ registered: false });

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: OfficialState, event: OfficialEvent): OfficialState => {
  switch (event.type) {
    case 'OfficialRegistered':
      return { registered: true, officialId: event.data.officialId, terms: [] };
    case 'PostAssigned':
    case 'PostVacated':
      // An official's stream always starts with OfficialRegistered.
      return state.registered ? { ...state, terms: addToTimeline(state.terms, event) } : state;
    case 'OfficialContactsChanged':
      // Contacts bind no rule: any registered official may change them at any time.
      return state;
    default: {
      // An event type newer than this code changes nothing the rules read.
      const _exhaustive: never = event;
      return state;
    }
  }
};
