import type { TaskEventOf, TaskEventType } from '../../../contracts/events/task-events.ts';
import { withMember, withoutMember } from './collections.ts';
import type { CompletionState, RegisteredTask } from './state.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

/** A new assignment starts unsigned: every unit signs for it again. */
export const assigned = (task: RegisteredTask, data: Data<'TaskAssigned'>): RegisteredTask => ({
  ...task,
  assigned: true,
  leadUnitId: data.leadUnitId,
  cooperatingUnitIds: [...data.cooperatingUnitIds],
  responsibleLeader: data.responsibleLeader,
  returnRequestedBy: null,
  signedUnitIds: new Set(),
  reportingCycle: data.reportingCycle ?? 'on_milestones',
});

export const signed = (task: RegisteredTask, data: Data<'TaskSigned'>): RegisteredTask => ({
  ...task,
  signedUnitIds: withMember(task.signedUnitIds, data.unitId),
});

/** The new lead unit has not signed yet; cooperating units keep their signatures. */
export const transferred = (
  task: RegisteredTask,
  data: Data<'TaskTransferred'>,
): RegisteredTask => ({
  ...task,
  leadUnitId: data.toUnitId,
  returnRequestedBy: null,
  signedUnitIds: withoutMember(task.signedUnitIds, data.fromUnitId),
});

/** The unit keeps the lead until the office rules on its request. */
export const returnRequested = (
  task: RegisteredTask,
  data: Data<'TaskReturnRequested'>,
): RegisteredTask => ({ ...task, returnRequestedBy: data.unitId });

/** The office took the task back from the unit and gave it to another, which signs anew. */
export const returnAccepted = (
  task: RegisteredTask,
  data: Data<'TaskReturnAccepted'>,
): RegisteredTask => ({
  ...task,
  leadUnitId: data.toUnitId,
  returnRequestedBy: null,
  signedUnitIds: withoutMember(task.signedUnitIds, data.unitId),
});

export const returnRefused = (task: RegisteredTask): RegisteredTask => ({
  ...task,
  returnRequestedBy: null,
});

export const proposed = (
  task: RegisteredTask,
  data: Data<'TaskLifecycleChangeProposed'>,
): RegisteredTask => ({ ...task, proposal: { change: data.change, reason: data.reason } });

export const proposalDecided = (task: RegisteredTask): RegisteredTask => ({
  ...task,
  proposal: null,
});

export const returned = (task: RegisteredTask, data: Data<'TaskReturned'>): RegisteredTask => ({
  ...task,
  leadUnitId: null,
  signedUnitIds: withoutMember(task.signedUnitIds, data.unitId),
});

export const withCompletion = (
  task: RegisteredTask,
  completion: CompletionState,
): RegisteredTask => ({ ...task, completion });

/** Closed (办结) on the day the office accepted the completion report. */
export const accepted = (
  task: RegisteredTask,
  data: Data<'TaskCompletionAccepted'>,
): RegisteredTask => ({ ...task, completion: 'accepted', acceptedOn: data.acceptedOn });

export const withSuspension = (
  task: RegisteredTask,
  suspended: boolean,
  suspendedOn: string | null = null,
): RegisteredTask => ({ ...task, suspended, suspendedOn });

/** The task's own due date moved on after a pause. */
export const dueDateShifted = (
  task: RegisteredTask,
  data: Data<'TaskDueDateShifted'>,
): RegisteredTask => ({ ...task, dueDate: data.to });

export const terminated = (task: RegisteredTask): RegisteredTask => ({ ...task, terminated: true });
