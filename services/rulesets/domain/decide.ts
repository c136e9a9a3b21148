import type { RulesetEvent } from '../../../contracts/events/index.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { RulesetCommand } from './commands.ts';
import type { RulesState } from './state.ts';
import { validRuleset } from './validate.ts';

/** Decides a ruleset command: the events it causes, or a DomainError. */
export const decide = (
  command: RulesetCommand,
  state: RulesState,
  _context: DecisionContext,
): RulesetEvent[] => {
  switch (command.type) {
    case 'PublishRuleset':
      return [{ type: 'RulesetPublished', data: validRuleset(command.data, state) }];
    default: {
      const _exhaustive: never = command.type;
      throw new Error(`unknown ruleset command ${_exhaustive as string}`);
    }
  }
};
