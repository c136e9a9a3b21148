import { z } from 'zod';
import { date, id, idempotencyKey, reason } from './fields.ts';

/** Input rules of deadline extensions and milestone reopening. */

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

export const reopenMilestoneInput = z.object({
  taskId: id(),
  milestoneId: id(),
  reason: reason(),
  idempotencyKey,
});
