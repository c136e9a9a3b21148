import type { ServiceSchema } from 'moleculer';
import { rulesetInForceInput } from '../../../contracts/catalogue/rulesets.ts';
import { defaultRuleset } from '../../../domain/rulesets/default-ruleset.ts';
import { rulesetInForce } from '../../../domain/rulesets/in-force.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { readPublishedRulesets } from '../../shared/published-rulesets.ts';
import { parseInput } from '../../shared/validate.ts';

/** Versioned rules (规则版本) as anyone who computes a board reads them. */
export const rulesetQueries = (deps: ServiceDeps): ServiceSchema['actions'] => ({
  /** The defaults (version 0) first, then every published version in order. */
  rulesets: guarded('rulesets', async () => [
    defaultRuleset,
    ...(await readPublishedRulesets(deps.eventStore)),
  ]),

  /** The version in force on a day: what a board of that day is computed under. */
  inForce: guarded('rulesetInForce', async (ctx) => {
    const { date } = parseInput(rulesetInForceInput, ctx.params);
    return rulesetInForce(await readPublishedRulesets(deps.eventStore), date);
  }),
});
