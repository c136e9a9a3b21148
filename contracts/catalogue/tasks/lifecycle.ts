import { z } from 'zod';
import { id, idempotencyKey, reason } from '../../fields.ts';
import { command, office } from '../declare.ts';

/** The task's own lifecycle: signing (签收), transfer and return, suspension and termination. */

/** 签收: the acting department head signs for its unit. */
export const signTaskInput = z.object({ taskId: id(), idempotencyKey });

export const transferTaskInput = z.object({
  taskId: id(),
  toUnitId: id(),
  reason: reason(),
  idempotencyKey,
});

/** Suspend, resume, terminate, return and reject a completion all say why. */
export const taskReasonInput = z.object({ taskId: id(), reason: reason(), idempotencyKey });

export const signTask = command({
  roles: { department_head: 'own_unit' },
  action: 'tasks.signTask',
  mutation: 'signTask',
  input: signTaskInput,
  command: 'SignTask',
  unitScope: 'task',
  lifecycle: ['open'],
});

export const transferTask = command({
  roles: office,
  action: 'tasks.transferTask',
  mutation: 'transferTask',
  input: transferTaskInput,
  command: 'TransferTask',
  lookups: { units: (data) => [data.toUnitId] },
  lifecycle: ['open'],
});

export const returnTask = command({
  roles: { department_head: 'own_unit' },
  action: 'tasks.returnTask',
  mutation: 'returnTask',
  input: taskReasonInput,
  command: 'ReturnTask',
  unitScope: 'task',
  lifecycle: ['open'],
});

export const suspendTask = command({
  roles: office,
  action: 'tasks.suspendTask',
  mutation: 'suspendTask',
  input: taskReasonInput,
  command: 'SuspendTask',
  lifecycle: ['open', 'active'],
});

export const resumeTask = command({
  roles: office,
  action: 'tasks.resumeTask',
  mutation: 'resumeTask',
  input: taskReasonInput,
  command: 'ResumeTask',
  lifecycle: ['open'],
});

export const terminateTask = command({
  roles: office,
  action: 'tasks.terminateTask',
  mutation: 'terminateTask',
  input: taskReasonInput,
  command: 'TerminateTask',
  lifecycle: ['open'],
});
