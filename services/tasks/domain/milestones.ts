import { type Actor, actsForUnit } from '../../../contracts/actor.ts';
import { forbidden, illegalState, validationError } from '../../../contracts/errors.ts';
import { assumedPart } from './assumed.ts';
import { assertNoPendingReport } from './completion.ts';
import { draftReport, isDraft } from './drafts.ts';
import { evidenceList } from './evidence.ts';
import { existingMilestone, openMilestone } from './lookups.ts';
import { type OnTask, recorded } from './on-task.ts';
import { dateWithinTask } from './rules.ts';
import type { MilestoneState, RegisteredTask } from './state.ts';

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
    ...(data.ownerUnitId ? { ownerUnitId: cooperatingUnit(data.ownerUnitId, task) } : {}),
    ...assumedPart(data.assumed),
  });
};

/** A milestone's owner other than the lead unit must be one of the task's cooperating units. */
const cooperatingUnit = (unitId: string, task: RegisteredTask): string => {
  if (!task.cooperatingUnitIds.includes(unitId)) {
    throw validationError(
      'ownerUnitId',
      `must be a cooperating unit of task ${task.taskId} (${task.cooperatingUnitIds.join(', ') || 'it has none'}); the lead unit owns every milestone not given to one`,
    );
  }
  return unitId;
};

/**
 * Gives an open milestone to another owner: a cooperating unit of the task, or
 * back to the lead unit (null). What was reported on it stays; from now on the
 * new owner reports on and completes it.
 */
export const assignMilestoneOwner: OnTask<'AssignMilestoneOwner'> = (data, task) => {
  const milestone = openMilestone(task, data.milestoneId);
  const owner = data.ownerUnitId === null ? null : cooperatingUnit(data.ownerUnitId, task);
  const current =
    milestone.ownerUnitId !== null && milestone.ownerUnitId === ownerOf(milestone, task)
      ? milestone.ownerUnitId
      : null;
  if (owner === current) {
    throw illegalState(
      `milestone ${data.milestoneId} already belongs to ${owner ?? `the lead unit ${task.leadUnitId ?? ''}`.trim()}`,
      'ownerUnitId',
    );
  }
  return recorded('MilestoneOwnerAssigned', task, {
    milestoneId: data.milestoneId,
    ownerUnitId: owner,
    previousOwnerUnitId: current,
    reason: data.reason,
  });
};

/** The unit whose part the milestone is: its cooperating owner while it still cooperates, else the lead unit. */
export const ownerOf = (milestone: MilestoneState, task: RegisteredTask): string | null =>
  milestone.ownerUnitId !== null && task.cooperatingUnitIds.includes(milestone.ownerUnitId)
    ? milestone.ownerUnitId
    : task.leadUnitId;

/**
 * A department head reports on and completes a milestone only as the lead unit
 * (which answers for the whole task) or as the cooperating unit it belongs to:
 * a cooperating unit acts on its own part only.
 */
const assertMayReport = (
  milestone: MilestoneState,
  milestoneId: string,
  task: RegisteredTask,
  actor: Actor,
): void => {
  if (!actsForUnit(actor) || actor.unitId === task.leadUnitId) return;
  if (actor.unitId !== undefined && actor.unitId === ownerOf(milestone, task)) return;
  throw forbidden(
    `milestone ${milestoneId} belongs to unit ${ownerOf(milestone, task) ?? 'none'}; a cooperating unit reports on and completes only its own milestones`,
  );
};

/**
 * Who a report speaks for: the acting department head's unit; for the office,
 * which records a unit's report only as 代录, the milestone's owner, with the
 * source named (a unit's own report names none). The office never reports in
 * its own name: it would write the record it then judges.
 */
const reportingUnit = (
  milestone: MilestoneState,
  task: RegisteredTask,
  actor: Actor,
  proxySource: string | null | undefined,
): { unitId: string | null; proxy: { proxySource: string } | Record<string, never> } => {
  if (actor.role !== 'office') {
    if (proxySource) {
      throw validationError('proxySource', 'only the office records on a unit’s behalf (代录)');
    }
    return { unitId: actor.unitId ?? null, proxy: {} };
  }
  if (!proxySource) {
    throw validationError(
      'proxySource',
      'required when the office records for a unit (代录): name the unit’s source, who reported and when',
    );
  }
  return { unitId: ownerOf(milestone, task), proxy: { proxySource } };
};

/**
 * Reports a milestone's percent done. Going backwards is allowed, as corrections
 * happen, but only with the reason in `note`, so the trace explains the drop.
 */
export const reportProgress: OnTask<'ReportProgress'> = (data, task, { actor }) => {
  const milestone = openMilestone(task, data.milestoneId);
  assertMayReport(milestone, data.milestoneId, task, actor);
  const { unitId, proxy } = reportingUnit(milestone, task, actor, data.proxySource);
  if (data.percent < milestone.percent && data.note === null) {
    throw validationError('note', 'required when progress goes backwards');
  }
  if (unitId !== null && isDraft(data, actor)) return draftReport(data, task, actor, unitId);
  return recorded('MilestoneProgressReported', task, {
    milestoneId: data.milestoneId,
    percent: data.percent,
    previousPercent: milestone.percent,
    note: data.note,
    reportedByUnitId: unitId,
    evidence: evidenceList(data.evidence ?? []),
    ...proxy,
  });
};

/** Completes a milestone once; reopening is a separate, later command. */
export const completeMilestone: OnTask<'CompleteMilestone'> = (data, task, { actor }) => {
  const milestone = openMilestone(task, data.milestoneId);
  assertMayReport(milestone, data.milestoneId, task, actor);
  const { unitId, proxy } = reportingUnit(milestone, task, actor, data.proxySource);
  return recorded('MilestoneCompleted', task, {
    milestoneId: data.milestoneId,
    note: data.note,
    ...('proxySource' in proxy ? { ...proxy, completedByUnitId: unitId } : {}),
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
