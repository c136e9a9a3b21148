import type { TaskEvent } from '../../../contracts/events/index.ts';
import { fieldChecker } from '../../shared/checked-fields.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import { recordAccountability } from './accountability.ts';
import { actingFor, admittedTask, type TaskBoundCommand } from './admission.ts';
import {
  assignBlockageCoordination,
  escalateBlockage,
  reopenBlockage,
} from './blockage-follow-up.ts';
import { declareBlockagePartDone, reportBlockage, resolveBlockage } from './blockages.ts';
import { awardBonus } from './bonuses.ts';
import { recordMilestoneOverdue, remindMilestoneDueSoon } from './clock-facts.ts';
import type { TaskCommand } from './commands.ts';
import { acceptTaskCompletion, rejectTaskCompletion, reportTaskCompletion } from './completion.ts';
import { approveProgressReport, returnProgressReport } from './drafts.ts';
import { recordProposerEvaluation } from './evaluations.ts';
import {
  approveDeadlineExtension,
  rejectDeadlineExtension,
  reviewDeadlineExtension,
} from './extension-decisions.ts';
import { requestDeadlineExtension } from './extensions.ts';
import { defineIndicator, reportIndicatorValue } from './indicators.ts';
import { issueLeadershipInstruction } from './instructions.ts';
import { resumeTask, suspendTask, terminateTask } from './lifecycle.ts';
import { registerMatter } from './matters.ts';
import {
  assignMilestoneOwner,
  completeMilestone,
  planMilestone,
  reopenMilestone,
  reportProgress,
} from './milestones.ts';
import { answerSupervisionNotice, issueSupervisionNotice } from './notices.ts';
import {
  approveLifecycleChange,
  proposeSuspension,
  proposeTermination,
  rejectLifecycleChange,
} from './proposals.ts';
import { assignTask, registerTask } from './registration.ts';
import { answerUrge, recordNoticeReplyOverdue, recordUrgeReplyOverdue } from './replies.ts';
import { signTask } from './signing.ts';
import { replyToSource } from './source-replies.ts';
import { registerSubTask, splitTask } from './splitting.ts';
import type { RegisteredTask, TaskState } from './state.ts';
import { recordTaskLight } from './task-light.ts';
import { recordProgressReportMissed, remindSigning, urgeSigning } from './time-limits.ts';
import { acceptReturn, refuseReturn, returnTask, transferTask } from './transfer.ts';
import { urgeTask } from './urging.ts';

const withCheckedFields = fieldChecker('tasks');

/** The command's own rules, once the task has admitted it. */
const decideOnTask = (
  command: TaskBoundCommand,
  task: RegisteredTask,
  context: DecisionContext,
): TaskEvent[] => {
  switch (command.type) {
    case 'AssignTask':
      return assignTask(command.data, task, context);
    case 'SignTask':
      return signTask(command.data, task, context);
    case 'TransferTask':
      return transferTask(command.data, task, context);
    case 'ReturnTask':
      return returnTask(command.data, task, context);
    case 'AcceptReturn':
      return acceptReturn(command.data, task, context);
    case 'RefuseReturn':
      return refuseReturn(command.data, task, context);
    case 'ProposeSuspension':
      return proposeSuspension(command.data, task, context);
    case 'ProposeTermination':
      return proposeTermination(command.data, task, context);
    case 'ApproveLifecycleChange':
      return approveLifecycleChange(command.data, task, context);
    case 'RejectLifecycleChange':
      return rejectLifecycleChange(command.data, task, context);
    case 'PlanMilestone':
      return planMilestone(command.data, task, context);
    case 'ReportProgress':
      return reportProgress(command.data, task, context);
    case 'CompleteMilestone':
      return completeMilestone(command.data, task, context);
    case 'AssignMilestoneOwner':
      return assignMilestoneOwner(command.data, task, context);
    case 'ReopenMilestone':
      return reopenMilestone(command.data, task, context);
    case 'RequestDeadlineExtension':
      return requestDeadlineExtension(command.data, task, context);
    case 'ReviewDeadlineExtension':
      return reviewDeadlineExtension(command.data, task, context);
    case 'ApproveDeadlineExtension':
      return approveDeadlineExtension(command.data, task, context);
    case 'RejectDeadlineExtension':
      return rejectDeadlineExtension(command.data, task, context);
    case 'RemindMilestoneDueSoon':
      return remindMilestoneDueSoon(command.data, task, context);
    case 'RecordMilestoneOverdue':
      return recordMilestoneOverdue(command.data, task, context);
    case 'ReportTaskCompletion':
      return reportTaskCompletion(command.data, task, context);
    case 'AcceptTaskCompletion':
      return acceptTaskCompletion(command.data, task, context);
    case 'RejectTaskCompletion':
      return rejectTaskCompletion(command.data, task, context);
    case 'SuspendTask':
      return suspendTask(command.data, task, context);
    case 'ResumeTask':
      return resumeTask(command.data, task, context);
    case 'TerminateTask':
      return terminateTask(command.data, task, context);
    case 'ReportBlockage':
      return reportBlockage(command.data, task, context);
    case 'ResolveBlockage':
      return resolveBlockage(command.data, task, context);
    case 'EscalateBlockage':
      return escalateBlockage(command.data, task, context);
    case 'AssignBlockageCoordination':
      return assignBlockageCoordination(command.data, task, context);
    case 'ReopenBlockage':
      return reopenBlockage(command.data, task, context);
    case 'DeclareBlockagePartDone':
      return declareBlockagePartDone(command.data, task, context);
    case 'DefineIndicator':
      return defineIndicator(command.data, task, context);
    case 'ReportIndicatorValue':
      return reportIndicatorValue(command.data, task, context);
    case 'IssueSupervisionNotice':
      return issueSupervisionNotice(command.data, task, context);
    case 'AnswerSupervisionNotice':
      return answerSupervisionNotice(command.data, task, context);
    case 'UrgeTask':
      return urgeTask(command.data, task, context);
    case 'IssueLeadershipInstruction':
      return issueLeadershipInstruction(command.data, task, context);
    case 'RecordAccountability':
      return recordAccountability(command.data, task, context);
    case 'AwardBonus':
      return awardBonus(command.data, task, context);
    case 'AnswerUrge':
      return answerUrge(command.data, task, context);
    case 'RemindSigning':
      return remindSigning(command.data, task, context);
    case 'UrgeSigning':
      return urgeSigning(command.data, task, context);
    case 'RecordProgressReportMissed':
      return recordProgressReportMissed(command.data, task, context);
    case 'RecordUrgeReplyOverdue':
      return recordUrgeReplyOverdue(command.data, task, context);
    case 'RecordNoticeReplyOverdue':
      return recordNoticeReplyOverdue(command.data, task, context);
    case 'ApproveProgressReport':
      return approveProgressReport(command.data, task, context);
    case 'ReturnProgressReport':
      return returnProgressReport(command.data, task, context);
    case 'ReplyToSource':
      return replyToSource(command.data, task, context);
    case 'RecordProposerEvaluation':
      return recordProposerEvaluation(command.data, task, context);
    case 'SplitTask':
      return splitTask(command.data, task, context);
    case 'RecordTaskLight':
      return recordTaskLight(command.data, task, context);
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown task command ${(_exhaustive as { type: string }).type}`);
    }
  }
};

/**
 * Decides a task command: the events it causes (none when the fact is already
 * recorded, for the clock's commands), or a DomainError for the first broken
 * rule. Role, existence, scope and lifecycle come before the fields and the
 * command's own rules (see `admittedTask`), so an actor out of scope learns
 * nothing about the task's parts.
 */
export const decide = (
  command: TaskCommand,
  state: TaskState,
  context: DecisionContext,
): TaskEvent[] => {
  if (command.type === 'RegisterTask') return registerTask(withCheckedFields(command).data, state);
  if (command.type === 'RegisterMatter') {
    return registerMatter(withCheckedFields(command).data, state);
  }
  if (command.type === 'RegisterSubTask') return registerSubTask(command.data, state);
  const task = admittedTask(command, state, context);
  return decideOnTask(withCheckedFields(command), task, actingFor(command, task, context));
};
