import { z } from 'zod';
import { milestoneAssumptions } from '../../events/assumptions.ts';
import { assumedFields, date, evidence, id, optionalText, reason, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import {
  command,
  office,
  onTask,
  open,
  openAndActive,
  partOf,
  reporters,
  served,
} from '../declare.ts';

/** Milestones (节点): planned by the office, reported on and completed by the units. */

export const planMilestoneInput = onTask({
  title: text(limits.title),
  dueDate: date(),
  weight: z
    .number()
    .finite()
    .gt(0, 'must be greater than 0')
    .max(100, 'must be at most 100')
    .nullish()
    .transform((value) => value ?? 1),
  /** A cooperating unit given this milestone as its own part; absent: the lead unit's. */
  ownerUnitId: id()
    .nullish()
    .transform((value) => value ?? null),
  /** What of the milestone the plan assumed. */
  assumed: assumedFields(milestoneAssumptions),
});

const percentRule = 'must be an integer between 0 and 100';

/**
 * 代录: the source of a report the office records for a unit (e.g. 联络员张三
 * 6月30日电话报送); the office must name it, a unit must not give one.
 */
const proxySource = optionalText(limits.note);

export const reportProgressInput = onTask({
  milestoneId: id(),
  /** A liaison's draft's own id, if the caller names it; generated when absent. */
  draftId: id().optional(),
  proxySource,
  percent: z
    .number({ error: percentRule })
    .int(percentRule)
    .min(0, percentRule)
    .max(100, percentRule),
  note: optionalText(limits.note),
  evidence: evidence(),
});

export const completeMilestoneInput = onTask({
  milestoneId: id(),
  note: optionalText(limits.note),
  proxySource,
});

export const reopenMilestoneInput = onTask({ milestoneId: id(), reason: reason() });

export const assignMilestoneOwnerInput = onTask({
  milestoneId: id(),
  /** A cooperating unit of the task; null: back to the lead unit. */
  ownerUnitId: id()
    .nullish()
    .transform((value) => value ?? null),
  reason: reason(),
});

export const milestoneCommands = served('tasks', {
  planMilestone: command(office, planMilestoneInput, {
    newId: partOf('milestone', 'milestoneId'),
    lifecycle: open,
  }),
  /**
   * A liaison (联络员) reports too: a draft for the unit head where the ruleset
   * asks for approval (审核), else directly; `draftId` names the draft, or the
   * task numbers its drafts (`draft-1`, `draft-2`…).
   */
  reportProgress: command({ ...reporters, liaison: 'own_unit' }, reportProgressInput, {
    unitScope: 'task',
    lookups: { ruleset: true },
    lifecycle: openAndActive,
  }),
  completeMilestone: command(reporters, completeMilestoneInput, {
    unitScope: 'task',
    lifecycle: openAndActive,
  }),
  reopenMilestone: command({ office: 'all', leader: 'all' }, reopenMilestoneInput, {
    lifecycle: open,
  }),
  assignMilestoneOwner: command(office, assignMilestoneOwnerInput, { lifecycle: open }),
});
