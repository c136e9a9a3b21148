import type { Actor } from '../../contracts/actor.ts';

/**
 * A decider is three pure functions (Emmett's shape). `decide` throws a
 * DomainError for a broken rule; an expected business outcome is an event.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State, context: DecisionContext) => Event[];
}

/** What a decision may know besides the command and state: who acts, and when. */
export interface DecisionContext {
  actor: Actor;
  /** ISO timestamp of the clock port at handling time. */
  now: string;
}
