import { illegalState } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { CommandData } from './commands.ts';
import type { RegisteredTask } from './state.ts';

/**
 * The office pauses the task (e.g. its funding is frozen): it takes no progress,
 * completion or completion decision until resumed. Already suspended is refused
 * by the admission rules.
 */
export const suspendTask = (
  data: CommandData<'SuspendTask'>,
  task: RegisteredTask,
): TaskEvent[] => [{ type: 'TaskSuspended', data: { taskId: task.taskId, reason: data.reason } }];

export const resumeTask = (data: CommandData<'ResumeTask'>, task: RegisteredTask): TaskEvent[] => {
  if (!task.suspended) throw illegalState(`task ${task.taskId} is not suspended`, 'taskId');
  return [{ type: 'TaskResumed', data: { taskId: task.taskId, reason: data.reason } }];
};

/** Final: afterwards the task is only read, never changed. */
export const terminateTask = (
  data: CommandData<'TerminateTask'>,
  task: RegisteredTask,
): TaskEvent[] => [{ type: 'TaskTerminated', data: { taskId: task.taskId, reason: data.reason } }];
