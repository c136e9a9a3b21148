import { type Data, recordedOn } from '../../events.ts';
import type { EventEnvelope } from '../../projection.ts';
import { isReadBy } from '../../readers.ts';
import { createdBy } from '../created-by.ts';
import {
  approvalStep,
  rejectionStep,
  requestedEntry,
  reviewStep,
  withStep,
} from '../extension-entries.ts';
import { partDocumentId, stamped } from '../shared.ts';
import type { BoardMilestone } from './document.ts';

const planned = (data: Data<'MilestonePlanned'>, envelope: EventEnvelope): BoardMilestone => ({
  id: partDocumentId(data.taskId, data.milestoneId),
  position: envelope.position,
  taskId: data.taskId,
  milestoneId: data.milestoneId,
  title: data.title,
  weight: data.weight,
  ownerUnitId: data.ownerUnitId ?? null,
  plannedDueDate: data.dueDate,
  dueDate: data.dueDate,
  percent: 0,
  completed: false,
  completedOn: null,
  lastReportedOn: null,
  reopenedCount: 0,
  extensions: [],
  remindedOn: null,
  overdueRecordedOn: null,
});

/** An approved extension moves the due date: the clock's facts were for the old one. */
const approved = (
  milestone: BoardMilestone,
  envelope: EventEnvelope,
  data: Data<'DeadlineExtensionApproved'>,
): BoardMilestone =>
  stamped(milestone, envelope, {
    dueDate: data.newDueDate,
    remindedOn: null,
    overdueRecordedOn: null,
    extensions: withStep(milestone.extensions, data.requestId, approvalStep(data, envelope)),
  });

const isRead = isReadBy('boardMilestones');

/** Applies an event to an existing milestone. */
const evolvePlanned = (milestone: BoardMilestone, envelope: EventEnvelope): BoardMilestone => {
  const { event } = envelope;
  if (!isRead(event)) return milestone;
  const day = recordedOn(envelope);
  switch (event.type) {
    case 'MilestonePlanned':
      return planned(event.data, envelope);
    case 'MilestoneProgressReported':
      return stamped(milestone, envelope, {
        percent: event.data.percent,
        completed: false,
        completedOn: null,
        lastReportedOn: day,
      });
    case 'MilestoneCompleted':
      return stamped(milestone, envelope, { percent: 100, completed: true, completedOn: day });
    case 'MilestoneReopened':
      return stamped(milestone, envelope, {
        percent: event.data.percent,
        completed: false,
        completedOn: null,
        reopenedCount: milestone.reopenedCount + 1,
      });
    case 'MilestoneDueDateShifted':
      // A new due date: the clock's facts were for the old one.
      return stamped(milestone, envelope, {
        dueDate: event.data.to,
        remindedOn: null,
        overdueRecordedOn: null,
      });
    case 'MilestoneOwnerAssigned':
      return stamped(milestone, envelope, { ownerUnitId: event.data.ownerUnitId });
    case 'DeadlineExtensionRequested':
      return stamped(milestone, envelope, {
        extensions: [...milestone.extensions, requestedEntry(event.data, envelope)],
      });
    case 'DeadlineExtensionReviewed': {
      const step = reviewStep(event.data, envelope);
      return stamped(milestone, envelope, {
        extensions: withStep(milestone.extensions, event.data.requestId, step),
      });
    }
    case 'DeadlineExtensionApproved':
      return approved(milestone, envelope, event.data);
    case 'DeadlineExtensionRejected': {
      const step = rejectionStep(event.data, envelope);
      return stamped(milestone, envelope, {
        extensions: withStep(milestone.extensions, event.data.requestId, step),
      });
    }
    case 'MilestoneDueSoonReminded':
      return event.data.dueDate === milestone.dueDate
        ? stamped(milestone, envelope, { remindedOn: event.data.remindedOn })
        : milestone;
    case 'MilestoneOverdue':
      return event.data.dueDate === milestone.dueDate
        ? stamped(milestone, envelope, { overdueRecordedOn: event.data.recordedOn })
        : milestone;
    default: {
      // Only the events readers.ts names for this view get past `isRead`.
      const _exhaustive: never = event;
      return milestone;
    }
  }
};

/** Builds a milestone's board document; returns new objects, never mutates `milestone`. */
export const evolveBoardMilestone = createdBy('MilestonePlanned', planned, evolvePlanned);
