import type { Ruleset, RulesetEvent } from '../../contracts/events/index.ts';
import { defaultRuleset } from './default-ruleset.ts';

/** The versions the `rules` stream holds, in the order they were published. */
export const publishedRulesets = (events: readonly RulesetEvent[]): Ruleset[] =>
  events.map((event) => event.data);

const laterInForce = (a: Ruleset, b: Ruleset): Ruleset =>
  b.inForceFrom > a.inForceFrom || (b.inForceFrom === a.inForceFrom && b.version > a.version)
    ? b
    : a;

/**
 * The ruleset in force on `date` (`YYYY-MM-DD`): of the versions in force by
 * then, the one that took effect last, the higher version on the same day;
 * `defaultRuleset` before any. A board for a past date uses the rules of that date.
 */
export const rulesetInForce = (published: readonly Ruleset[], date: string): Ruleset =>
  published.filter((ruleset) => ruleset.inForceFrom <= date).reduce(laterInForce, defaultRuleset);
