import { illegalState, validationError } from '../../../contracts/errors.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import { type OnTask, recorded } from './on-task.ts';
import { headOfLeadUnit } from './scope.ts';

/**
 * The office moves the lead to another unit, with the reason: from the current
 * lead unit, or from none after a return. A cooperating unit becomes lead by a
 * re-assignment instead, which also says who cooperates from then on.
 */
export const transferTask: OnTask<'TransferTask'> = (data, task) => {
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
  return recorded('TaskTransferred', task, {
    fromUnitId: task.leadUnitId,
    toUnitId: data.toUnitId,
    reason: data.reason,
  });
};

/**
 * The lead unit says the task was wrongly assigned to it. Only before it signed:
 * a signature accepts the task. Afterwards the task has no lead unit until the
 * office re-assigns or transfers it.
 */
export const returnTask: OnTask<'ReturnTask'> = (data, task, { actor }) => {
  const unitId = headOfLeadUnit(task, actor);
  if (task.signedUnitIds.has(unitId)) {
    throw illegalState(
      `unit ${unitId} has signed for task ${task.taskId}: too late to return it`,
      'taskId',
    );
  }
  return recorded('TaskReturned', task, { unitId, reason: data.reason });
};
