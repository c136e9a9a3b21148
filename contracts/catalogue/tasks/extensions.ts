import { z } from 'zod';
import { date, id, idempotencyKey, reason } from '../../fields.ts';
import { command } from '../declare.ts';

/** Deadline extensions (延期): asked by the lead unit before the deadline, decided by a leader. */

export const requestDeadlineExtensionInput = z.object({
  taskId: id(),
  milestoneId: id(),
  requestedDueDate: date(),
  reason: reason(),
  idempotencyKey,
});

export const approveDeadlineExtensionInput = z.object({
  taskId: id(),
  requestId: id(),
  idempotencyKey,
});

export const rejectDeadlineExtensionInput = z.object({
  taskId: id(),
  requestId: id(),
  reason: reason(),
  idempotencyKey,
});

export const requestDeadlineExtension = command({
  roles: { department_head: 'own_unit' },
  action: 'tasks.requestDeadlineExtension',
  mutation: 'requestDeadlineExtension',
  input: requestDeadlineExtensionInput,
  command: 'RequestDeadlineExtension',
  newId: { field: 'requestId', kind: 'extension', scopeField: 'taskId' },
  unitScope: 'task',
  lifecycle: ['open'],
});

export const approveDeadlineExtension = command({
  roles: { leader: 'all' },
  action: 'tasks.approveDeadlineExtension',
  mutation: 'approveDeadlineExtension',
  input: approveDeadlineExtensionInput,
  command: 'ApproveDeadlineExtension',
  lifecycle: ['open'],
});

export const rejectDeadlineExtension = command({
  roles: { leader: 'all' },
  action: 'tasks.rejectDeadlineExtension',
  mutation: 'rejectDeadlineExtension',
  input: rejectDeadlineExtensionInput,
  command: 'RejectDeadlineExtension',
});
