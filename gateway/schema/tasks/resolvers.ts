/** Resolvers of the task area: each field forwards to one service action. */
import { command, query } from '../forward.ts';

export const taskResolvers = {
  Query: {
    task: query('views.task'),
    tasks: query('views.tasks'),
    units: query('views.units'),
    taskHistory: query('views.taskHistory', (args) => ({ id: args.taskId })),
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
