import type { TaskEvent } from '../../../contracts/events/index.ts';
import { extensionDecided, extensionRequested, extensionReviewed } from './evolve-extensions.ts';
import { evaluationRecorded, reopenedForRedo, sourceReplied } from './evolve-matters.ts';
import {
  completed,
  milestoneDueDateShifted,
  overdue,
  ownerAssigned,
  planned,
  progressReported,
  reminded,
  reopened,
} from './evolve-milestones.ts';
import {
  accountabilityRecorded,
  blockageEscalated,
  blockageOpen,
  blockageReported,
  bonusAwarded,
  indicatorDefined,
  instructionIssued,
  noticeAnswered,
  noticeIssued,
} from './evolve-records.ts';
import {
  accepted,
  assigned,
  dueDateShifted,
  proposalDecided,
  proposed,
  returnAccepted,
  returned,
  returnRefused,
  returnRequested,
  signed,
  terminated,
  transferred,
  withCompletion,
  withSuspension,
} from './evolve-task.ts';
import {
  draftClosed,
  drafted,
  noticeOverdue,
  reportMissed,
  signingReminded,
  urgeAnswered,
  urged,
  urgeOverdue,
} from './evolve-time-limits.ts';
import { type RegisteredTask, registeredTask, type TaskState } from './state.ts';

/** Applies `change` to a registered task; a task stream always starts with TaskRegistered. */
const update = (state: TaskState, change: (task: RegisteredTask) => RegisteredTask): TaskState =>
  state.registered ? change(state) : state;

/** Folds one event into the state; never mutates `state`. */
export const evolve = (state: TaskState, event: TaskEvent): TaskState => {
  switch (event.type) {
    case 'TaskRegistered':
      return registeredTask(event.data);
    case 'TaskAssigned':
      return update(state, (task) => assigned(task, event.data));
    case 'TaskSigned':
      return update(state, (task) => signed(task, event.data));
    case 'TaskTransferred':
      return update(state, (task) => transferred(task, event.data));
    case 'TaskReturned':
      return update(state, (task) => returned(task, event.data));
    case 'TaskReturnRequested':
      return update(state, (task) => returnRequested(task, event.data));
    case 'TaskReturnAccepted':
      return update(state, (task) => returnAccepted(task, event.data));
    case 'TaskReturnRefused':
      return update(state, returnRefused);
    case 'TaskLifecycleChangeProposed':
      return update(state, (task) => proposed(task, event.data));
    case 'TaskLifecycleChangeDecided':
      return update(state, proposalDecided);
    case 'TaskCompletionReported':
      return update(state, (task) => withCompletion(task, 'reported'));
    case 'TaskCompletionAccepted':
      return update(state, (task) => accepted(task, event.data));
    case 'TaskCompletionRejected':
      return update(state, (task) => withCompletion(task, 'none'));
    case 'TaskSuspended':
      return update(state, (task) => withSuspension(task, true, event.data.suspendedOn ?? null));
    case 'TaskDueDateShifted':
      return update(state, (task) => dueDateShifted(task, event.data));
    case 'MilestoneDueDateShifted':
      return update(state, (task) => milestoneDueDateShifted(task, event.data));
    case 'TaskResumed':
      return update(state, (task) => withSuspension(task, false));
    case 'TaskTerminated':
      return update(state, terminated);
    case 'MilestonePlanned':
      return update(state, (task) => planned(task, event.data));
    case 'MilestoneProgressReported':
      return update(state, (task) => progressReported(task, event.data));
    case 'MilestoneCompleted':
      return update(state, (task) => completed(task, event.data));
    case 'MilestoneOwnerAssigned':
      return update(state, (task) => ownerAssigned(task, event.data));
    case 'MilestoneReopened':
      return update(state, (task) => reopened(task, event.data));
    case 'DeadlineExtensionRequested':
      return update(state, (task) => extensionRequested(task, event.data));
    case 'DeadlineExtensionReviewed':
      return update(state, (task) => extensionReviewed(task, event.data));
    case 'DeadlineExtensionApproved':
      return update(state, (task) => extensionDecided(task, event.data, event.data.newDueDate));
    case 'DeadlineExtensionRejected':
      return update(state, (task) => extensionDecided(task, event.data, null));
    case 'MilestoneDueSoonReminded':
      return update(state, (task) => reminded(task, event.data));
    case 'MilestoneOverdue':
      return update(state, (task) => overdue(task, event.data));
    case 'BlockageReported':
      return update(state, (task) => blockageReported(task, event.data));
    case 'BlockageResolved':
      return update(state, (task) => blockageOpen(task, event.data.blockageId, false));
    case 'BlockageReopened':
      return update(state, (task) => blockageOpen(task, event.data.blockageId, true));
    case 'BlockagePartDeclaredDone':
      return state;
    case 'BlockageEscalated':
      return update(state, (task) => blockageEscalated(task, event.data));
    case 'IndicatorDefined':
      return update(state, (task) => indicatorDefined(task, event.data));
    case 'SupervisionNoticeIssued':
      return update(state, (task) => noticeIssued(task, event.data));
    case 'SupervisionNoticeAnswered':
      return update(state, (task) => noticeAnswered(task, event.data));
    case 'LeadershipInstructionIssued':
      return update(state, (task) => instructionIssued(task, event.data));
    case 'AccountabilityRecorded':
      return update(state, (task) => accountabilityRecorded(task, event.data));
    case 'BonusAwarded':
      return update(state, (task) => bonusAwarded(task, event.data));
    case 'TaskUrged':
      return update(state, (task) => urged(task, event.data));
    case 'SourceReplied':
      return update(state, (task) => sourceReplied(task, event.data));
    case 'ProposerEvaluationRecorded':
      return update(state, (task) => evaluationRecorded(task, event.data));
    case 'TaskReopenedForRedo':
      return update(state, (task) => reopenedForRedo(task, event.data));
    case 'TaskSplit':
      return update(state, (task) => ({
        ...task,
        splitIds: new Set([...task.splitIds, event.data.splitId]),
      }));
    case 'BlockageCoordinationAssigned':
    case 'IndicatorValueReported':
      // Facts for the views: no rule reads who coordinates or what was reported.
      return state;
    case 'TaskSigningReminded':
      return update(state, (task) => signingReminded(task, event.data));
    case 'ProgressReportMissed':
      return update(state, (task) => reportMissed(task, event.data));
    case 'TaskUrgeAnswered':
      return update(state, (task) => urgeAnswered(task, event.data));
    case 'UrgeReplyOverdue':
      return update(state, (task) => urgeOverdue(task, event.data));
    case 'SupervisionNoticeReplyOverdue':
      return update(state, (task) => noticeOverdue(task, event.data));
    case 'ProgressReportDrafted':
      return update(state, (task) => drafted(task, event.data));
    case 'ProgressReportApproved':
    case 'ProgressReportReturned':
      return update(state, (task) => draftClosed(task, event.data.draftId));
    case 'TaskLightChanged':
      return update(state, (task) => ({ ...task, light: event.data.to }));
    default: {
      // An event type newer than this code changes nothing the rules read.
      const _exhaustive: never = event;
      return state;
    }
  }
};
