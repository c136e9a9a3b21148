import { z } from 'zod';
import { isIsoDate } from '../contracts/dates.ts';
import { unitCategories } from '../contracts/events/index.ts';
import { posts } from '../contracts/events/official-events.ts';
import { indicatorComparisons } from '../contracts/events/task-events.ts';
import { idRule, limits } from '../contracts/limits.ts';

/** The shape of a plan file (`plans/*.json`): a work report turned into supervised tasks. */
const id = z.string().regex(limits.idPattern, idRule);
const date = z.string().refine(isIsoDate, 'must be an ISO date YYYY-MM-DD');
const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * The fields of an entry the work report does not state (假定), each named once:
 * the plan assumed them. Every other value of the entry is the report's.
 */
const assumed = <const T extends readonly [string, ...string[]]>(fields: T) =>
  z
    .array(z.enum(fields))
    .refine((names) => new Set(names).size === names.length, 'must name each field once')
    .default([]);

/** Fields of a milestone that may be assumed. */
export const milestoneFields = ['title', 'dueDate', 'weight'] as const;
/** Fields of an indicator that may be assumed. */
export const indicatorFields = [
  'name',
  'unitOfMeasure',
  'target',
  'comparison',
  'dueDate',
  'baseline',
  'tolerance',
] as const;
/** Fields of a task that may be assumed: its dates, and who answers for it. */
export const taskFields = ['plannedStart', 'dueDate', 'lead', 'cooperating', 'leader'] as const;

const milestone = z.object({
  key: id,
  title: text(limits.title),
  dueDate: date,
  weight: z.number().positive('must be greater than 0').max(100).default(1),
  assumed: assumed(milestoneFields),
});

const indicator = z.object({
  key: id,
  name: text(limits.title),
  unitOfMeasure: text(20),
  target: z.number().finite(),
  comparison: z.enum(indicatorComparisons),
  dueDate: date,
  baseline: z.number().finite().nullable().default(null),
  /** A target the report gives as 约 (about): how far from it a value still meets it. */
  tolerance: z.number().finite().min(0, 'must be at least 0').default(0),
  /** Counts (所, 个, 项): values are whole numbers. */
  wholeNumbers: z.boolean().default(false),
  assumed: assumed(indicatorFields),
});

const task = z.object({
  key: id,
  title: text(limits.title),
  description: text(limits.description).nullable().default(null),
  lead: id,
  cooperating: z.array(id).default([]),
  leader: id,
  plannedStart: date,
  dueDate: date,
  assumed: assumed(taskFields),
  milestones: z.array(milestone).min(1, 'must list at least one milestone'),
  indicators: z.array(indicator).default([]),
});

const post = z.object({
  unitId: id,
  post: z.enum(posts),
  from: date,
  vacatedOn: date.optional(),
});

export const planSchema = z.object({
  title: text(limits.title),
  year: z.number().int().min(2000).max(2100),
  source: z.string().optional(),
  /** How the plan reads the report, e.g. what a date of the year's last day stands for. */
  notes: z.array(text(1000)).default([]),
  /** Whole lists the report does not give: the directory of units and officials is the plan's own. */
  assumed: assumed(['units', 'officials'] as const),
  units: z
    .array(z.object({ id, name: text(limits.name), category: z.enum(unitCategories) }))
    .min(1),
  officials: z.array(
    z.object({
      id,
      name: text(limits.name),
      title: text(limits.title),
      posts: z.array(post).default([]),
    }),
  ),
  sections: z.array(z.object({ title: text(limits.section), tasks: z.array(task).min(1) })).min(1),
});

export type Plan = z.output<typeof planSchema>;
export type PlanTask = Plan['sections'][number]['tasks'][number];
export type PlanMilestone = PlanTask['milestones'][number];
export type PlanIndicator = PlanTask['indicators'][number];
