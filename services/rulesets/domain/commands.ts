import type { Ruleset } from '../../../contracts/events/index.ts';

/** Publishes a new version of the rules (规则版本); the office names the version. */
export type RulesetCommand = { type: 'PublishRuleset'; data: Ruleset };
