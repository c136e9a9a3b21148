import { z } from 'zod';
import { pageInput } from '../../contracts/catalogue/tasks/queries.ts';
import { taskKinds } from '../../contracts/events/matter-sources.ts';
import { id } from '../../contracts/fields.ts';
import { taskStatuses } from '../../domain/progress.ts';
import type { Filter, FindQuery, KeysetPosition } from '../../infra/read-model-store/port.ts';

/** Fields the task list sorts on, as the API names them, and the row's field for each. */
const sortFields = {
  dueDate: 'dueDate',
  nextDueDate: 'nextDueDate',
  progress: 'progress',
  updatedAt: 'updatedAt',
  title: 'title',
} as const;

/**
 * The task list's query: the page and filters of `pageInput`, any status of
 * the lifecycle, several statuses at once, only tasks with overdue milestones
 * or open blockages, or with a return or a proposal awaiting a ruling, of one
 * kind (the plan's or a matter's source), and a sort order. Every filter given narrows the list.
 */
export const tasksQueryInput = pageInput.extend({
  status: z.enum(taskStatuses).nullish(),
  statuses: z.array(z.enum(taskStatuses)).max(taskStatuses.length).nullish(),
  overdue: z.boolean().nullish(),
  blocked: z.boolean().nullish(),
  returnRequested: z.boolean().nullish(),
  proposed: z.boolean().nullish(),
  kind: z.enum(taskKinds).nullish(),
  /** Tasks led by this unit or by one below it in the tree. */
  unitSubtree: id().nullish(),
  sortBy: z.enum(Object.keys(sortFields) as [keyof typeof sortFields]).nullish(),
  sortDirection: z.enum(['asc', 'desc']).nullish(),
  /** `false`: the caller does not read `totalCount`, which is then not counted. */
  withTotal: z.boolean().nullish(),
});

/** A parsed task-list query. */
export type TasksQuery = z.output<typeof tasksQueryInput>;

/** `true`: at least one; `false`: none; absent: either. */
const countCondition = (wanted: boolean | null | undefined) =>
  wanted === null || wanted === undefined ? undefined : wanted ? { $gt: 0 } : 0;

/** `true`: something waits for a ruling (the field is set); `false`: nothing does; absent: either. */
const pending = (wanted: boolean | null | undefined) =>
  wanted === null || wanted === undefined ? undefined : wanted ? { $ne: null } : { $eq: null };

/**
 * `subtree`: the units of `unitSubtree` as the directory lists them (one
 * indexed query), when it is asked; the list is then an `$in` on the lead unit.
 */
const filterOf = (input: TasksQuery, subtree: readonly string[] | null): Filter => {
  const filter: Filter = {};
  if (subtree) filter.leadUnitId = { $in: [...subtree], $eq: input.leadUnitId ?? undefined };
  else if (input.leadUnitId) filter.leadUnitId = input.leadUnitId;
  if (input.section) filter.section = input.section;
  if (input.status) filter.status = input.status;
  if (input.statuses) filter.status = { $in: input.statuses, $eq: input.status ?? undefined };
  const overdue = countCondition(input.overdue);
  if (overdue !== undefined) filter.overdueMilestones = overdue;
  const blocked = countCondition(input.blocked);
  if (blocked !== undefined) filter.openBlockages = blocked;
  const returned = pending(input.returnRequested);
  if (returned !== undefined) filter.returnRequestedBy = returned;
  const proposed = pending(input.proposed);
  if (proposed !== undefined) filter.proposal = proposed;
  if (input.kind === 'annual_plan') {
    // Rows projected before matters have no kind: they are the plan's. The plan's
    // tasks are most of the list: a page of them is found walking the sort's index.
    filter.kind = { $in: [input.kind, null] };
  } else if (input.kind) {
    // One range of the kindDueDate index: `<kind>|` up to `<kind>}` ('}' follows '|').
    filter.kindDueDate = { $gte: `${input.kind}|`, $lt: `${input.kind}}` };
  }
  return filter;
};

/**
 * The row field the list is sorted on: the due date unless asked otherwise; for
 * one kind of matter by due date, the kind and due date its filter is a range of.
 */
export const sortFieldOf = (input: TasksQuery): string => {
  const field = sortFields[input.sortBy ?? 'dueDate'];
  const matters = input.kind && input.kind !== 'annual_plan';
  return matters && field === 'dueDate' ? 'kindDueDate' : field;
};

/**
 * The read-model query of one page of the task list: sorted on one field, ties
 * broken by id, so pages are stable; `after` the position where the last page
 * ended (keyset paging: no offset).
 */
export const taskListQuery = (
  input: TasksQuery,
  after: KeysetPosition | null,
  subtree: readonly string[] | null = null,
): FindQuery => ({
  filter: filterOf(input, subtree),
  sort: [{ field: sortFieldOf(input), direction: input.sortDirection ?? 'asc' }],
  limit: input.first,
  ...(input.withTotal === false ? { count: false } : {}),
  ...(after ? { after } : {}),
});

/** An item's value of the field the list is sorted on, as a keyset cursor keeps it. */
export const sortValueOf = (item: object, field: string): string | number | boolean | null => {
  const value = (item as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : null;
};
