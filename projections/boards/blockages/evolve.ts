import { isTaskEvent } from '../../../contracts/events/families.ts';
import { type Data, recordedOn } from '../../events.ts';
import type { EventEnvelope } from '../../projection.ts';
import { partDocumentId, stamped } from '../shared.ts';
import type { BoardBlockage } from './document.ts';

const reported = (data: Data<'BlockageReported'>, envelope: EventEnvelope): BoardBlockage => ({
  id: partDocumentId(data.taskId, data.blockageId),
  position: envelope.position,
  taskId: data.taskId,
  blockageId: data.blockageId,
  description: data.description,
  waitingOnUnitId: data.waitingOnUnitId,
  reportedByUnitId: data.reportedByUnitId,
  reportedOn: recordedOn(envelope),
  openedOn: recordedOn(envelope),
  open: true,
  resolvedOn: null,
  resolution: null,
  level: 0,
  escalations: [],
  coordinatorUnitId: null,
  reopenedCount: 0,
});

const escalated = (
  blockage: BoardBlockage,
  envelope: EventEnvelope,
  data: Data<'BlockageEscalated'>,
): BoardBlockage =>
  stamped(blockage, envelope, {
    level: Math.max(blockage.level, data.level) as BoardBlockage['level'],
    escalations: [
      ...blockage.escalations,
      { day: recordedOn(envelope), level: data.level, by: data.by },
    ],
  });

/** Applies an event to an existing blockage. */
const evolveReported = (blockage: BoardBlockage, envelope: EventEnvelope): BoardBlockage => {
  const { event } = envelope;
  if (!isTaskEvent(event)) return blockage;
  const day = recordedOn(envelope);
  switch (event.type) {
    case 'BlockageReported':
      return reported(event.data, envelope);
    case 'BlockageResolved':
      return stamped(blockage, envelope, {
        open: false,
        resolvedOn: day,
        resolution: event.data.resolution,
      });
    case 'BlockageReopened':
      return stamped(blockage, envelope, {
        open: true,
        openedOn: day,
        resolvedOn: null,
        resolution: null,
        reopenedCount: blockage.reopenedCount + 1,
      });
    case 'BlockageEscalated':
      return escalated(blockage, envelope, event.data);
    case 'BlockageCoordinationAssigned':
      return stamped(blockage, envelope, { coordinatorUnitId: event.data.coordinatorUnitId });
    case 'TaskRegistered':
    case 'TaskAssigned':
    case 'MilestonePlanned':
    case 'MilestoneProgressReported':
    case 'MilestoneCompleted':
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
    case 'TaskUrged':
    case 'LeadershipInstructionIssued':
    case 'AccountabilityRecorded':
    case 'MilestoneDueSoonReminded':
    case 'MilestoneOverdue':
      // Not about one blockage.
      return blockage;
    default: {
      // An event type newer than this view leaves the document as it is.
      const _exhaustive: never = event;
      return blockage;
    }
  }
};

/** Builds a blockage's board document; returns new objects, never mutates `blockage`. */
export const evolveBoardBlockage = (
  blockage: BoardBlockage | null,
  envelope: EventEnvelope,
): BoardBlockage | null => {
  const { event } = envelope;
  if (event.type === 'BlockageReported') return reported(event.data, envelope);
  return blockage && evolveReported(blockage, envelope);
};
