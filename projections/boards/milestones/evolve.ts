import { type Data, recordedOn } from '../../events.ts';
import type { EventEnvelope } from '../../projection.ts';
import { isReadBy } from '../../readers.ts';
import { createdBy } from '../created-by.ts';
import { partDocumentId, stamped } from '../shared.ts';
import type { BoardMilestone, ExtensionEntry } from './document.ts';

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

const requested = (data: Data<'DeadlineExtensionRequested'>, day: string): ExtensionEntry => ({
  requestId: data.requestId,
  requestedOn: day,
  currentDueDate: data.currentDueDate,
  requestedDueDate: data.requestedDueDate,
  reason: data.reason,
  status: 'pending',
  decidedOn: null,
  decidedBy: null,
  rejectionReason: null,
});

const decided = (
  milestone: BoardMilestone,
  requestId: string,
  decision: Pick<ExtensionEntry, 'status' | 'decidedOn' | 'decidedBy' | 'rejectionReason'>,
): ExtensionEntry[] =>
  milestone.extensions.map((entry) =>
    entry.requestId === requestId ? { ...entry, ...decision } : entry,
  );

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
    extensions: decided(milestone, data.requestId, {
      status: 'approved',
      decidedOn: recordedOn(envelope),
      decidedBy: data.approvedBy,
      rejectionReason: null,
    }),
  });

const rejected = (
  milestone: BoardMilestone,
  envelope: EventEnvelope,
  data: Data<'DeadlineExtensionRejected'>,
): BoardMilestone =>
  stamped(milestone, envelope, {
    extensions: decided(milestone, data.requestId, {
      status: 'rejected',
      decidedOn: recordedOn(envelope),
      decidedBy: data.rejectedBy,
      rejectionReason: data.reason,
    }),
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
        extensions: [...milestone.extensions, requested(event.data, day)],
      });
    case 'DeadlineExtensionApproved':
      return approved(milestone, envelope, event.data);
    case 'DeadlineExtensionRejected':
      return rejected(milestone, envelope, event.data);
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
