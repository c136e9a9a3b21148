import { notFound } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import { reportBlockage, resolveBlockage } from './blockages.ts';
import type { TaskCommand } from './commands.ts';
import { completeMilestone, planMilestone, reportProgress } from './milestones.ts';
import { assignTask, registerTask } from './registration.ts';
import { assertInScope } from './scope.ts';
import type { RegisteredTask, TaskState } from './state.ts';

const registeredTask = (state: TaskState, taskId: string): RegisteredTask => {
  if (!state.registered) throw notFound('taskId', `task ${taskId}`);
  return state;
};

/** The task, when the actor may work on it (see `assertInScope`). */
const taskInScope = (
  state: TaskState,
  taskId: string,
  context: DecisionContext,
): RegisteredTask => {
  const task = registeredTask(state, taskId);
  assertInScope(task, context.actor);
  return task;
};

/**
 * Decides a task command: the events it causes, or a DomainError for the first
 * broken rule. Existence and scope come before the command's own rules, so an
 * actor out of scope learns nothing about the task's milestones or blockages.
 */
export const decide = (
  command: TaskCommand,
  state: TaskState,
  context: DecisionContext,
): TaskEvent[] => {
  switch (command.type) {
    case 'RegisterTask':
      return registerTask(command.data, state);
    case 'AssignTask':
      return assignTask(command.data, registeredTask(state, command.data.taskId));
    case 'PlanMilestone':
      return planMilestone(command.data, registeredTask(state, command.data.taskId));
    case 'ReportProgress': {
      const task = taskInScope(state, command.data.taskId, context);
      return reportProgress(command.data, task, context.actor);
    }
    case 'CompleteMilestone':
      return completeMilestone(command.data, taskInScope(state, command.data.taskId, context));
    case 'ReportBlockage': {
      const task = taskInScope(state, command.data.taskId, context);
      return reportBlockage(command.data, task, context.actor);
    }
    case 'ResolveBlockage':
      return resolveBlockage(command.data, taskInScope(state, command.data.taskId, context));
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown task command ${(_exhaustive as { type: string }).type}`);
    }
  }
};
