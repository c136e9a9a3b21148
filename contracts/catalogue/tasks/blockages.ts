import { z } from 'zod';
import { id, idempotencyKey, optionalText, reason, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, reporters } from '../declare.ts';

/** Blockages (堵点): reported and resolved by the units, escalated and coordinated by leaders. */

export const reportBlockageInput = z.object({
  taskId: id(),
  description: text(limits.description),
  waitingOnUnitId: id()
    .nullish()
    .transform((value) => value ?? null),
  idempotencyKey,
});

export const resolveBlockageInput = z.object({
  taskId: id(),
  blockageId: id(),
  resolution: text(limits.note),
  idempotencyKey,
});

export const escalateBlockageInput = z.object({
  taskId: id(),
  blockageId: id(),
  level: z.literal([1, 2], { error: 'must be 1 (responsible leader) or 2 (main leader)' }),
  idempotencyKey,
});

export const assignBlockageCoordinationInput = z.object({
  taskId: id(),
  blockageId: id(),
  coordinatorUnitId: id(),
  note: optionalText(limits.note),
  idempotencyKey,
});

export const reopenBlockageInput = z.object({
  taskId: id(),
  blockageId: id(),
  reason: reason(),
  idempotencyKey,
});

export const reportBlockage = command({
  roles: reporters,
  action: 'tasks.reportBlockage',
  mutation: 'reportBlockage',
  input: reportBlockageInput,
  command: 'ReportBlockage',
  newId: { field: 'blockageId', kind: 'blockage', scopeField: 'taskId' },
  lookups: { units: (data) => [data.waitingOnUnitId] },
  unitScope: 'task',
  lifecycle: ['open'],
});

export const resolveBlockage = command({
  roles: { ...reporters, leader: 'all' },
  action: 'tasks.resolveBlockage',
  mutation: 'resolveBlockage',
  input: resolveBlockageInput,
  command: 'ResolveBlockage',
  unitScope: 'task',
});

export const escalateBlockage = command({
  roles: { leader: 'all' },
  action: 'tasks.escalateBlockage',
  mutation: 'escalateBlockage',
  input: escalateBlockageInput,
  command: 'EscalateBlockage',
  byClock: true,
});

export const assignBlockageCoordination = command({
  roles: { leader: 'all' },
  action: 'tasks.assignBlockageCoordination',
  mutation: 'assignBlockageCoordination',
  input: assignBlockageCoordinationInput,
  command: 'AssignBlockageCoordination',
  lookups: { units: (data) => [data.coordinatorUnitId] },
});

export const reopenBlockage = command({
  roles: reporters,
  action: 'tasks.reopenBlockage',
  mutation: 'reopenBlockage',
  input: reopenBlockageInput,
  command: 'ReopenBlockage',
  unitScope: 'task',
  lifecycle: ['open'],
});
