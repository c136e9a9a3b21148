import type { Actor } from '../../../contracts/actor.ts';
import { forbidden, illegalState, notFound, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { timeLimitsOf } from '../../../contracts/events/ruleset-events.ts';
import { defaultRuleset } from '../../../domain/rulesets/default-ruleset.ts';
import type { CommandData } from './commands.ts';
import { openMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import { actingUnitId } from './scope.ts';
import type { DraftState, RegisteredTask } from './state.ts';

/** A liaison's report is a draft for the unit head where the ruleset in force asks for approval (审核). */
export const isDraft = (data: CommandData<'ReportProgress'>, actor: Actor): boolean =>
  actor.role === 'liaison' &&
  timeLimitsOf(data.ruleset ?? defaultRuleset).liaisonReportNeedsApproval;

/** The draft of a liaison's report: what it says, for the unit head to approve or return. */
export const draftReport = (
  data: CommandData<'ReportProgress'>,
  task: RegisteredTask,
  actor: Actor,
  unitId: string,
): TaskEvent[] => {
  // Numbered in the task's stream when the caller names none: a stream appends one command at a time.
  const draftId = data.draftId ?? `draft-${task.drafts.size + 1}`;
  if (task.drafts.has(draftId)) {
    throw illegalState(`draft report ${draftId} already exists`, 'draftId');
  }
  return recorded('ProgressReportDrafted', task, {
    draftId,
    milestoneId: data.milestoneId,
    unitId,
    percent: data.percent,
    note: data.note,
    evidence: [...(data.evidence ?? [])],
    draftedBy: actor.id,
  });
};

/** An open draft of the actor's own unit: a head approves only its own liaisons' drafts. */
const openDraftOfUnit = (task: RegisteredTask, draftId: string, actor: Actor): DraftState => {
  const draft = task.drafts.get(draftId);
  if (draft === undefined)
    throw notFound('draftId', `draft report ${draftId} of task ${task.taskId}`);
  const unitId = actingUnitId(actor);
  if (draft.unitId !== unitId) {
    throw forbidden(`draft report ${draftId} is unit ${draft.unitId}'s, not unit ${unitId}'s`);
  }
  if (!draft.open) throw illegalState(`draft report ${draftId} is already decided`, 'draftId');
  return draft;
};

/**
 * The unit head approves (审核) the draft: the report reaches the office as the
 * unit's, in the same append. The milestone must still be open, and a report
 * going backwards still needs its reason, as the unit's own report would.
 */
export const approveProgressReport: OnTask<'ApproveProgressReport'> = (data, task, { actor }) => {
  const draft = openDraftOfUnit(task, data.draftId, actor);
  const milestone = openMilestone(task, draft.milestoneId);
  if (draft.percent < milestone.percent && draft.note === null) {
    throw validationError('note', 'the draft goes backwards without a reason: return it');
  }
  return [
    ...recorded('ProgressReportApproved', task, {
      draftId: data.draftId,
      milestoneId: draft.milestoneId,
      unitId: draft.unitId,
      draftedBy: draft.draftedBy,
      approvedBy: actor.id,
    }),
    ...recorded('MilestoneProgressReported', task, {
      milestoneId: draft.milestoneId,
      percent: draft.percent,
      previousPercent: milestone.percent,
      note: draft.note,
      reportedByUnitId: draft.unitId,
      evidence: [...draft.evidence],
    }),
  ];
};

/** The unit head sends the draft back to the liaison, saying why. */
export const returnProgressReport: OnTask<'ReturnProgressReport'> = (data, task, { actor }) => {
  const draft = openDraftOfUnit(task, data.draftId, actor);
  return recorded('ProgressReportReturned', task, {
    draftId: data.draftId,
    milestoneId: draft.milestoneId,
    unitId: draft.unitId,
    draftedBy: draft.draftedBy,
    reason: data.reason,
    returnedBy: actor.id,
  });
};
