import { z } from 'zod';
import { limits } from '../limits.ts';
import { id, idempotencyKey, optionalText, reason } from './fields.ts';

/** Input rules of a blockage's (堵点) follow-up: escalation, coordination, reopening. */

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
