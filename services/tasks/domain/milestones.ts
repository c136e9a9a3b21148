import type { Actor } from '../../../contracts/actor.ts';
import { illegalState, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { limits } from '../../../contracts/limits.ts';
import type { CommandData } from './commands.ts';
import { assertNoPendingReport } from './completion.ts';
import { evidenceList } from './evidence.ts';
import { existingMilestone, openMilestone } from './lookups.ts';
import { dateWithinTask, newId, optionalText, reasonText, requiredText } from './rules.ts';
import type { RegisteredTask } from './state.ts';

/** Weights are relative shares of the task; 100 caps a single one. */
const milestoneWeight = (weight: number): number => {
  if (!Number.isFinite(weight) || weight <= 0 || weight > 100) {
    throw validationError('weight', 'must be a number greater than 0 and at most 100');
  }
  return weight;
};

/**
 * Plans one milestone (环节) of the task, inside the task's span. Not while a
 * completion report is pending: the report says every milestone is done.
 */
export const planMilestone = (
  data: CommandData<'PlanMilestone'>,
  task: RegisteredTask,
): TaskEvent[] => {
  assertNoPendingReport(task);
  if (task.milestones.has(data.milestoneId)) {
    throw illegalState(`milestone ${data.milestoneId} is already planned`, 'milestoneId');
  }
  return [
    {
      type: 'MilestonePlanned',
      data: {
        taskId: task.taskId,
        milestoneId: newId('milestoneId', data.milestoneId),
        title: requiredText('title', data.title, limits.title),
        dueDate: dateWithinTask('dueDate', data.dueDate, task),
        weight: milestoneWeight(data.weight),
      },
    },
  ];
};

/**
 * Reports a milestone's percent done. Going backwards is allowed, as corrections
 * happen, but only with the reason in `note`, so the trace explains the drop.
 */
export const reportProgress = (
  data: CommandData<'ReportProgress'>,
  task: RegisteredTask,
  actor: Actor,
): TaskEvent[] => {
  const milestone = openMilestone(task, data.milestoneId);
  if (!Number.isInteger(data.percent) || data.percent < 0 || data.percent > 100) {
    throw validationError('percent', 'must be an integer between 0 and 100');
  }
  const note = optionalText('note', data.note, limits.note);
  if (data.percent < milestone.percent && note === null) {
    throw validationError('note', 'required when progress goes backwards');
  }
  return [
    {
      type: 'MilestoneProgressReported',
      data: {
        taskId: task.taskId,
        milestoneId: data.milestoneId,
        percent: data.percent,
        previousPercent: milestone.percent,
        note,
        reportedByUnitId: actor.unitId ?? null,
        evidence: evidenceList(data.evidence ?? []),
      },
    },
  ];
};

/** Completes a milestone once; reopening is a separate, later command. */
export const completeMilestone = (
  data: CommandData<'CompleteMilestone'>,
  task: RegisteredTask,
): TaskEvent[] => {
  openMilestone(task, data.milestoneId);
  return [
    {
      type: 'MilestoneCompleted',
      data: {
        taskId: task.taskId,
        milestoneId: data.milestoneId,
        note: optionalText('note', data.note, limits.note),
      },
    },
  ];
};

/**
 * Reopens a completed milestone (office or leader), e.g. when the work was found
 * wanting. Its progress goes back to the last percent reported before the
 * completion, not 100: completion counted it done, the report said how far it was.
 */
export const reopenMilestone = (
  data: CommandData<'ReopenMilestone'>,
  task: RegisteredTask,
): TaskEvent[] => {
  assertNoPendingReport(task);
  const milestone = existingMilestone(task, data.milestoneId);
  if (!milestone.completed) {
    throw illegalState(`milestone ${data.milestoneId} is not completed`, 'milestoneId');
  }
  return [
    {
      type: 'MilestoneReopened',
      data: {
        taskId: task.taskId,
        milestoneId: data.milestoneId,
        reason: reasonText(data.reason),
        percent: milestone.reportedPercent,
      },
    },
  ];
};
