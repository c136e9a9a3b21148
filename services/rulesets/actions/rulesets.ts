import type { ServiceSchema } from 'moleculer';
import { publishRulesetInput, rulesetInForceInput } from '../../../contracts/inputs/rules.ts';
import { rulesStreamId } from '../../../contracts/streams.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { runCommand } from '../../shared/run-command.ts';
import { parseInput } from '../../shared/validate.ts';
import { rulesetDecider } from '../domain/decider.ts';
import { defaultRuleset } from '../domain/default-ruleset.ts';
import { rulesetInForce } from '../domain/in-force.ts';
import { readPublishedRulesets } from './read-rulesets.ts';

/** Versioned rules (规则版本): published by the office, read by anyone who computes a board. */
export const rulesetActions = (deps: ServiceDeps): ServiceSchema['actions'] => ({
  publishRuleset: guarded('publishRuleset', async (ctx, actor) => {
    const { idempotencyKey, ...ruleset } = parseInput(publishRulesetInput, ctx.params);
    const command = { type: 'PublishRuleset' as const, data: ruleset };
    const result = await runCommand(
      deps,
      ctx,
      actor,
      rulesetDecider,
      rulesStreamId,
      command,
      idempotencyKey,
    );
    const published = result.events[0]?.data as { version?: number } | undefined;
    return {
      version: published?.version ?? ruleset.version,
      revision: result.revision,
      position: result.position,
    };
  }),

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
