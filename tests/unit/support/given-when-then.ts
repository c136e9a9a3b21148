import type { Actor } from '../../../contracts/actor.ts';
import { DomainError, type ErrorCode } from '../../../contracts/errors.ts';
import type { Decider, DecisionContext } from '../../../services/shared/decider.ts';

/** The office (督查室): the default actor of a decision under test. */
export const officeActor: Actor = { id: 'office-1', role: 'office' };

export const defaultContext: DecisionContext = {
  actor: officeActor,
  now: '2021-03-01T08:00:00.000Z',
};

/** The decision's outcome, to assert on. */
export interface Outcome<Event> {
  /** The command produces exactly these events. */
  then: (expected: Event[]) => void;
  /** The command is refused with this code (and field, when given); returns the error. */
  thenThrows: (code: ErrorCode, field?: string) => DomainError;
}

const caught = (decision: () => unknown): unknown => {
  try {
    decision();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused, but it was accepted');
};

/**
 * Emmett-style test of a decider, with no I/O:
 * `given(decider, pastEvents).when(command, context).then(newEvents)`.
 */
export const given = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
) => ({
  when: (command: Command, context: DecisionContext = defaultContext): Outcome<Event> => {
    const state = events.reduce(decider.evolve, decider.initialState());
    const decision = () => decider.decide(command, state, context);
    return {
      // biome-ignore lint/suspicious/noThenProperty: the given/when/then vocabulary; an Outcome is never awaited.
      then: (expected) => {
        expect(decision()).toEqual(expected);
      },
      thenThrows: (code, field) => {
        const error = caught(decision);
        expect(error).toBeInstanceOf(DomainError);
        const domainError = error as DomainError;
        // The message is in the compared object only so that a failure shows it.
        const expected = field === undefined ? { code } : { code, field };
        expect({
          code: domainError.code,
          field: domainError.details.field,
          message: domainError.message,
        }).toMatchObject(expected);
        return domainError;
      },
    };
  },
});

/**
 * A row of a refusal table: the test's name, the command, who sends it, and the
 * code (and field) it is refused with.
 */
export type Refusal<Command> = readonly [
  name: string,
  command: Command,
  context: DecisionContext,
  code: ErrorCode,
  field?: string,
];

/**
 * One test per row, named by the row:
 * `given(decider, events).when(command, context).thenThrows(code, field)`.
 */
export const itRefuses = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  rows: readonly Refusal<Command>[],
) => {
  // Each row is handed over whole: a row without a field would leave jest room to pass `done`.
  it.each(rows.map((row) => [row[0], row] as const))('%s', (_name, row) => {
    const [, command, context, code, field] = row;
    given(decider, events).when(command, context).thenThrows(code, field);
  });
};
