import { illegalState, validationError } from '../../../contracts/errors.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import { limitOf } from '../../../domain/calendar/work-calendar.ts';
import { today } from './calendar.ts';
import { openMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import { headOfLeadUnit } from './scope.ts';
import type { RegisteredTask } from './state.ts';

/** What a request asks more time for: a milestone's due date, or the task's own. */
interface Target {
  milestoneId: string | null;
  dueDate: string;
  openRequestId: string | null;
  /** The field an error about it names. */
  field: 'milestoneId' | 'taskId';
  what: string;
}

const targetOf = (task: RegisteredTask, milestoneId: string | null): Target => {
  if (milestoneId === null) {
    return {
      milestoneId,
      dueDate: task.dueDate,
      openRequestId: task.openTaskRequestId,
      field: 'taskId',
      what: `task ${task.taskId}`,
    };
  }
  const milestone = openMilestone(task, milestoneId);
  return {
    milestoneId,
    dueDate: milestone.dueDate,
    openRequestId: milestone.openRequestId,
    field: 'milestoneId',
    what: `milestone ${milestoneId}`,
  };
};

/**
 * Later than the current due date; for a milestone, within the task's own due
 * date too (more time for the task is a request of its own).
 */
const requestedDueDate = (date: string, target: Target, task: RegisteredTask) => {
  if (date <= target.dueDate) {
    throw validationError(
      'requestedDueDate',
      `must be later than the current due date ${target.dueDate}`,
    );
  }
  if (target.milestoneId !== null && date > task.dueDate) {
    throw validationError(
      'requestedDueDate',
      `must not be later than the task's due date ${task.dueDate}: ask for the task's own first`,
    );
  }
  return date;
};

/**
 * The head of the lead unit asks for more time (延期), for a milestone or for
 * the task itself, only before its limit runs out (DESIGN §4): the due date,
 * or the next working day when it falls on a day off (`limitOf`, on the
 * calendars the service looked up), in China Standard Time. One open request
 * per milestone, and one for the task's own due date.
 */
export const requestDeadlineExtension: OnTask<'RequestDeadlineExtension'> = (
  data,
  task,
  context,
) => {
  headOfLeadUnit(task, context.actor);
  const target = targetOf(task, data.milestoneId);
  const day = today(context);
  const limit = limitOf(calendarsInForce(data.calendars ?? []), target.dueDate);
  if (day > limit) {
    throw illegalState(
      `${target.what} was due ${target.dueDate}, its limit ${limit}: an extension asked on ${day} is too late`,
      target.field,
    );
  }
  if (target.openRequestId !== null) {
    throw illegalState(
      `${target.what} already has the open request ${target.openRequestId}`,
      target.field,
    );
  }
  const requestId = unusedId('requestId', data.requestId, task.extensions, 'extension request');
  return recorded('DeadlineExtensionRequested', task, {
    requestId,
    milestoneId: target.milestoneId,
    currentDueDate: target.dueDate,
    requestedDueDate: requestedDueDate(data.requestedDueDate, target, task),
    reason: data.reason,
  });
};
