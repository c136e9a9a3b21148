import { z } from 'zod';
import { id } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { query, readers, type ServiceOperation } from '../declare.ts';
import { listParams } from '../list-args.ts';

/** Reads of tasks: one task's page, the paged list, and the history from the log itself. */

export const taskIdInput = z.object({ id: id() });

/** The most task pages one `tasksById` answers. */
export const tasksByIdLimit = 50;

/** Several tasks' pages at once, by id: what a screen listing them needs in one request. */
export const tasksByIdInput = z.object({
  ids: z
    .array(id())
    .min(1, 'must name at least 1 task')
    .max(tasksByIdLimit, `must name at most ${tasksByIdLimit} tasks`),
});

const historyPageSize = () =>
  z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').nullish();
const historyCursor = () =>
  z.string().max(100, 'must be a cursor returned by an earlier page').nullish();

/**
 * A page of a task's history: forwards (`first` events `after` a cursor, 100
 * from the start by default) or backwards (the `last` events `before` a
 * cursor, or the newest). One direction per page.
 */
export const taskHistoryInput = z
  .object({
    id: id(),
    first: historyPageSize(),
    after: historyCursor(),
    last: historyPageSize(),
    before: historyCursor(),
  })
  .superRefine((page, ctx) => {
    const forwards = page.first != null || page.after != null;
    for (const field of ['last', 'before'] as const) {
      if (forwards && page[field] != null) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'must not be given with first or after: a page goes one way',
        });
      }
    }
  });

export const pageInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  // A keyset cursor carries the last item's sort value: a title can be long.
  after: z.string().max(2800, 'must be a cursor returned by an earlier page').nullish(),
  leadUnitId: id().nullish(),
  status: z.enum(['registered', 'assigned', 'in_progress', 'completed']).nullish(),
  section: z.string().max(limits.section).nullish(),
});

export const task = query(readers, 'views.task', 'task');

export const tasksById = query(readers, 'views.tasksById', 'tasksById');

export const tasks = query(readers, 'views.tasks', {
  name: 'tasks',
  params: listParams((orderBy) => ({ sortBy: orderBy.field, sortDirection: orderBy.direction })),
  totalField: 'totalCount',
});

/** Read by the views; recorded by the audit service when an inspector or leader reads it. */
export const taskHistory: ServiceOperation = {
  kind: 'query',
  roles: readers,
  endpoints: [
    {
      action: 'views.taskHistory',
      field: {
        root: 'Query',
        name: 'taskHistory',
        params: ({ taskId, ...page }) => ({ id: taskId, ...page }),
      },
    },
    { action: 'audit.recordTaskHistoryRead' },
  ],
};
