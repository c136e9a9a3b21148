import { isTaskEvent } from '../../contracts/events/families.ts';
import type { TaskEvent } from '../../contracts/events/index.ts';
import type { EventEnvelope } from '../projection.ts';
import {
  registeredPage,
  withAssignment,
  withReturn,
  withSignature,
  withTransfer,
} from './assignment.ts';
import {
  withBlockageEscalated,
  withBlockagePartDeclaredDone,
  withBlockageReopened,
  withBlockageReported,
  withBlockageResolved,
  withCoordinationAssigned,
} from './blockages.ts';
import type { TaskDetail } from './document.ts';
import {
  withExtensionApproved,
  withExtensionRejected,
  withExtensionRequested,
  withExtensionReviewed,
} from './extensions.ts';
import { withIndicatorDefined, withIndicatorValue } from './indicators.ts';
import {
  withCompletionAccepted,
  withCompletionRejected,
  withCompletionReported,
  withMilestoneDueDateShifted,
  withResumed,
  withSuspended,
  withTaskDueDateShifted,
  withTerminated,
} from './lifecycle.ts';
import { withLightChanged } from './lights.ts';
import { withEvaluation, withRedo, withSourceReplied } from './matters.ts';
import {
  withMilestoneCompleted,
  withMilestoneOwnerAssigned,
  withMilestonePlanned,
  withMilestoneReopened,
  withOverdue,
  withProgressReported,
  withReminder,
} from './milestones.ts';
import { withNoticeAnswered, withNoticeIssued } from './notices.ts';
import { withAccountability, withBonus, withInstruction } from './records.ts';
import {
  withProposalDecided,
  withProposed,
  withReturnAccepted,
  withReturnRefused,
  withReturnRequested,
} from './requests.ts';
import { settle } from './settle.ts';
import { withSplit } from './splits.ts';
import type { Stamp } from './stamp.ts';
import {
  withDraftApproved,
  withDrafted,
  withDraftReturned,
  withNoticeOverdue,
  withReportMissed,
  withSigningReminded,
  withUrgeAnswered,
  withUrgeOverdue,
} from './time-limits.ts';
import { withUrge } from './urges.ts';

/** The page after one event of a task already registered. */
const changed = (doc: TaskDetail, event: TaskEvent, stamp: Stamp): TaskDetail => {
  switch (event.type) {
    case 'TaskRegistered':
      // A stream has one registration; the decider refuses a second.
      return doc;
    case 'TaskAssigned':
      return withAssignment(doc, event.data, stamp);
    case 'TaskSigned':
      return withSignature(doc, event.data, stamp);
    case 'TaskTransferred':
      return withTransfer(doc, event.data, stamp);
    case 'TaskReturned':
      return withReturn(doc, event.data, stamp);
    case 'TaskReturnRequested':
      return withReturnRequested(doc, event.data, stamp);
    case 'TaskReturnAccepted':
      return withReturnAccepted(doc, event.data, stamp);
    case 'TaskReturnRefused':
      return withReturnRefused(doc, event.data, stamp);
    case 'TaskLifecycleChangeProposed':
      return withProposed(doc, event.data, stamp);
    case 'TaskLifecycleChangeDecided':
      return withProposalDecided(doc, event.data, stamp);
    case 'MilestonePlanned':
      return withMilestonePlanned(doc, event.data, stamp);
    case 'MilestoneProgressReported':
      return withProgressReported(doc, event.data, stamp);
    case 'MilestoneCompleted':
      return withMilestoneCompleted(doc, event.data, stamp);
    case 'MilestoneOwnerAssigned':
      return withMilestoneOwnerAssigned(doc, event.data, stamp);
    case 'MilestoneReopened':
      return withMilestoneReopened(doc, event.data, stamp);
    case 'MilestoneDueSoonReminded':
      return withReminder(doc, event.data, stamp);
    case 'MilestoneOverdue':
      return withOverdue(doc, event.data, stamp);
    case 'DeadlineExtensionRequested':
      return withExtensionRequested(doc, event.data, stamp);
    case 'DeadlineExtensionReviewed':
      return withExtensionReviewed(doc, event.data, stamp);
    case 'DeadlineExtensionApproved':
      return withExtensionApproved(doc, event.data, stamp);
    case 'MilestoneDueDateShifted':
      return withMilestoneDueDateShifted(doc, event.data, stamp);
    case 'TaskDueDateShifted':
      return withTaskDueDateShifted(doc, event.data, stamp);
    case 'DeadlineExtensionRejected':
      return withExtensionRejected(doc, event.data, stamp);
    case 'BlockageReported':
      return withBlockageReported(doc, event.data, stamp);
    case 'BlockageResolved':
      return withBlockageResolved(doc, event.data, stamp);
    case 'BlockageEscalated':
      return withBlockageEscalated(doc, event.data, stamp);
    case 'BlockageCoordinationAssigned':
      return withCoordinationAssigned(doc, event.data, stamp);
    case 'BlockageReopened':
      return withBlockageReopened(doc, event.data, stamp);
    case 'BlockagePartDeclaredDone':
      return withBlockagePartDeclaredDone(doc, event.data, stamp);
    case 'IndicatorDefined':
      return withIndicatorDefined(doc, event.data, stamp);
    case 'IndicatorValueReported':
      return withIndicatorValue(doc, event.data, stamp);
    case 'SupervisionNoticeIssued':
      return withNoticeIssued(doc, event.data, stamp);
    case 'SupervisionNoticeAnswered':
      return withNoticeAnswered(doc, event.data, stamp);
    case 'TaskUrged':
      return withUrge(doc, event.data, stamp);
    case 'LeadershipInstructionIssued':
      return withInstruction(doc, event.data, stamp);
    case 'AccountabilityRecorded':
      return withAccountability(doc, event.data, stamp);
    case 'BonusAwarded':
      return withBonus(doc, event.data, stamp);
    case 'TaskCompletionReported':
      return withCompletionReported(doc, event.data, stamp);
    case 'TaskCompletionAccepted':
      return withCompletionAccepted(doc, event.data, stamp);
    case 'TaskCompletionRejected':
      return withCompletionRejected(doc, event.data, stamp);
    case 'TaskSuspended':
      return withSuspended(doc, event.data, stamp);
    case 'TaskResumed':
      return withResumed(doc, event.data, stamp);
    case 'TaskTerminated':
      return withTerminated(doc, event.data, stamp);
    case 'TaskSigningReminded':
      return withSigningReminded(doc, event.data, stamp);
    case 'ProgressReportMissed':
      return withReportMissed(doc, event.data, stamp);
    case 'TaskUrgeAnswered':
      return withUrgeAnswered(doc, event.data, stamp);
    case 'UrgeReplyOverdue':
      return withUrgeOverdue(doc, event.data, stamp);
    case 'SupervisionNoticeReplyOverdue':
      return withNoticeOverdue(doc, event.data, stamp);
    case 'ProgressReportDrafted':
      return withDrafted(doc, event.data, stamp);
    case 'ProgressReportApproved':
      return withDraftApproved(doc, event.data, stamp);
    case 'ProgressReportReturned':
      return withDraftReturned(doc, event.data, stamp);
    case 'SourceReplied':
      return withSourceReplied(doc, event.data, stamp);
    case 'ProposerEvaluationRecorded':
      return withEvaluation(doc, event.data, stamp);
    case 'TaskReopenedForRedo':
      return withRedo(doc, event.data, stamp);
    case 'TaskSplit':
      return withSplit(doc, event.data, stamp);
    case 'TaskLightChanged':
      return withLightChanged(doc, event.data, stamp);
    default: {
      // An event type newer than this view leaves the page as it is.
      const _exhaustive: never = event;
      return doc;
    }
  }
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
  const { event } = envelope;
  if (!isTaskEvent(event)) return doc;
  const stamp: Stamp = {
    at: envelope.recordedAt,
    by: envelope.actorId,
    name: envelope.actorName ?? null,
  };
  if (event.type === 'TaskRegistered') return registeredPage(event.data, stamp, envelope);
  if (doc === null) return null;
  const next = changed(doc, event, stamp);
  return next === doc ? doc : settle(next, envelope);
};
