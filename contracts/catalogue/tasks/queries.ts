import { z } from 'zod';
import { id } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { query, readers, type ServiceOperation } from '../declare.ts';

/** Reads of tasks: one task's page, the paged list, and the history from the log itself. */

export const taskIdInput = z.object({ id: id() });

export const pageInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  after: z.string().max(100).nullish(),
  leadUnitId: id().nullish(),
  status: z.enum(['registered', 'assigned', 'in_progress', 'completed']).nullish(),
  section: z.string().max(limits.section).nullish(),
});

export const task = query(readers, 'views.task', 'task');

export const tasks = query(readers, 'views.tasks', 'tasks');

/** Read by the views; recorded by the audit service when an inspector or leader reads it. */
export const taskHistory: ServiceOperation = {
  kind: 'query',
  roles: readers,
  endpoints: [
    {
      action: 'views.taskHistory',
      field: { root: 'Query', name: 'taskHistory', params: (args) => ({ id: args.taskId }) },
    },
    { action: 'audit.recordTaskHistoryRead' },
  ],
};
