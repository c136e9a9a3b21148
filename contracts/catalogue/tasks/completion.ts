import { z } from 'zod';
import { evidence, id, idempotencyKey, optionalText, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office } from '../declare.ts';
import { taskReasonInput } from './lifecycle.ts';

/** Completion (办结): reported by the lead unit, accepted or sent back by the office. */

export const reportTaskCompletionInput = z.object({
  taskId: id(),
  summary: text(limits.description),
  evidence: evidence(),
  idempotencyKey,
});

export const acceptTaskCompletionInput = z.object({
  taskId: id(),
  comment: optionalText(limits.note),
  idempotencyKey,
});

export const reportTaskCompletion = command({
  roles: { department_head: 'own_unit' },
  action: 'tasks.reportTaskCompletion',
  mutation: 'reportTaskCompletion',
  input: reportTaskCompletionInput,
  command: 'ReportTaskCompletion',
  unitScope: 'task',
  lifecycle: ['open', 'active'],
});

export const acceptTaskCompletion = command({
  roles: office,
  action: 'tasks.acceptTaskCompletion',
  mutation: 'acceptTaskCompletion',
  input: acceptTaskCompletionInput,
  command: 'AcceptTaskCompletion',
  lifecycle: ['active'],
});

/** 退回重办 */
export const rejectTaskCompletion = command({
  roles: office,
  action: 'tasks.rejectTaskCompletion',
  mutation: 'rejectTaskCompletion',
  input: taskReasonInput,
  command: 'RejectTaskCompletion',
});
