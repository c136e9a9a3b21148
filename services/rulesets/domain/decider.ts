import type { RulesetEvent } from '../../../contracts/events/index.ts';
import type { Decider } from '../../shared/decider.ts';
import type { RulesetCommand } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, initialState, type RulesState } from './state.ts';

/** The ruleset aggregate: one `rules` stream of versions that only go forward. */
export const rulesetDecider: Decider<RulesetCommand, RulesetEvent, RulesState> = {
  initialState,
  evolve,
  decide,
};
