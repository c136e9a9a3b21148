import { type Actor, actsForUnit } from '../../../contracts/actor.ts';
import { forbidden } from '../../../contracts/errors.ts';
import type { RegisteredTask } from './state.ts';

/** True when the unit leads the task or cooperates on it. */
export const isResponsibleUnit = (task: RegisteredTask, unitId: string): boolean =>
  task.leadUnitId === unitId || task.cooperatingUnitIds.includes(unitId);

/**
 * True unless the actor acts for a unit (a head or a liaison) not responsible
 * for the task, nor is a department head above a responsible unit in the tree:
 * `scopeUnitIds`, the units it answers for (its own and those below it);
 * absent: its own alone.
 */
export const isInScope = (
  task: RegisteredTask,
  actor: Actor,
  scopeUnitIds?: readonly string[],
): boolean =>
  !actsForUnit(actor) ||
  (actor.unitId !== undefined && isResponsibleUnit(task, actor.unitId)) ||
  overseenUnit(task, actor, scopeUnitIds) !== null;

/**
 * The responsible unit of the task a department head oversees from above (the
 * lead unit first, then the cooperating units in order), when its own unit is
 * not responsible; else null.
 */
export const overseenUnit = (
  task: RegisteredTask,
  actor: Actor,
  scopeUnitIds: readonly string[] | undefined,
): string | null => {
  if (actor.role !== 'department_head' || actor.unitId === undefined) return null;
  if (isResponsibleUnit(task, actor.unitId) || scopeUnitIds === undefined) return null;
  const responsible = [task.leadUnitId, ...task.cooperatingUnitIds];
  return responsible.find((unitId) => unitId !== null && scopeUnitIds.includes(unitId)) ?? null;
};

const unitName = (actor: Actor): string =>
  actor.unitId === undefined ? 'a department head without a unit' : `unit ${actor.unitId}`;

/**
 * A department head (责任单位负责人) acts only on tasks its unit is responsible
 * for (DESIGN §2: "must never touch a task its unit is not responsible for"),
 * or that a unit below its own in the tree is (a street's head, its 社区's).
 * Other roles are checked by the permission matrix, not here.
 */
export const assertInScope = (
  task: RegisteredTask,
  actor: Actor,
  scopeUnitIds?: readonly string[],
): void => {
  if (isInScope(task, actor, scopeUnitIds)) return;
  throw forbidden(
    `${unitName(actor)} is neither the lead nor a cooperating unit of task ${task.taskId}, nor above one in the tree`,
  );
};

/** The unit of an acting department head (in scope, so it has one). */
export const actingUnitId = (actor: Actor): string => {
  if (actor.unitId === undefined) throw forbidden(`${unitName(actor)} cannot act for a unit`);
  return actor.unitId;
};

/** The lead unit's id, when the actor is its department head: only the lead unit may. */
export const headOfLeadUnit = (task: RegisteredTask, actor: Actor): string => {
  const unitId = actingUnitId(actor);
  if (unitId !== task.leadUnitId) {
    throw forbidden(`unit ${unitId} does not lead task ${task.taskId}; only the lead unit may`);
  }
  return unitId;
};

/**
 * A leader with scope `own_tasks` acts on the tasks it is the responsible leader
 * (分管领导) of: its actor id is the official's id the assignment named (or, for
 * a leader typed in by name before the directory held officials, its name). Any
 * leader acts on a task without one.
 */
export const assertResponsibleLeader = (task: RegisteredTask, actor: Actor): void => {
  const responsible = task.responsibleLeader;
  if (responsible === null || responsible === actor.id || responsible === actor.name) return;
  throw forbidden(
    `only the responsible leader of task ${task.taskId}, ${responsible}, may; not ${actor.id}`,
  );
};
