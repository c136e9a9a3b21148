import { z } from 'zod';
import { limits } from '../limits.ts';
import { evidence, id, idempotencyKey, optionalText, reason, text } from './fields.ts';

/** Input rules of the task's own lifecycle: signing, transfer, completion, suspension. */

/** 签收: the acting department head signs for its unit. */
export const signTaskInput = z.object({ taskId: id(), idempotencyKey });

export const transferTaskInput = z.object({
  taskId: id(),
  toUnitId: id(),
  reason: reason(),
  idempotencyKey,
});

/** Suspend, resume, terminate and return all say why. */
export const taskReasonInput = z.object({ taskId: id(), reason: reason(), idempotencyKey });

export const returnTaskInput = taskReasonInput;
export const suspendTaskInput = taskReasonInput;
export const resumeTaskInput = taskReasonInput;
export const terminateTaskInput = taskReasonInput;
/** 退回重办 */
export const rejectTaskCompletionInput = taskReasonInput;

/** 办结报告 */
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
