import { indicatorComparisons } from '../../events/task-events.ts';
import { date, evidence, id, measure, oneOf, text } from '../../fields.ts';
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
