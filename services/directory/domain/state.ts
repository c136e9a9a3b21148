import type { UnitEvent } from '../../../contracts/events/index.ts';

/** The decision state of a unit stream: only whether it exists yet. */
export type UnitState = { registered: boolean };

export const initialState = (): UnitState => ({ registered: false });

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: UnitState, event: UnitEvent): UnitState => {
  switch (event.type) {
    case 'UnitRegistered':
      return { registered: true };
    default: {
      // An event type newer than this code changes nothing the rules read.
      const _exhaustive: never = event.type;
      return state;
    }
  }
};
