import type { Actor } from '../../../contracts/actor.ts';
import { forbidden, notFound, validationError } from '../../../contracts/errors.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import { assumedPart } from './assumed.ts';
import { today } from './calendar.ts';
import type { CommandData } from './commands.ts';
import { evidenceList } from './evidence.ts';
import { type OnTask, recorded } from './on-task.ts';
import { dateWithinTask, unusedId } from './rules.ts';
import type { RegisteredTask } from './state.ts';

const wholeNumberRule = (unitOfMeasure: string) =>
  `must be a whole number: the indicator counts ${unitOfMeasure}`;

/** An indicator that counts (所, 个) has whole numbers for its target, baseline and tolerance too. */
const assertWholeWhereCounting = (data: CommandData<'DefineIndicator'>): void => {
  if (!data.wholeNumbers) return;
  for (const field of ['target', 'baseline', 'tolerance'] as const) {
    const value = data[field];
    if (typeof value === 'number' && !Number.isInteger(value)) {
      throw validationError(field, wholeNumberRule(data.unitOfMeasure));
    }
  }
};

/**
 * Defines an indicator (实效): the result the task must reach, e.g. water quality
 * ≥ 89 %; with a tolerance for a target the report gives as 约 (about), and as a
 * count when only whole things are counted (3 所 schools).
 */
export const defineIndicator: OnTask<'DefineIndicator'> = (data, task) => {
  assertWholeWhereCounting(data);
  return recorded('IndicatorDefined', task, {
    indicatorId: unusedId('indicatorId', data.indicatorId, task.indicatorIds, 'indicator'),
    name: data.name,
    unitOfMeasure: data.unitOfMeasure,
    target: data.target,
    comparison: data.comparison,
    dueDate: dateWithinTask('dueDate', data.dueDate, task),
    baseline: data.baseline,
    ...(data.tolerance ? { tolerance: data.tolerance } : {}),
    ...(data.wholeNumbers ? { wholeNumbers: true } : {}),
    ...assumedPart(data.assumed),
  });
};

/** A value of a counting indicator is a whole number: 6.9 schools were not opened. */
const countedValue = (value: number, indicatorId: string, task: RegisteredTask): number => {
  const unitOfMeasure = task.countingIndicators.get(indicatorId);
  if (unitOfMeasure !== undefined && !Number.isInteger(value)) {
    throw validationError('value', wholeNumberRule(unitOfMeasure));
  }
  return value;
};

/** A value speaks of a day that has happened (China Standard Time). */
const pastOrToday = (asOf: string, context: DecisionContext): string => {
  const day = today(context);
  if (asOf > day) throw validationError('asOf', `must not be later than today, ${day}`);
  return asOf;
};

/** The office brings measured values (e.g. from the statistics bureau); units report their own. */
const sourceOf = (actor: Actor) => (actor.role === 'office' ? 'measured' : 'self_reported');

/**
 * Reports an indicator's value as of a day; the source follows from who reports
 * it. Of the units, only the lead unit reports the task's results (a
 * cooperating unit reports on its own milestones).
 */
export const reportIndicatorValue: OnTask<'ReportIndicatorValue'> = (data, task, context) => {
  if (!task.indicatorIds.has(data.indicatorId)) {
    throw notFound('indicatorId', `indicator ${data.indicatorId} of task ${task.taskId}`);
  }
  const { actor } = context;
  if (actor.role === 'department_head' && actor.unitId !== task.leadUnitId) {
    throw forbidden(
      `unit ${actor.unitId ?? 'none'} does not lead task ${task.taskId}; only the lead unit reports its indicators`,
    );
  }
  return recorded('IndicatorValueReported', task, {
    indicatorId: data.indicatorId,
    value: countedValue(data.value, data.indicatorId, task),
    asOf: pastOrToday(data.asOf, context),
    source: sourceOf(context.actor),
    evidence: evidenceList(data.evidence),
    reportedByUnitId: context.actor.unitId ?? null,
  });
};
