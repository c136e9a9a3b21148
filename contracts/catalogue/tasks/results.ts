import { z } from 'zod';
import { indicatorAssumptions } from '../../events/assumptions.ts';
import { indicatorComparisons } from '../../events/task-events.ts';
import { assumedFields, between, date, evidence, id, measure, oneOf, text } from '../../fields.ts';
import { inputLimits, limits } from '../../limits.ts';
import { command, office, onTask, partOf, reporters, served } from '../declare.ts';

/** Indicators (实效): the measurable results of a task. */

export const defineIndicatorInput = onTask({
  name: text(limits.title),
  unitOfMeasure: text(inputLimits.unitOfMeasure),
  target: measure(),
  comparison: oneOf(indicatorComparisons),
  dueDate: date(),
  baseline: measure()
    .nullish()
    .transform((value) => value ?? null),
  /** How far from the target a value still meets it (a target of 约, about); none: exact. */
  tolerance: between(0, 1e12)
    .nullish()
    .transform((value) => value ?? 0),
  /** Counts (所, 个, 项): only whole numbers are reported. */
  wholeNumbers: z
    .boolean({ error: 'must be true or false' })
    .nullish()
    .transform((value) => value ?? false),
  /** Which of its terms the plan assumed. */
  assumed: assumedFields(indicatorAssumptions),
});

export const reportIndicatorValueInput = onTask({
  indicatorId: id(),
  value: measure(),
  asOf: date(),
  evidence: evidence(),
});

export const resultCommands = served('tasks', {
  defineIndicator: command(office, defineIndicatorInput, {
    newId: partOf('indicator', 'indicatorId'),
  }),
  reportIndicatorValue: command(reporters, reportIndicatorValueInput, { unitScope: 'task' }),
});
