import { z } from 'zod';
import { indicatorComparisons } from '../events/task-events.ts';
import { limits } from '../limits.ts';
import { date, evidence, finite, id, idempotencyKey, oneOf, text } from './fields.ts';
import { inputLimits } from './input-limits.ts';

/** Input rules of indicators (实效): the measurable results of a task. */

export const defineIndicatorInput = z.object({
  taskId: id(),
  name: text(limits.title),
  unitOfMeasure: text(inputLimits.unitOfMeasure),
  target: finite(),
  comparison: oneOf(indicatorComparisons),
  dueDate: date(),
  baseline: finite()
    .nullish()
    .transform((value) => value ?? null),
  idempotencyKey,
});

export const reportIndicatorValueInput = z.object({
  taskId: id(),
  indicatorId: id(),
  value: finite(),
  asOf: date(),
  evidence: evidence(),
  idempotencyKey,
});
