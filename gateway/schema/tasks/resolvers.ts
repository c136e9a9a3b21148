/** Resolvers of the task area: each field forwards to one service action. */
import type { GatewayContext } from '../../context.ts';
import { command, query } from '../forward.ts';

export const taskResolvers = {
  Query: {
    task: query('views.task'),
    tasks: query('views.tasks'),
    units: query('views.units'),
    taskHistory: query('views.taskHistory', (args) => ({ id: args.taskId })),
  },
  Task: {
    /** The history read model, reachable from the page it explains. */
    history: (task: { id: string }, _: unknown, ctx: GatewayContext) =>
      ctx.call('views.taskHistory', { id: task.id }),
  },
  Mutation: {
    registerUnit: command('directory.registerUnit'),
    registerTask: command('tasks.registerTask'),
    assignTask: command('tasks.assignTask'),
    planMilestone: command('tasks.planMilestone'),
    reportProgress: command('tasks.reportProgress'),
    completeMilestone: command('tasks.completeMilestone'),
    reportBlockage: command('tasks.reportBlockage'),
    resolveBlockage: command('tasks.resolveBlockage'),
  },
};
