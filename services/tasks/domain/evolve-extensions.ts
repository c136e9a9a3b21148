import type { TaskEventOf, TaskEventType } from '../../../contracts/events/task-events.ts';
import { withChanged, withEntry } from './collections.ts';
import { changeMilestone } from './evolve-milestones.ts';
import type { ExtensionState, RegisteredTask } from './state.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/** What every extension fact names: the request, and its milestone or (null) the task. */
type RequestRef = { requestId: string; milestoneId: string | null };

const changeRequest = (
  task: RegisteredTask,
  requestId: string,
  change: (request: ExtensionState) => ExtensionState,
): RegisteredTask => ({ ...task, extensions: withChanged(task.extensions, requestId, change) });

/** Marks the open request of the milestone, or of the task itself when `milestoneId` is null. */
const withOpenRequest = (
  task: RegisteredTask,
  milestoneId: string | null,
  requestId: string | null,
): RegisteredTask =>
  milestoneId === null
    ? { ...task, openTaskRequestId: requestId }
    : changeMilestone(task, milestoneId, (milestone) => ({
        ...milestone,
        openRequestId: requestId,
      }));

const closed = (task: RegisteredTask, ref: RequestRef): RegisteredTask =>
  withOpenRequest(
    changeRequest(task, ref.requestId, (request) => ({ ...request, open: false })),
    ref.milestoneId,
    null,
  );

export const extensionRequested = (
  task: RegisteredTask,
  data: Data<'DeadlineExtensionRequested'>,
): RegisteredTask => {
  const request: ExtensionState = {
    milestoneId: data.milestoneId,
    requestedDueDate: data.requestedDueDate,
    open: true,
    reviewed: false,
    forwarded: false,
  };
  const withRequest = { ...task, extensions: withEntry(task.extensions, data.requestId, request) };
  return withOpenRequest(withRequest, data.milestoneId, data.requestId);
};

/** Forwarded, the request waits for the leader; not forwarded, it is closed, the dates unchanged. */
export const extensionReviewed = (
  task: RegisteredTask,
  data: Data<'DeadlineExtensionReviewed'>,
): RegisteredTask => {
  const reviewed = changeRequest(task, data.requestId, (request) => ({
    ...request,
    reviewed: true,
    forwarded: data.forwarded,
  }));
  return data.forwarded ? reviewed : closed(reviewed, data);
};

/** Closes the request; an approved one also moves the milestone's, or the task's, due date. */
export const extensionDecided = (
  task: RegisteredTask,
  data: RequestRef,
  newDueDate: string | null,
): RegisteredTask => {
  const decided = closed(task, data);
  if (newDueDate === null) return decided;
  if (data.milestoneId === null) return { ...decided, dueDate: newDueDate };
  return changeMilestone(decided, data.milestoneId, (milestone) => ({
    ...milestone,
    dueDate: newDueDate,
  }));
};
