import type { Actor } from '../../../contracts/actor.ts';
import { forbidden, notFound, validationError } from '../../../contracts/errors.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import { today } from './calendar.ts';
import { evidenceList } from './evidence.ts';
import { type OnTask, recorded } from './on-task.ts';
import { dateWithinTask, unusedId } from './rules.ts';

/** Defines an indicator (实效): the result the task must reach, e.g. water quality ≥ 89 %. */
export const defineIndicator: OnTask<'DefineIndicator'> = (data, task) =>
  recorded('IndicatorDefined', task, {
    indicatorId: unusedId('indicatorId', data.indicatorId, task.indicatorIds, 'indicator'),
    name: data.name,
    unitOfMeasure: data.unitOfMeasure,
    target: data.target,
    comparison: data.comparison,
    dueDate: dateWithinTask('dueDate', data.dueDate, task),
    baseline: data.baseline,
  });

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
    value: data.value,
    asOf: pastOrToday(data.asOf, context),
    source: sourceOf(context.actor),
    evidence: evidenceList(data.evidence),
    reportedByUnitId: context.actor.unitId ?? null,
  });
};
