import { z } from 'zod';
import { date, id, reason } from '../../fields.ts';
import { command, office, onTask, open, partOf, served } from '../declare.ts';

/**
 * Deadline extensions (延期): asked by the lead unit before the limit, for a
 * milestone or for the task itself; reviewed first by the office (初审), which
 * forwards the request or closes it; decided by the task's responsible leader
 * (分管领导), or by any leader when the task has none.
 */

export const requestDeadlineExtensionInput = onTask({
  /** The milestone that needs more time; absent or null: the task's own due date. */
  milestoneId: id()
    .nullish()
    .transform((value) => value ?? null),
  requestedDueDate: date(),
  reason: reason(),
});

export const reviewDeadlineExtensionInput = onTask({
  requestId: id(),
  forward: z.boolean({ error: 'must be true (forward) or false (refuse)' }),
  comment: reason(),
});

export const approveDeadlineExtensionInput = onTask({ requestId: id() });

export const rejectDeadlineExtensionInput = onTask({ requestId: id(), reason: reason() });

/** The responsible leader of the task, or any leader of a task without one. */
const responsibleLeader = { leader: 'own_tasks' } as const;

export const extensionCommands = served('tasks', {
  requestDeadlineExtension: command(
    { department_head: 'own_unit' },
    requestDeadlineExtensionInput,
    {
      newId: partOf('extension', 'requestId'),
      unitScope: 'task',
      lifecycle: open,
      // The limit of a due date on a day off runs to the next working day.
      lookups: { calendars: true },
    },
  ),
  reviewDeadlineExtension: command(office, reviewDeadlineExtensionInput, { lifecycle: open }),
  approveDeadlineExtension: command(responsibleLeader, approveDeadlineExtensionInput, {
    lifecycle: open,
  }),
  rejectDeadlineExtension: command(responsibleLeader, rejectDeadlineExtensionInput),
});
