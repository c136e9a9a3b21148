import type { Actor } from '../../../contracts/actor.ts';
import { illegalState, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import type { CommandData } from './commands.ts';
import { headOfLeadUnit } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/**
 * The office moves the lead to another unit, with the reason: from the current
 * lead unit, or from none after a return. A cooperating unit becomes lead by a
 * re-assignment instead, which also says who cooperates from then on.
 */
export const transferTask = (
  data: CommandData<'TransferTask'>,
  task: RegisteredTask,
): TaskEvent[] => {
  if (!task.assigned) {
    throw illegalState(`task ${task.taskId} is not assigned yet: assign it first`, 'taskId');
  }
  knownUnit('toUnitId', data.toUnitId, data.knownUnitIds);
  if (data.toUnitId === task.leadUnitId) {
    throw validationError('toUnitId', 'must not be the current lead unit');
  }
  if (task.cooperatingUnitIds.includes(data.toUnitId)) {
    throw validationError('toUnitId', 'must not be a cooperating unit: re-assign the task instead');
  }
  return [
    {
      type: 'TaskTransferred',
      data: {
        taskId: task.taskId,
        fromUnitId: task.leadUnitId,
        toUnitId: data.toUnitId,
        reason: data.reason,
      },
    },
  ];
};

/**
 * The lead unit says the task was wrongly assigned to it. Only before it signed:
 * a signature accepts the task. Afterwards the task has no lead unit until the
 * office re-assigns or transfers it.
 */
export const returnTask = (
  data: CommandData<'ReturnTask'>,
  task: RegisteredTask,
  actor: Actor,
): TaskEvent[] => {
  const unitId = headOfLeadUnit(task, actor);
  if (task.signedUnitIds.has(unitId)) {
    throw illegalState(
      `unit ${unitId} has signed for task ${task.taskId}: too late to return it`,
      'taskId',
    );
  }
  return [{ type: 'TaskReturned', data: { taskId: task.taskId, unitId, reason: data.reason } }];
};
