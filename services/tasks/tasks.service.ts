import type { ServiceSchema } from 'moleculer';
import { taskStreamId } from '../../contracts/streams.ts';
import { commandActions } from '../shared/command-actions.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { taskDecider } from './domain/decider.ts';
import { createSubTasks } from './sub-tasks.ts';

/**
 * The command side of tasks: every task command the catalogue declares
 * (`contracts/catalogue/tasks/`) becomes an action here, decided by the task
 * aggregate. No business rule lives here.
 */
export const createTasksService = (deps: ServiceDeps): ServiceSchema => ({
  name: 'tasks',
  actions: {
    ...commandActions(deps, 'tasks', () => ({
      decider: taskDecider,
      streamId: (data) => taskStreamId(String(data.taskId)),
      followUps: { SplitTask: createSubTasks(deps) },
    })),
    health: async () => {
      await deps.eventStore.ping();
      return { ok: true };
    },
  },
});
