import { z } from 'zod';
import { assignmentAssumptions, taskAssumptions } from '../../events/assumptions.ts';
import { reportingCycles } from '../../events/task-events.ts';
import {
  assumedFields,
  date,
  id,
  idempotencyKey,
  oneOf,
  optionalText,
  text,
  unitIds,
} from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, onTask, open, served } from '../declare.ts';

/** Registering a task from the plan and assigning its units (立项, 交办). */

export const registerTaskInput = z.object({
  title: text(limits.title),
  description: optionalText(limits.description),
  section: optionalText(limits.section),
  plannedStart: date(),
  dueDate: date(),
  /** The dates the plan assumed: the work report does not state them. */
  assumed: assumedFields(taskAssumptions),
  idempotencyKey,
});

export const assignTaskInput = onTask({
  leadUnitId: id(),
  cooperatingUnitIds: unitIds(limits.cooperatingUnits),
  responsibleLeader: optionalText(limits.name),
  /** Who answers for the task, where the plan assumed it: the work report names no unit. */
  assumed: assumedFields(assignmentAssumptions),
  /** How often the lead unit reports progress (报送周期); absent: on its milestones. */
  reportingCycle: oneOf(reportingCycles)
    .nullish()
    .transform((value) => value ?? undefined),
});

export const registrationCommands = served('tasks', {
  registerTask: command(office, registerTaskInput, {
    newId: { field: 'taskId', kind: 'task', answer: 'id', first: true },
  }),
  assignTask: command(office, assignTaskInput, {
    lookups: { units: (data) => [data.leadUnitId, ...data.cooperatingUnitIds] },
    lifecycle: open,
  }),
});
