import { matterLimitOf, matterRulesOf, type Ruleset } from '../../../contracts/events/index.ts';
import { matterKinds } from '../../../contracts/events/matter-sources.ts';

/** A ruleset's rules of matters, its own or the defaults, each kind's limit listed. */
export const matterResolvers = {
  Ruleset: {
    matters: (ruleset: Ruleset) => {
      const rules = matterRulesOf(ruleset);
      return {
        limits: matterKinds.map((kind) => ({ kind, workingDays: matterLimitOf(rules, kind) })),
        redoWorkingDays: rules.redoWorkingDays,
        dissatisfiedDeduction: rules.dissatisfiedDeduction,
      };
    },
  },
};
