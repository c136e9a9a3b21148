import { dayOf } from '../../../contracts/dates.ts';
import { illegalState, notFound, validationError } from '../../../contracts/errors.ts';
import type { SubTaskEntry, TaskEvent } from '../../../contracts/events/task-events.ts';
import type { CommandData } from './commands.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import { headOfLeadUnit } from './scope.ts';
import type { RegisteredTask, TaskState } from './state.ts';

/**
 * The id of a split's sub-task: derived from the split's id (itself derived
 * from the command's idempotency key), so a retried split names the same
 * sub-tasks and creates nothing new.
 */
export const subTaskIdOf = (splitId: string, index: number): string => `${splitId}.${index + 1}`;

/** The one milestone a sub-task starts with: the sub-unit reports its progress on it. */
export const subTaskMilestoneIdOf = (subTaskId: string): string => `${subTaskId}.m1`;

/** A sub-unit of the lead unit: registered, and below it in the tree (not the lead unit itself). */
const subUnit = (
  field: string,
  unitId: string,
  leadUnitId: string,
  unitPaths: Readonly<Record<string, readonly string[]>>,
): string => {
  const path = Object.hasOwn(unitPaths, unitId) ? unitPaths[unitId] : undefined;
  if (path === undefined) throw notFound(field, `unit ${unitId}`);
  if (unitId === leadUnitId || !path.includes(leadUnitId)) {
    throw validationError(field, `must be a sub-unit of the lead unit ${leadUnitId}`);
  }
  return unitId;
};

/** The sub-tasks as the split records them, each checked: a sub-unit once, dated within the task. */
const subTasksOf = (
  data: CommandData<'SplitTask'>,
  task: RegisteredTask,
  leadUnitId: string,
  plannedStart: string,
): SubTaskEntry[] =>
  data.subTasks.map((subTask, index) => {
    const field = `subTasks[${index}]`;
    const unitId = subUnit(`${field}.unitId`, subTask.unitId, leadUnitId, data.unitPaths ?? {});
    if (data.subTasks.findIndex((other) => other.unitId === unitId) < index) {
      throw validationError(`${field}.unitId`, 'must not repeat a unit');
    }
    if (subTask.dueDate < plannedStart || subTask.dueDate > task.dueDate) {
      throw validationError(
        `${field}.dueDate`,
        `must be within what is left of the task, ${plannedStart} to ${task.dueDate}`,
      );
    }
    return {
      subTaskId: subTaskIdOf(data.splitId, index),
      unitId,
      title: subTask.title,
      plannedStart,
      dueDate: subTask.dueDate,
      weight: subTask.weight,
    };
  });

/**
 * 分解交办: the lead unit (its department head, or the office) splits part of
 * the task into sub-tasks for its own sub-units. Each sub-task starts on the day
 * of the split (or the task's start, if later) and ends by the task's due date;
 * its weight is its share of this task's progress, as a milestone's is.
 */
export const splitTask: OnTask<'SplitTask'> = (data, task, { actor, now }) => {
  if (actor.role === 'department_head') headOfLeadUnit(task, actor);
  const leadUnitId = task.leadUnitId;
  if (leadUnitId === null) {
    throw illegalState(`task ${task.taskId} has no lead unit to split it among its sub-units`);
  }
  unusedId('splitId', data.splitId, task.splitIds, 'split');
  // ISO dates order as text: the later of the split's day and the task's start.
  const plannedStart = [dayOf(now), task.plannedStart].sort().at(-1) ?? task.plannedStart;
  return recorded('TaskSplit', task, {
    splitId: data.splitId,
    section: task.section,
    responsibleLeader: task.responsibleLeader,
    subTasks: subTasksOf(data, task, leadUnitId, plannedStart),
  });
};

/**
 * A sub-task of a recorded split: registered under its parent, assigned to its
 * sub-unit (which signs and reports as any lead unit does), with one milestone
 * to report its progress on. Already registered: nothing, so the tasks service
 * may send it again until every sub-task of a split exists.
 */
export const registerSubTask = (
  data: CommandData<'RegisterSubTask'>,
  state: TaskState,
): TaskEvent[] => {
  if (state.registered) return [];
  const { subTask, section, responsibleLeader } = data.split;
  const taskId = data.taskId;
  return [
    {
      type: 'TaskRegistered',
      data: {
        taskId,
        title: subTask.title,
        description: null,
        section,
        plannedStart: subTask.plannedStart,
        dueDate: subTask.dueDate,
        parentTaskId: data.parentTaskId,
      },
    },
    {
      type: 'TaskAssigned',
      data: { taskId, leadUnitId: subTask.unitId, cooperatingUnitIds: [], responsibleLeader },
    },
    {
      type: 'MilestonePlanned',
      data: {
        taskId,
        milestoneId: subTaskMilestoneIdOf(taskId),
        title: subTask.title,
        dueDate: subTask.dueDate,
        weight: 1,
      },
    },
  ];
};
