import type { RulesetEvent } from '../../../contracts/events/index.ts';
import { fieldChecker } from '../../shared/checked-fields.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { RulesetCommand } from './commands.ts';
import type { RulesState } from './state.ts';
import { validRuleset } from './validate.ts';

const withCheckedFields = fieldChecker('rules');

/**
 * Decides a ruleset command: the events it causes, or a DomainError. Its fields
 * are checked by its declaration before its own rules.
 */
export const decide = (
  command: RulesetCommand,
  state: RulesState,
  _context: DecisionContext,
): RulesetEvent[] => {
  const checked = withCheckedFields(command);
  switch (checked.type) {
    case 'PublishRuleset':
      return [{ type: 'RulesetPublished', data: validRuleset(checked.data, state) }];
    default: {
      const _exhaustive: never = checked.type;
      throw new Error(`unknown ruleset command ${_exhaustive as string}`);
    }
  }
};
