import { z } from 'zod';
import { date, id, idempotencyKey, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office } from '../declare.ts';

/**
 * Urging (催办): the office presses a unit on a task, lighter than a notice
 * (督办单): a message and, if it wants one, the day to reply by.
 */

export const urgeTaskInput = z.object({
  taskId: id(),
  /** The unit urged; the lead unit when absent. */
  unitId: id()
    .nullish()
    .transform((value) => value ?? null),
  message: text(limits.note),
  replyBy: date()
    .nullish()
    .transform((value) => value ?? null),
  idempotencyKey,
});

export const urgeTask = command({
  roles: office,
  action: 'tasks.urgeTask',
  mutation: 'urgeTask',
  input: urgeTaskInput,
  command: 'UrgeTask',
  newId: { field: 'urgeId', kind: 'urge', scopeField: 'taskId' },
  lookups: { units: (data) => [data.unitId] },
  lifecycle: ['open'],
});
