import type { RulesetEvent } from '../../../contracts/events/index.ts';

/** The decision state of the `rules` stream: the latest version published, if any. */
export type RulesState = { latest: { version: number; inForceFrom: string } | null };

export const initialState = (): RulesState => ({ latest: null });

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: RulesState, event: RulesetEvent): RulesState => {
  switch (event.type) {
    case 'RulesetPublished':
      return { latest: { version: event.data.version, inForceFrom: event.data.inForceFrom } };
    default: {
      // An event type newer than this code changes nothing the rules read.
      const _exhaustive: never = event.type;
      return state;
    }
  }
};
