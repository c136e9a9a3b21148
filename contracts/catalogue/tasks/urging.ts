import { date, id, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, onTask, open, partOf, served } from '../declare.ts';

/**
 * Urging (催办): the office presses a unit on a task, lighter than a notice
 * (督办单): a message and, if it wants one, the day to reply by.
 */

export const urgeTaskInput = onTask({
  /** The unit urged; the lead unit when absent. */
  unitId: id()
    .nullish()
    .transform((value) => value ?? null),
  message: text(limits.note),
  replyBy: date()
    .nullish()
    .transform((value) => value ?? null),
});

export const urgingCommands = served('tasks', {
  urgeTask: command(office, urgeTaskInput, {
    newId: partOf('urge', 'urgeId'),
    lookups: { units: (data) => [data.unitId] },
    lifecycle: open,
  }),
});
