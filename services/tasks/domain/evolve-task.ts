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
  signedUnitIds: new Set(),
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
  signedUnitIds: withoutMember(task.signedUnitIds, data.fromUnitId),
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
