import { illegalState, validationError } from '../../../contracts/errors.ts';
import { today } from './calendar.ts';
import { existingExtension, existingMilestone, openMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import { unusedId } from './rules.ts';
import { headOfLeadUnit } from './scope.ts';
import type { ExtensionState, MilestoneState, RegisteredTask } from './state.ts';

/** Later than the milestone's current due date, and within the task (a task-level extension is another matter). */
const requestedDueDate = (date: string, milestone: MilestoneState, task: RegisteredTask) => {
  if (date <= milestone.dueDate) {
    throw validationError(
      'requestedDueDate',
      `must be later than the current due date ${milestone.dueDate}`,
    );
  }
  if (date > task.dueDate) {
    throw validationError(
      'requestedDueDate',
      `must not be later than the task's due date ${task.dueDate}`,
    );
  }
  return date;
};

/**
 * The lead unit asks for more time for a milestone, only before its deadline
 * (DESIGN §4): on the due day at the latest, in China Standard Time. One open
 * request per milestone.
 */
export const requestDeadlineExtension: OnTask<'RequestDeadlineExtension'> = (
  data,
  task,
  context,
) => {
  headOfLeadUnit(task, context.actor);
  const milestone = openMilestone(task, data.milestoneId);
  const day = today(context);
  if (day > milestone.dueDate) {
    throw illegalState(
      `milestone ${data.milestoneId} was due ${milestone.dueDate}: an extension asked on ${day} is too late`,
      'milestoneId',
    );
  }
  if (milestone.openRequestId !== null) {
    throw illegalState(
      `milestone ${data.milestoneId} already has the open request ${milestone.openRequestId}`,
      'milestoneId',
    );
  }
  const requestId = unusedId('requestId', data.requestId, task.extensions, 'extension request');
  return recorded('DeadlineExtensionRequested', task, {
    requestId,
    milestoneId: data.milestoneId,
    currentDueDate: milestone.dueDate,
    requestedDueDate: requestedDueDate(data.requestedDueDate, milestone, task),
    reason: data.reason,
  });
};

const openRequest = (task: RegisteredTask, requestId: string): ExtensionState => {
  const request = existingExtension(task, requestId);
  if (!request.open)
    throw illegalState(`extension request ${requestId} is already decided`, 'requestId');
  return request;
};

/**
 * A leader grants the requested date; it becomes the milestone's due date. Not
 * for a milestone completed meanwhile: a late completion must not turn on time.
 */
export const approveDeadlineExtension: OnTask<'ApproveDeadlineExtension'> = (
  data,
  task,
  { actor },
) => {
  const request = openRequest(task, data.requestId);
  if (existingMilestone(task, request.milestoneId).completed) {
    throw illegalState(
      `milestone ${request.milestoneId} is completed: reject the request instead`,
      'requestId',
    );
  }
  return recorded('DeadlineExtensionApproved', task, {
    requestId: data.requestId,
    milestoneId: request.milestoneId,
    newDueDate: request.requestedDueDate,
    approvedBy: actor.id,
  });
};

/** A leader refuses the request; the due date stays. A refusal is an outcome, so an event. */
export const rejectDeadlineExtension: OnTask<'RejectDeadlineExtension'> = (
  data,
  task,
  { actor },
) => {
  const request = openRequest(task, data.requestId);
  return recorded('DeadlineExtensionRejected', task, {
    requestId: data.requestId,
    milestoneId: request.milestoneId,
    reason: data.reason,
    rejectedBy: actor.id,
  });
};
