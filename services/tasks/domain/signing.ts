import type { Actor } from '../../../contracts/actor.ts';
import { illegalState } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { actingUnitId } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/**
 * Signs (签收) for the task in the name of the actor's unit: the lead unit, or a
 * cooperating unit for its own part. Once per assignment: a re-assignment or a
 * transfer asks for a new signature.
 */
export const signTask = (task: RegisteredTask, actor: Actor): TaskEvent[] => {
  const unitId = actingUnitId(actor);
  if (task.leadUnitId === null) {
    throw illegalState(`task ${task.taskId} has no lead unit to sign for`, 'taskId');
  }
  if (task.signedUnitIds.has(unitId)) {
    throw illegalState(`unit ${unitId} has already signed for task ${task.taskId}`, 'taskId');
  }
  return [{ type: 'TaskSigned', data: { taskId: task.taskId, unitId } }];
};
