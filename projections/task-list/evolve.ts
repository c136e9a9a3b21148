import { isTaskEvent } from '../../contracts/events/families.ts';
import type { TaskEvent } from '../../contracts/events/index.ts';
import { taskProgress, taskStatus } from '../../services/tasks/domain/progress.ts';
import type { EventEnvelope } from '../projection.ts';
import type { MilestoneShare, TaskListItem } from './document.ts';

type Data<T extends TaskEvent['type']> = Extract<TaskEvent, { type: T }>['data'];

const registered = (data: Data<'TaskRegistered'>, envelope: EventEnvelope): TaskListItem => ({
  id: data.taskId,
  position: envelope.position,
  title: data.title,
  section: data.section,
  status: 'registered',
  progress: 0,
  leadUnitId: null,
  cooperatingUnitIds: [],
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  milestoneCount: 0,
  completedMilestones: 0,
  openBlockages: 0,
  updatedAt: envelope.recordedAt,
  milestoneShares: [],
});

const withShare = (item: TaskListItem, share: MilestoneShare): TaskListItem => ({
  ...item,
  milestoneShares: [...item.milestoneShares, share],
});

const updateShare = (
  item: TaskListItem,
  milestoneId: string,
  change: Partial<MilestoneShare>,
): TaskListItem => ({
  ...item,
  milestoneShares: item.milestoneShares.map((share) =>
    share.id === milestoneId ? { ...share, ...change } : share,
  ),
});

/** Recomputes what is derived from the shares, and stamps the event applied. */
const settle = (item: TaskListItem, envelope: EventEnvelope): TaskListItem => {
  const shares = item.milestoneShares;
  const completedMilestones = shares.filter((share) => share.completed).length;
  return {
    ...item,
    position: envelope.position,
    updatedAt: envelope.recordedAt,
    progress: taskProgress(shares),
    status: taskStatus({
      assigned: item.leadUnitId !== null,
      started: shares.some((share) => share.reported || share.completed),
      milestoneCount: shares.length,
      completedMilestones,
    }),
    milestoneCount: shares.length,
    completedMilestones,
  };
};

/**
 * Keeps one list row per task; returns new objects, never mutates `item`. A task
 * stream starts with TaskRegistered, so a later event without a row changes nothing.
 */
export const evolveTaskListItem = (
  item: TaskListItem | null,
  envelope: EventEnvelope,
): TaskListItem | null => {
  const { event } = envelope;
  if (!isTaskEvent(event)) return item;
  switch (event.type) {
    case 'TaskRegistered':
      return registered(event.data, envelope);
    case 'TaskAssigned': {
      const { leadUnitId, cooperatingUnitIds } = event.data;
      return (
        item &&
        settle({ ...item, leadUnitId, cooperatingUnitIds: [...cooperatingUnitIds] }, envelope)
      );
    }
    case 'MilestonePlanned': {
      const share = { id: event.data.milestoneId, weight: event.data.weight, percent: 0 };
      return (
        item && settle(withShare(item, { ...share, reported: false, completed: false }), envelope)
      );
    }
    case 'MilestoneProgressReported': {
      const change = { percent: event.data.percent, reported: true };
      return item && settle(updateShare(item, event.data.milestoneId, change), envelope);
    }
    case 'MilestoneCompleted': {
      // A completed milestone counts as fully done, whatever was last reported.
      const change = { percent: 100, completed: true };
      return item && settle(updateShare(item, event.data.milestoneId, change), envelope);
    }
    case 'BlockageReported':
      return item && settle({ ...item, openBlockages: item.openBlockages + 1 }, envelope);
    case 'BlockageResolved':
      return item && settle({ ...item, openBlockages: item.openBlockages - 1 }, envelope);
    case 'TaskSigned':
    case 'TaskTransferred':
    case 'TaskReturned':
    case 'DeadlineExtensionRequested':
    case 'DeadlineExtensionApproved':
    case 'DeadlineExtensionRejected':
    case 'MilestoneReopened':
    case 'TaskCompletionReported':
    case 'TaskCompletionAccepted':
    case 'TaskCompletionRejected':
    case 'TaskSuspended':
    case 'TaskResumed':
    case 'TaskTerminated':
    case 'IndicatorDefined':
    case 'IndicatorValueReported':
    case 'SupervisionNoticeIssued':
    case 'SupervisionNoticeAnswered':
    case 'LeadershipInstructionIssued':
    case 'AccountabilityRecorded':
    case 'BlockageEscalated':
    case 'BlockageCoordinationAssigned':
    case 'BlockageReopened':
    case 'MilestoneDueSoonReminded':
    case 'MilestoneOverdue':
      // Lifecycle events of the supervision year: not shown here yet.
      return item;
    default: {
      // An event type newer than this view leaves the row as it is.
      const _exhaustive: never = event;
      return item;
    }
  }
};
