import type { ServiceSchema } from 'moleculer';
import type { ServiceDeps } from '../shared/deps.ts';
import { blockageActions } from './actions/blockages.ts';
import { foundationActions } from './actions/foundation.ts';
import { lifecycleActions } from './actions/lifecycle.ts';
import { milestoneActions } from './actions/milestones.ts';
import { resultActions } from './actions/results.ts';
import { createTaskRunner } from './actions/runner.ts';
import { supervisionActions } from './actions/supervision.ts';

/**
 * The command side of tasks: each action validates its input, builds the command
 * with the actor and request ids, and runs the decider. No business rule lives
 * here; the actions are grouped by area under `actions/`.
 */
export const createTasksService = (deps: ServiceDeps): ServiceSchema => {
  const runner = createTaskRunner(deps);
  return {
    name: 'tasks',
    actions: {
      ...foundationActions(runner),
      ...lifecycleActions(runner),
      ...milestoneActions(runner),
      ...resultActions(runner),
      ...supervisionActions(runner),
      ...blockageActions(runner),
      health: async () => {
        await deps.eventStore.ping();
        return { ok: true };
      },
    },
  };
};
