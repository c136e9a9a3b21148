import { z } from 'zod';
import { date, id, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, onTask, openAndActive, partOf, reporters, served } from '../declare.ts';

/** The most sub-tasks one split creates: a street has a few dozen 社区 at most. */
export const maxSubTasks = 50;

const weightRule = 'must be a number greater than 0 and at most 100';

/** One sub-task to create: the sub-unit, its title, its due date and its weight in the task. */
const subTaskInput = z.object({
  unitId: id(),
  title: text(limits.title),
  dueDate: date(),
  /** Its share of the task's progress, as a milestone's weight is; absent: 1. */
  weight: z
    .number({ error: weightRule })
    .finite(weightRule)
    .gt(0, weightRule)
    .max(100, weightRule)
    .nullish()
    .transform((value) => value ?? 1),
});

/**
 * 分解交办: the lead unit splits part of its task into sub-tasks for its
 * sub-units (a street for its 社区, a department for its 科室).
 */
export const splitTaskInput = onTask({
  subTasks: z
    .array(subTaskInput)
    .min(1, 'must name at least 1 sub-task')
    .max(maxSubTasks, `must name at most ${maxSubTasks} sub-tasks`),
});

export const splittingCommands = served('tasks', {
  splitTask: command(reporters, splitTaskInput, {
    newId: partOf('split', 'splitId'),
    lookups: { unitPaths: (data) => data.subTasks.map((subTask) => subTask.unitId) },
    unitScope: 'task',
    lifecycle: openAndActive,
  }),
});
