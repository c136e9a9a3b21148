import { illegalState } from '../../../contracts/errors.ts';
import { type OnTask, recorded } from './on-task.ts';
import { actingUnitId } from './scope.ts';

/**
 * Signs (签收) for the task in the name of the actor's unit: the lead unit, or a
 * cooperating unit for its own part. Once per assignment: a re-assignment or a
 * transfer asks for a new signature.
 */
export const signTask: OnTask<'SignTask'> = (_data, task, { actor }) => {
  const unitId = actingUnitId(actor);
  if (task.leadUnitId === null) {
    throw illegalState(`task ${task.taskId} has no lead unit to sign for`, 'taskId');
  }
  if (task.returnRequestedBy === unitId) {
    throw illegalState(
      `unit ${unitId} has asked to return task ${task.taskId}: the office rules on it first`,
      'taskId',
    );
  }
  if (task.signedUnitIds.has(unitId)) {
    throw illegalState(`unit ${unitId} has already signed for task ${task.taskId}`, 'taskId');
  }
  return recorded('TaskSigned', task, { unitId });
};
