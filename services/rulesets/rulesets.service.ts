import type { ServiceSchema } from 'moleculer';
import type { ServiceDeps } from '../shared/deps.ts';
import { rulesetActions } from './actions/rulesets.ts';

/** The rules (规则): light thresholds, reminder lead time, escalation and scoring, by version. */
export const createRulesService = (deps: ServiceDeps): ServiceSchema => ({
  name: 'rules',
  actions: rulesetActions(deps),
});
