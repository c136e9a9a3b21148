import { z } from 'zod';
import { date, id, idempotencyKey, optionalText, text, unitIds } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office } from '../declare.ts';

/** Registering a task from the plan and assigning its units (立项, 交办). */

export const registerTaskInput = z.object({
  title: text(limits.title),
  description: optionalText(limits.description),
  section: optionalText(limits.section),
  plannedStart: date(),
  dueDate: date(),
  idempotencyKey,
});

export const assignTaskInput = z.object({
  taskId: id(),
  leadUnitId: id(),
  cooperatingUnitIds: unitIds(limits.cooperatingUnits),
  responsibleLeader: optionalText(limits.name),
  idempotencyKey,
});

export const registerTask = command({
  roles: office,
  action: 'tasks.registerTask',
  mutation: 'registerTask',
  input: registerTaskInput,
  command: 'RegisterTask',
  newId: { field: 'taskId', kind: 'task', answer: 'id', first: true },
});

export const assignTask = command({
  roles: office,
  action: 'tasks.assignTask',
  mutation: 'assignTask',
  input: assignTaskInput,
  command: 'AssignTask',
  lookups: { units: (data) => [data.leadUnitId, ...data.cooperatingUnitIds] },
  lifecycle: ['open'],
});
