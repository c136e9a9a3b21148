import { z } from 'zod';
import { indicatorComparisons } from '../../events/task-events.ts';
import { date, evidence, finite, id, idempotencyKey, oneOf, text } from '../../fields.ts';
import { inputLimits, limits } from '../../limits.ts';
import { command, office, reporters } from '../declare.ts';

/** Indicators (实效): the measurable results of a task. */

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

export const defineIndicator = command({
  roles: office,
  action: 'tasks.defineIndicator',
  mutation: 'defineIndicator',
  input: defineIndicatorInput,
  command: 'DefineIndicator',
  newId: { field: 'indicatorId', kind: 'indicator', scopeField: 'taskId' },
});

export const reportIndicatorValue = command({
  roles: reporters,
  action: 'tasks.reportIndicatorValue',
  mutation: 'reportIndicatorValue',
  input: reportIndicatorValueInput,
  command: 'ReportIndicatorValue',
  unitScope: 'task',
});
