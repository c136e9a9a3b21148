import { illegalState } from '../../../contracts/errors.ts';
import { existingExtension, existingMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import type { ExtensionState, RegisteredTask } from './state.ts';

const openRequest = (task: RegisteredTask, requestId: string): ExtensionState => {
  const request = existingExtension(task, requestId);
  if (!request.open) throw illegalState(`extension request ${requestId} is closed`, 'requestId');
  return request;
};

/**
 * 初审: the office reviews an open request once, forwarding it to the
 * responsible leader (分管领导) or refusing it, which closes it with the dates
 * as they are.
 */
export const reviewDeadlineExtension: OnTask<'ReviewDeadlineExtension'> = (
  data,
  task,
  { actor },
) => {
  const request = openRequest(task, data.requestId);
  if (request.reviewed) {
    throw illegalState(
      `extension request ${data.requestId} was already reviewed and forwarded`,
      'requestId',
    );
  }
  return recorded('DeadlineExtensionReviewed', task, {
    requestId: data.requestId,
    milestoneId: request.milestoneId,
    forwarded: data.forward,
    comment: data.comment,
    reviewedBy: actor.id,
  });
};

/** A request the office forwarded and nobody decided yet: only such a one is for the leader. */
const forwardedRequest = (task: RegisteredTask, requestId: string): ExtensionState => {
  const request = openRequest(task, requestId);
  if (!request.forwarded) {
    throw illegalState(
      `extension request ${requestId} awaits the office's review (初审) first`,
      'requestId',
    );
  }
  return request;
};

/** The due date the request would move: its milestone's, or the task's own. */
const currentDueDate = (task: RegisteredTask, request: ExtensionState): string =>
  request.milestoneId === null
    ? task.dueDate
    : existingMilestone(task, request.milestoneId).dueDate;

/**
 * The responsible leader grants the requested date: it becomes the milestone's
 * due date, or the task's. Not for a milestone completed meanwhile (a late
 * completion must not turn on time), nor once a pause moved the date to the
 * requested one or past it (granting would move it back).
 */
export const approveDeadlineExtension: OnTask<'ApproveDeadlineExtension'> = (
  data,
  task,
  { actor },
) => {
  const request = forwardedRequest(task, data.requestId);
  if (request.milestoneId !== null && existingMilestone(task, request.milestoneId).completed) {
    throw illegalState(
      `milestone ${request.milestoneId} is completed: reject the request instead`,
      'requestId',
    );
  }
  const dueDate = currentDueDate(task, request);
  if (request.requestedDueDate <= dueDate) {
    throw illegalState(
      `the due date moved on to ${dueDate} since the request for ${request.requestedDueDate}: reject it instead`,
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

/** The responsible leader refuses the request; the due date stays. A refusal is an outcome, so an event. */
export const rejectDeadlineExtension: OnTask<'RejectDeadlineExtension'> = (
  data,
  task,
  { actor },
) => {
  const request = forwardedRequest(task, data.requestId);
  return recorded('DeadlineExtensionRejected', task, {
    requestId: data.requestId,
    milestoneId: request.milestoneId,
    reason: data.reason,
    rejectedBy: actor.id,
  });
};
