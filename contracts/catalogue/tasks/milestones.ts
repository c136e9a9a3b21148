import { z } from 'zod';
import { date, evidence, id, idempotencyKey, optionalText, reason, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, reporters } from '../declare.ts';

/** Milestones (节点): planned by the office, reported on and completed by the units. */

export const planMilestoneInput = z.object({
  taskId: id(),
  title: text(limits.title),
  dueDate: date(),
  weight: z
    .number()
    .finite()
    .gt(0, 'must be greater than 0')
    .max(100, 'must be at most 100')
    .nullish()
    .transform((value) => value ?? 1),
  idempotencyKey,
});

const percentRule = 'must be an integer between 0 and 100';

export const reportProgressInput = z.object({
  taskId: id(),
  milestoneId: id(),
  percent: z
    .number({ error: percentRule })
    .int(percentRule)
    .min(0, percentRule)
    .max(100, percentRule),
  note: optionalText(limits.note),
  evidence: evidence(),
  idempotencyKey,
});

export const completeMilestoneInput = z.object({
  taskId: id(),
  milestoneId: id(),
  note: optionalText(limits.note),
  idempotencyKey,
});

export const reopenMilestoneInput = z.object({
  taskId: id(),
  milestoneId: id(),
  reason: reason(),
  idempotencyKey,
});

export const planMilestone = command({
  roles: office,
  action: 'tasks.planMilestone',
  mutation: 'planMilestone',
  input: planMilestoneInput,
  command: 'PlanMilestone',
  newId: { field: 'milestoneId', kind: 'milestone', scopeField: 'taskId' },
  lifecycle: ['open'],
});

export const reportProgress = command({
  roles: reporters,
  action: 'tasks.reportProgress',
  mutation: 'reportProgress',
  input: reportProgressInput,
  command: 'ReportProgress',
  unitScope: 'task',
  lifecycle: ['open', 'active'],
});

export const completeMilestone = command({
  roles: reporters,
  action: 'tasks.completeMilestone',
  mutation: 'completeMilestone',
  input: completeMilestoneInput,
  command: 'CompleteMilestone',
  unitScope: 'task',
  lifecycle: ['open', 'active'],
});

export const reopenMilestone = command({
  roles: { office: 'all', leader: 'all' },
  action: 'tasks.reopenMilestone',
  mutation: 'reopenMilestone',
  input: reopenMilestoneInput,
  command: 'ReopenMilestone',
  lifecycle: ['open'],
});
