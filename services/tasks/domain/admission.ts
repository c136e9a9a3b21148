import type { Actor } from '../../../contracts/actor.ts';
import { forbidden, illegalState, notFound } from '../../../contracts/errors.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { TaskCommand } from './commands.ts';
import { type Requirement, requirementOf } from './requirements.ts';
import { assertInScope, assertResponsibleLeader, overseenUnit } from './scope.ts';
import type { RegisteredTask, TaskState } from './state.ts';

/** Commands addressed to an existing task: all but the registrations. */
export type TaskBoundCommand = Exclude<
  TaskCommand,
  { type: 'RegisterTask' | 'RegisterMatter' | 'RegisterSubTask' }
>;

/**
 * The units an acting department head answers for, as the service looked them
 * up: its own and every unit below it in the tree. Absent: its own unit alone.
 */
const scopeUnitIdsOf = (command: TaskBoundCommand): readonly string[] | undefined =>
  (command.data as { scopeUnitIds?: readonly string[] }).scopeUnitIds;

const assertRole = (type: string, requirement: Requirement, actor: Actor): void => {
  if (requirement.roles.includes(actor.role)) return;
  throw forbidden(`role ${actor.role} may not ${type}; only ${requirement.roles.join(', ')}`);
};

const assertLifecycle = (task: RegisteredTask, requirement: Requirement): void => {
  const id = task.taskId;
  if (task.terminated) throw illegalState(`task ${id} is terminated`, 'taskId');
  if (requirement.open && task.completion === 'accepted') {
    throw illegalState(`task ${id} is closed: its completion was accepted`, 'taskId');
  }
  if (requirement.active && task.suspended) {
    throw illegalState(`task ${id} is suspended`, 'taskId');
  }
};

/**
 * The task a command may act on, in the order an outsider learns least: role,
 * then existence, then the unit's (or the responsible leader's) scope, then
 * the task's lifecycle.
 */
export const admittedTask = (
  command: TaskBoundCommand,
  state: TaskState,
  context: DecisionContext,
): RegisteredTask => {
  const requirement = requirementOf(command.type);
  assertRole(command.type, requirement, context.actor);
  if (!state.registered) throw notFound('taskId', `task ${command.data.taskId}`);
  if (requirement.unitScope) assertInScope(state, context.actor, scopeUnitIdsOf(command));
  if (requirement.ownTasks.includes(context.actor.role)) {
    assertResponsibleLeader(state, context.actor);
  }
  assertLifecycle(state, requirement);
  return state;
};

/**
 * The context a command's own rules read: a department head acting on a task of
 * a unit below its own (its subtree) acts for that unit, as the unit's superior
 * may (the facts name the unit; the event's actor names who did it). A split is
 * the lead unit's own decision: its head alone, never a superior, splits.
 */
export const actingFor = (
  command: TaskBoundCommand,
  task: RegisteredTask,
  context: DecisionContext,
): DecisionContext => {
  if (command.type === 'SplitTask') return context;
  const unitId = overseenUnit(task, context.actor, scopeUnitIdsOf(command));
  return unitId === null ? context : { ...context, actor: { ...context.actor, unitId } };
};
