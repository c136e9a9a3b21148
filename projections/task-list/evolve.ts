import { isTaskEvent } from '../../contracts/events/families.ts';
import { kindOf } from '../../contracts/events/matter-sources.ts';
import { taskProgress, taskStatus } from '../../domain/progress.ts';
import type { Data } from '../events.ts';
import { lifecycleFlagsAfter } from '../lifecycle-flags.ts';
import type { EventEnvelope, Evolve } from '../projection.ts';
import { isReadBy, type TaskEventReadBy } from '../readers.ts';
import { parentPart, sharesOf } from '../sub-tasks.ts';
import type { TaskListItem } from './document.ts';
import { isOverdue, nextDueDate, updateShare, withShare } from './shares.ts';
import { withoutSigned, withSigned } from './units.ts';

/** The row's kind and due date, as one value to index (see `TaskListItem.kindDueDate`). */
export const kindDueDateOf = (kind: string, dueDate: string): string => `${kind}|${dueDate}`;

const registered = (data: Data<'TaskRegistered'>, envelope: EventEnvelope): TaskListItem => ({
  id: data.taskId,
  position: envelope.position,
  title: data.title,
  section: data.section,
  kind: kindOf(data.source),
  kindDueDate: kindDueDateOf(kindOf(data.source), data.dueDate),
  status: 'registered',
  progress: 0,
  leadUnitId: null,
  cooperatingUnitIds: [],
  responsibleLeader: null,
  returnRequestedBy: null,
  proposal: null,
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  nextDueDate: null,
  milestoneCount: 0,
  completedMilestones: 0,
  overdueMilestones: 0,
  openBlockages: 0,
  updatedAt: envelope.recordedAt,
  milestoneShares: [],
  signedUnitIds: [],
  suspended: false,
  terminated: false,
  completion: 'none',
  ...parentPart(data.parentTaskId),
});

/** Recomputes what is derived from the bookkeeping, and stamps the event applied. */
const settle = (item: TaskListItem, envelope: EventEnvelope): TaskListItem => {
  const shares = item.milestoneShares;
  const completedMilestones = shares.filter((share) => share.completed).length;
  return {
    ...item,
    position: envelope.position,
    updatedAt: envelope.recordedAt,
    kindDueDate: kindDueDateOf(item.kind ?? 'annual_plan', item.dueDate),
    progress: taskProgress(shares),
    status: taskStatus({
      assigned: item.leadUnitId !== null,
      started: shares.some((share) => share.reported || share.completed),
      milestoneCount: shares.length,
      completedMilestones,
      signed: item.leadUnitId !== null && item.signedUnitIds.includes(item.leadUnitId),
      suspended: item.suspended,
      terminated: item.terminated,
      completion: item.completion,
    }),
    nextDueDate: nextDueDate(shares),
    milestoneCount: shares.length,
    completedMilestones,
    overdueMilestones: shares.filter(isOverdue).length,
  };
};

/** Whether an event changes the row's bookkeeping; any other only restamps it (updatedAt). */
const changesRow = isReadBy('taskList');

/** The row's bookkeeping after one event of a registered task. */
const changed = (item: TaskListItem, event: TaskEventReadBy<'taskList'>): TaskListItem => {
  switch (event.type) {
    case 'TaskRegistered':
      // A stream has one registration; the decider refuses a second.
      return item;
    case 'TaskAssigned': {
      const { leadUnitId, cooperatingUnitIds, responsibleLeader } = event.data;
      // A new assignment asks every unit to sign again.
      return {
        ...item,
        leadUnitId,
        cooperatingUnitIds: [...cooperatingUnitIds],
        responsibleLeader,
        returnRequestedBy: null,
        signedUnitIds: [],
      };
    }
    case 'TaskSigned':
      return { ...item, signedUnitIds: withSigned(item, event.data.unitId) };
    case 'TaskTransferred':
      return {
        ...item,
        leadUnitId: event.data.toUnitId,
        returnRequestedBy: null,
        signedUnitIds: withoutSigned(item, event.data.fromUnitId),
      };
    case 'TaskReturned':
      return { ...item, leadUnitId: null, signedUnitIds: withoutSigned(item, event.data.unitId) };
    case 'TaskReturnRequested':
      return { ...item, returnRequestedBy: event.data.unitId };
    case 'TaskReturnAccepted':
      return {
        ...item,
        leadUnitId: event.data.toUnitId,
        returnRequestedBy: null,
        signedUnitIds: withoutSigned(item, event.data.unitId),
      };
    case 'TaskReturnRefused':
      return { ...item, returnRequestedBy: null };
    case 'TaskLifecycleChangeProposed':
      return { ...item, proposal: event.data.change };
    case 'TaskLifecycleChangeDecided':
      return { ...item, proposal: null };
    case 'MilestonePlanned': {
      const { milestoneId: id, weight, dueDate } = event.data;
      const share = { id, weight, percent: 0, reported: false, completed: false };
      return withShare(item, { ...share, dueDate, overdueFor: [] });
    }
    case 'MilestoneProgressReported':
      return updateShare(item, event.data.milestoneId, () => ({
        percent: event.data.percent,
        reported: true,
      }));
    case 'MilestoneCompleted':
      // A completed milestone counts as fully done, whatever was last reported.
      return updateShare(item, event.data.milestoneId, () => ({ percent: 100, completed: true }));
    case 'MilestoneReopened':
      return updateShare(item, event.data.milestoneId, () => ({
        percent: event.data.percent,
        completed: false,
        reported: true,
      }));
    case 'MilestoneOverdue':
      return updateShare(item, event.data.milestoneId, (share) => ({
        overdueFor: [...share.overdueFor, event.data.dueDate],
      }));
    case 'DeadlineExtensionApproved': {
      const { milestoneId, newDueDate } = event.data;
      return milestoneId === null
        ? { ...item, dueDate: newDueDate }
        : updateShare(item, milestoneId, () => ({ dueDate: newDueDate }));
    }
    case 'MilestoneDueDateShifted':
      return updateShare(item, event.data.milestoneId, () => ({ dueDate: event.data.to }));
    case 'TaskDueDateShifted':
      return { ...item, dueDate: event.data.to };
    case 'BlockageReported':
    case 'BlockageReopened':
      return { ...item, openBlockages: item.openBlockages + 1 };
    case 'BlockageResolved':
      return { ...item, openBlockages: item.openBlockages - 1 };
    case 'TaskCompletionReported':
      return { ...item, completion: 'reported' };
    case 'TaskCompletionAccepted':
      return { ...item, completion: 'accepted' };
    case 'TaskCompletionRejected':
      return { ...item, completion: 'none' };
    case 'TaskSuspended':
    case 'TaskResumed':
    case 'TaskTerminated':
      return { ...item, ...lifecycleFlagsAfter[event.type] };
    case 'TaskReopenedForRedo':
      return { ...item, dueDate: event.data.dueDate, completion: 'none' };
    case 'TaskSplit':
      return { ...item, subTasks: [...(item.subTasks ?? []), ...sharesOf(event.data.subTasks)] };
    default: {
      // Only the events readers.ts names for the list get past `changesRow`.
      const _exhaustive: never = event;
      return item;
    }
  }
};

/**
 * Keeps one list row per task; returns new objects, never mutates `item`. Every
 * event of the task stamps the row, so `updatedAt` sorts by the latest activity.
 * A task stream starts with TaskRegistered, so a later event without a row
 * changes nothing.
 */
export const evolveTaskListItem: Evolve<TaskListItem> = (item, envelope) => {
  const { event } = envelope;
  if (!isTaskEvent(event)) return item;
  if (event.type === 'TaskRegistered') return registered(event.data, envelope);
  return item && settle(changesRow(event) ? changed(item, event) : item, envelope);
};
