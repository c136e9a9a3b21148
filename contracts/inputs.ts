import { z } from 'zod';
import { isIsoDate, maxDate, minDate } from './dates.ts';
import { evidence } from './inputs/fields.ts';
import { idRule, limits } from './limits.ts';

/**
 * Input rules of every command, checked by the service that receives it (the
 * gateway is not the only way in). Messages name the rule; the field comes from
 * the path.
 */
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
const id = () => z.string().regex(limits.idPattern, idRule);
const date = () =>
  z.string().refine(isIsoDate, `must be an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`);
const idempotencyKey = z
  .string()
  .min(1, 'must not be empty')
  .max(limits.idempotencyKey, `must be at most ${limits.idempotencyKey} characters`)
  .optional();

export const registerUnitInput = z.object({
  id: id().optional(),
  name: text(limits.name),
  idempotencyKey,
});

export const registerTaskInput = z.object({
  title: text(limits.title),
  description: optionalText(limits.description),
  section: optionalText(limits.section),
  plannedStart: date(),
  dueDate: date(),
  idempotencyKey,
});

export const assignTaskInput = z.object({
  taskId: id(),
  leadUnitId: id(),
  cooperatingUnitIds: z
    .array(id())
    .max(limits.cooperatingUnits, `must list at most ${limits.cooperatingUnits} units`)
    .nullish()
    .transform((value) => value ?? []),
  responsibleLeader: optionalText(limits.name),
  idempotencyKey,
});

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

export const reportProgressInput = z.object({
  taskId: id(),
  milestoneId: id(),
  percent: z
    .number()
    .int('must be an integer between 0 and 100')
    .min(0, 'must be an integer between 0 and 100')
    .max(100, 'must be an integer between 0 and 100'),
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

export const reportBlockageInput = z.object({
  taskId: id(),
  description: text(limits.description),
  waitingOnUnitId: id()
    .nullish()
    .transform((value) => value ?? null),
  idempotencyKey,
});

export const resolveBlockageInput = z.object({
  taskId: id(),
  blockageId: id(),
  resolution: text(limits.note),
  idempotencyKey,
});

export const taskIdInput = z.object({ id: id() });

export const pageInput = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  after: z.string().max(100).nullish(),
  leadUnitId: id().nullish(),
  status: z.enum(['registered', 'assigned', 'in_progress', 'completed']).nullish(),
  section: z.string().max(limits.section).nullish(),
});

/** A tree size or a global position: whole and at least 1. */
const count = () =>
  z
    .number()
    .int('must be a whole number of at least 1')
    .min(1, 'must be a whole number of at least 1');
const isoTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const timestamp = () =>
  z
    .string()
    .refine(
      (value) => isoTimestamp.test(value) && !Number.isNaN(Date.parse(value)),
      'must be an ISO timestamp such as 2021-03-01T08:00:00Z',
    );

export const inclusionProofInput = z.object({ position: count(), treeSize: count() });

export const consistencyProofInput = z.object({ fromSize: count(), toSize: count() });

export const treeHeadInput = z.object({ size: count() });

/** Audit history search: every filter given narrows the result; ranges include both ends. */
export const auditSearchInput = z.object({
  actorId: z
    .string()
    .min(1, 'must not be empty')
    .max(128, 'must be at most 128 characters')
    .nullish(),
  unitId: id().nullish(),
  types: z
    .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be an event type name'))
    .max(50, 'must list at most 50 types')
    .nullish(),
  streamId: z
    .string()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .nullish(),
  recordedFrom: timestamp().nullish(),
  recordedTo: timestamp().nullish(),
  businessFrom: date().nullish(),
  businessTo: date().nullish(),
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  after: z.string().max(100, 'must be a cursor returned by an earlier page').nullish(),
});
