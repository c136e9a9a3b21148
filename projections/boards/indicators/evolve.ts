import { isTaskEvent } from '../../../contracts/events/families.ts';
import { type Data, recordedOn } from '../../events.ts';
import { indicatorTerms } from '../../indicator-terms.ts';
import type { EventEnvelope } from '../../projection.ts';
import { partDocumentId } from '../shared.ts';
import type { BoardIndicator, IndicatorValue } from './document.ts';

const defined = (data: Data<'IndicatorDefined'>, envelope: EventEnvelope): BoardIndicator => ({
  id: partDocumentId(data.taskId, data.indicatorId),
  position: envelope.position,
  taskId: data.taskId,
  indicatorId: data.indicatorId,
  ...indicatorTerms(data),
  definedOn: recordedOn(envelope),
  selfReported: null,
  measured: null,
  reportCount: 0,
});

/** A value about an earlier day than the one held does not replace it; the same day does. */
const latest = (held: IndicatorValue | null, value: IndicatorValue): IndicatorValue =>
  held !== null && held.asOf > value.asOf ? held : value;

const valueReported = (
  indicator: BoardIndicator,
  envelope: EventEnvelope,
  data: Data<'IndicatorValueReported'>,
): BoardIndicator => {
  const value: IndicatorValue = {
    value: data.value,
    asOf: data.asOf,
    reportedOn: recordedOn(envelope),
    reportedByUnitId: data.reportedByUnitId,
  };
  const source = data.source === 'measured' ? 'measured' : 'selfReported';
  return {
    ...indicator,
    [source]: latest(indicator[source], value),
    reportCount: indicator.reportCount + 1,
    position: envelope.position,
  };
};

/** Builds an indicator's board document; returns new objects, never mutates `indicator`. */
export const evolveBoardIndicator = (
  indicator: BoardIndicator | null,
  envelope: EventEnvelope,
): BoardIndicator | null => {
  const { event } = envelope;
  if (!isTaskEvent(event)) return indicator;
  switch (event.type) {
    case 'IndicatorDefined':
      return defined(event.data, envelope);
    case 'IndicatorValueReported':
      return indicator && valueReported(indicator, envelope, event.data);
    case 'TaskRegistered':
    case 'TaskAssigned':
    case 'MilestonePlanned':
    case 'MilestoneProgressReported':
    case 'MilestoneCompleted':
    case 'BlockageReported':
    case 'BlockageResolved':
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
    case 'SupervisionNoticeIssued':
    case 'SupervisionNoticeAnswered':
    case 'TaskUrged':
    case 'LeadershipInstructionIssued':
    case 'AccountabilityRecorded':
    case 'BlockageEscalated':
    case 'BlockageCoordinationAssigned':
    case 'BlockageReopened':
    case 'MilestoneDueSoonReminded':
    case 'MilestoneOverdue':
      // Not about one indicator.
      return indicator;
    default: {
      // An event type newer than this view leaves the document as it is.
      const _exhaustive: never = event;
      return indicator;
    }
  }
};
