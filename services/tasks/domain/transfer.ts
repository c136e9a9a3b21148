import { illegalState, validationError } from '../../../contracts/errors.ts';
import { knownUnit } from '../../shared/domain-rules.ts';
import { type OnTask, recorded } from './on-task.ts';
import { headOfLeadUnit } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/** The new lead unit: a registered unit, neither the lead unit nor a cooperating one. */
const newLeadUnit = (
  task: RegisteredTask,
  data: { toUnitId: string; knownUnitIds: readonly string[] },
): string => {
  knownUnit('toUnitId', data.toUnitId, data.knownUnitIds);
  if (data.toUnitId === task.leadUnitId) {
    throw validationError('toUnitId', 'must not be the current lead unit');
  }
  if (task.cooperatingUnitIds.includes(data.toUnitId)) {
    throw validationError('toUnitId', 'must not be a cooperating unit: re-assign the task instead');
  }
  return data.toUnitId;
};

/**
 * The office moves the lead to another unit, with the reason: from the current
 * lead unit, or from none after a return. A cooperating unit becomes lead by a
 * re-assignment instead, which also says who cooperates from then on.
 */
export const transferTask: OnTask<'TransferTask'> = (data, task) => {
  if (!task.assigned) {
    throw illegalState(`task ${task.taskId} is not assigned yet: assign it first`, 'taskId');
  }
  return recorded('TaskTransferred', task, {
    fromUnitId: task.leadUnitId,
    toUnitId: newLeadUnit(task, data),
    reason: data.reason,
  });
};

/**
 * The lead unit says the task was wrongly assigned to it (退回) and asks the
 * office to take it back. Only before it signed: a signature accepts the task.
 * The unit keeps the lead until the office rules, so the task is never left
 * without one; one request at a time.
 */
export const returnTask: OnTask<'ReturnTask'> = (data, task, { actor }) => {
  const unitId = headOfLeadUnit(task, actor);
  if (task.signedUnitIds.has(unitId)) {
    throw illegalState(
      `unit ${unitId} has signed for task ${task.taskId}: too late to return it`,
      'taskId',
    );
  }
  if (task.returnRequestedBy !== null) {
    throw illegalState(
      `unit ${unitId} has already asked to return task ${task.taskId}: the office rules on it`,
      'taskId',
    );
  }
  return recorded('TaskReturnRequested', task, { unitId, reason: data.reason });
};

/** The unit whose return request awaits the office's ruling. */
const requestingUnit = (task: RegisteredTask): string => {
  if (task.returnRequestedBy === null) {
    throw illegalState(`task ${task.taskId} has no return request to rule on`, 'taskId');
  }
  return task.returnRequestedBy;
};

/**
 * The office accepts the return: the lead goes to another unit, which signs for
 * it anew. The unit that gave it back cannot be named again.
 */
export const acceptReturn: OnTask<'AcceptReturn'> = (data, task) => {
  const unitId = requestingUnit(task);
  return recorded('TaskReturnAccepted', task, {
    unitId,
    toUnitId: newLeadUnit(task, data),
    reason: data.reason,
  });
};

/** The office refuses the return: the unit keeps the task and is expected to sign for it. */
export const refuseReturn: OnTask<'RefuseReturn'> = (data, task) =>
  recorded('TaskReturnRefused', task, { unitId: requestingUnit(task), reason: data.reason });
