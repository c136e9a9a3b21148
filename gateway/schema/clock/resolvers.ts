/** Resolvers of the clock area: each field forwards to one action of the supervision service. */
import { query } from '../forward.ts';

export const clockResolvers = {
  Mutation: {
    // No input and no key of its own: every fact the run records has its own key.
    runClock: query('supervision.runClock'),
  },
};
