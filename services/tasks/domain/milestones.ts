import { illegalState, validationError } from '../../../contracts/errors.ts';
import { assertNoPendingReport } from './completion.ts';
import { evidenceList } from './evidence.ts';
import { existingMilestone, openMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import { dateWithinTask } from './rules.ts';

/**
 * Plans one milestone (环节) of the task, inside the task's span. Not while a
 * completion report is pending: the report says every milestone is done.
 */
export const planMilestone: OnTask<'PlanMilestone'> = (data, task) => {
  assertNoPendingReport(task);
  if (task.milestones.has(data.milestoneId)) {
    throw illegalState(`milestone ${data.milestoneId} is already planned`, 'milestoneId');
  }
  return recorded('MilestonePlanned', task, {
    milestoneId: data.milestoneId,
    title: data.title,
    dueDate: dateWithinTask('dueDate', data.dueDate, task),
    weight: data.weight,
  });
};

/**
 * Reports a milestone's percent done. Going backwards is allowed, as corrections
 * happen, but only with the reason in `note`, so the trace explains the drop.
 */
export const reportProgress: OnTask<'ReportProgress'> = (data, task, { actor }) => {
  const milestone = openMilestone(task, data.milestoneId);
  if (data.percent < milestone.percent && data.note === null) {
    throw validationError('note', 'required when progress goes backwards');
  }
  return recorded('MilestoneProgressReported', task, {
    milestoneId: data.milestoneId,
    percent: data.percent,
    previousPercent: milestone.percent,
    note: data.note,
    reportedByUnitId: actor.unitId ?? null,
    evidence: evidenceList(data.evidence ?? []),
  });
};

/** Completes a milestone once; reopening is a separate, later command. */
export const completeMilestone: OnTask<'CompleteMilestone'> = (data, task) => {
  openMilestone(task, data.milestoneId);
  return recorded('MilestoneCompleted', task, {
    milestoneId: data.milestoneId,
    note: data.note,
  });
};

/**
 * Reopens a completed milestone (office or leader), e.g. when the work was found
 * wanting. Its progress goes back to the last percent reported before the
 * completion, not 100: completion counted it done, the report said how far it was.
 */
export const reopenMilestone: OnTask<'ReopenMilestone'> = (data, task) => {
  assertNoPendingReport(task);
  const milestone = existingMilestone(task, data.milestoneId);
  if (!milestone.completed) {
    throw illegalState(`milestone ${data.milestoneId} is not completed`, 'milestoneId');
  }
  return recorded('MilestoneReopened', task, {
    milestoneId: data.milestoneId,
    reason: data.reason,
    percent: milestone.reportedPercent,
  });
};
