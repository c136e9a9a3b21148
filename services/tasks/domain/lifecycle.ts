import { illegalState } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import {
  addWorkingDays,
  type Calendars,
  workingDaysBetween,
} from '../../../domain/calendar/work-calendar.ts';
import { addDays } from '../../../domain/dates.ts';
import { today } from './calendar.ts';
import { type OnTask, recorded } from './on-task.ts';
import { leaderChange } from './proposals.ts';
import type { RegisteredTask } from './state.ts';

/**
 * The responsible leader pauses the task (e.g. its funding is frozen): it takes
 * no progress, completion or completion decision until resumed, and its dates
 * stand still. Already suspended is refused by the admission rules.
 */
export const suspendTask: OnTask<'SuspendTask'> = (data, task, context) =>
  leaderChange('suspend', data.reason, task, context);

/**
 * The facts of the open due dates a pause from `suspendedOn` to `resumedOn`
 * moves on: each one on or after the suspension (an earlier one had already
 * passed), by the working days suspended, counted on from the date itself.
 */
const shifts = (
  task: RegisteredTask,
  suspendedOn: string,
  resumedOn: string,
  calendars: Calendars,
): TaskEvent[] => {
  const workingDays = workingDaysBetween(
    calendars,
    addDays(suspendedOn, -1),
    addDays(resumedOn, -1),
  );
  if (workingDays === 0) return [];
  const pause = { suspendedOn, resumedOn, workingDays };
  const moved = (from: string) => ({ from, to: addWorkingDays(calendars, from, workingDays) });
  const milestones = [...task.milestones]
    .filter(([, milestone]) => !milestone.completed && milestone.dueDate >= suspendedOn)
    .flatMap(([milestoneId, milestone]) =>
      recorded('MilestoneDueDateShifted', task, {
        milestoneId,
        ...moved(milestone.dueDate),
        ...pause,
      }),
    );
  const own =
    task.dueDate >= suspendedOn
      ? recorded('TaskDueDateShifted', task, { ...moved(task.dueDate), ...pause })
      : [];
  return [...milestones, ...own];
};

/**
 * Resumes a suspended task. Suspension pauses its clock: the open due dates
 * move on by the working days it was suspended (recorded one by one, each
 * with its date before and after), so resuming never makes a date that passed
 * during the pause overdue at once.
 */
export const resumeTask: OnTask<'ResumeTask'> = (data, task, context) => {
  if (!task.suspended) throw illegalState(`task ${task.taskId} is not suspended`, 'taskId');
  const resumed = recorded('TaskResumed', task, { reason: data.reason });
  if (task.suspendedOn === null) return resumed;
  // The versions the service looked up, over the ones shipped.
  const calendars = calendarsInForce(data.calendars ?? []);
  return [...resumed, ...shifts(task, task.suspendedOn, today(context), calendars)];
};

/** Final, by the responsible leader: afterwards the task is only read, never changed. */
export const terminateTask: OnTask<'TerminateTask'> = (data, task, context) =>
  leaderChange('terminate', data.reason, task, context);
