import { isTaskEvent } from '../../contracts/events/families.ts';
import type { TaskEvent } from '../../contracts/events/index.ts';
import { taskProgress, taskStatus } from '../../services/tasks/domain/progress.ts';
import type { EventEnvelope } from '../projection.ts';
import type { TaskDetail } from './document.ts';
import {
  withBlockageReported,
  withBlockageResolved,
  withMilestoneCompleted,
  withMilestonePlanned,
  withProgressReported,
} from './parts.ts';

type Data<T extends TaskEvent['type']> = Extract<TaskEvent, { type: T }>['data'];

const registered = (data: Data<'TaskRegistered'>, envelope: EventEnvelope): TaskDetail => ({
  id: data.taskId,
  position: envelope.position,
  revision: envelope.revision,
  title: data.title,
  description: data.description,
  section: data.section,
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  status: 'registered',
  progress: 0,
  leadUnitId: null,
  cooperatingUnitIds: [],
  responsibleLeader: null,
  milestones: [],
  blockages: [],
  openBlockages: 0,
  registeredAt: envelope.recordedAt,
  updatedAt: envelope.recordedAt,
});

const assigned = (doc: TaskDetail, data: Data<'TaskAssigned'>): TaskDetail => ({
  ...doc,
  leadUnitId: data.leadUnitId,
  cooperatingUnitIds: [...data.cooperatingUnitIds],
  responsibleLeader: data.responsibleLeader,
});

/** Recomputes what is derived from the parts, and stamps the event applied. */
const settle = (doc: TaskDetail, envelope: EventEnvelope): TaskDetail => {
  const completed = doc.milestones.filter((m) => m.status === 'completed').length;
  return {
    ...doc,
    position: envelope.position,
    revision: envelope.revision,
    updatedAt: envelope.recordedAt,
    progress: taskProgress(doc.milestones.map((m) => ({ weight: m.weight, percent: m.progress }))),
    status: taskStatus({
      assigned: doc.leadUnitId !== null,
      started: completed > 0 || doc.milestones.some((m) => m.lastReportedAt !== null),
      milestoneCount: doc.milestones.length,
      completedMilestones: completed,
    }),
    openBlockages: doc.blockages.filter((b) => b.status === 'open').length,
  };
};

/**
 * Builds the task page from the task's events; returns new objects, never
 * mutates `doc`. A task stream starts with TaskRegistered, so a later event
 * without a page has nothing to change.
 */
export const evolveTaskDetail = (
  doc: TaskDetail | null,
  envelope: EventEnvelope,
): TaskDetail | null => {
  const { event, recordedAt: at } = envelope;
  if (!isTaskEvent(event)) return doc;
  switch (event.type) {
    case 'TaskRegistered':
      return registered(event.data, envelope);
    case 'TaskAssigned':
      return doc && settle(assigned(doc, event.data), envelope);
    case 'MilestonePlanned':
      return doc && settle(withMilestonePlanned(doc, event.data), envelope);
    case 'MilestoneProgressReported':
      return doc && settle(withProgressReported(doc, event.data, at), envelope);
    case 'MilestoneCompleted':
      return doc && settle(withMilestoneCompleted(doc, event.data, at), envelope);
    case 'BlockageReported':
      return doc && settle(withBlockageReported(doc, event.data, at), envelope);
    case 'BlockageResolved':
      return doc && settle(withBlockageResolved(doc, event.data, at), envelope);
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
      return doc;
    default: {
      // An event type newer than this view leaves the page as it is.
      const _exhaustive: never = event;
      return doc;
    }
  }
};
