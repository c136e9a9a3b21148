import { illegalState } from '../../../contracts/errors.ts';
import { type OnTask, recorded } from './on-task.ts';

/**
 * The office pauses the task (e.g. its funding is frozen): it takes no progress,
 * completion or completion decision until resumed. Already suspended is refused
 * by the admission rules.
 */
export const suspendTask: OnTask<'SuspendTask'> = (data, task) =>
  recorded('TaskSuspended', task, { reason: data.reason });

export const resumeTask: OnTask<'ResumeTask'> = (data, task) => {
  if (!task.suspended) throw illegalState(`task ${task.taskId} is not suspended`, 'taskId');
  return recorded('TaskResumed', task, { reason: data.reason });
};

/** Final: afterwards the task is only read, never changed. */
export const terminateTask: OnTask<'TerminateTask'> = (data, task) =>
  recorded('TaskTerminated', task, { reason: data.reason });
