import type { Actor } from '../../../contracts/actor.ts';
import { forbidden } from '../../../contracts/errors.ts';
import type { RegisteredTask } from './state.ts';

/** True when the unit leads the task or cooperates on it. */
export const isResponsibleUnit = (task: RegisteredTask, unitId: string): boolean =>
  task.leadUnitId === unitId || task.cooperatingUnitIds.includes(unitId);

/**
 * A department head (责任单位负责人) acts only on tasks its unit is responsible
 * for (DESIGN §2: "must never touch a task its unit is not responsible for").
 * Other roles are checked by the permission matrix, not here.
 */
export const assertInScope = (task: RegisteredTask, actor: Actor): void => {
  if (actor.role !== 'department_head') return;
  if (actor.unitId !== undefined && isResponsibleUnit(task, actor.unitId)) return;
  const unit =
    actor.unitId === undefined ? 'a department head without a unit' : `unit ${actor.unitId}`;
  throw forbidden(`${unit} is neither the lead nor a cooperating unit of task ${task.taskId}`);
};
