import type { Actor } from '../../../contracts/actor.ts';
import { illegalState, notFound, validationError } from '../../../contracts/errors.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import { limits } from '../../../contracts/limits.ts';
import type { CommandData } from './commands.ts';
import { isoDate, newId, optionalText, requiredText } from './rules.ts';
import type { MilestoneState, RegisteredTask } from './state.ts';

const existingMilestone = (task: RegisteredTask, milestoneId: string): MilestoneState => {
  const milestone = task.milestones.get(milestoneId);
  if (!milestone) throw notFound('milestoneId', `milestone ${milestoneId} of task ${task.taskId}`);
  return milestone;
};

const openMilestone = (task: RegisteredTask, milestoneId: string): MilestoneState => {
  const milestone = existingMilestone(task, milestoneId);
  if (milestone.completed) {
    throw illegalState(`milestone ${milestoneId} is already completed`, 'milestoneId');
  }
  return milestone;
};

/** A milestone falls inside its task's planned span, so its lateness is the task's. */
const milestoneDueDate = (task: RegisteredTask, value: string): string => {
  const dueDate = isoDate('dueDate', value);
  if (dueDate < task.plannedStart || dueDate > task.dueDate) {
    throw validationError(
      'dueDate',
      `must be within the task, ${task.plannedStart} to ${task.dueDate}`,
    );
  }
  return dueDate;
};

/** Weights are relative shares of the task; 100 caps a single one. */
const milestoneWeight = (weight: number): number => {
  if (!Number.isFinite(weight) || weight <= 0 || weight > 100) {
    throw validationError('weight', 'must be a number greater than 0 and at most 100');
  }
  return weight;
};

/** Plans one milestone (环节) of the task. */
export const planMilestone = (
  data: CommandData<'PlanMilestone'>,
  task: RegisteredTask,
): TaskEvent[] => {
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
        dueDate: milestoneDueDate(task, data.dueDate),
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
