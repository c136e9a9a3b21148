import { z } from 'zod';
import { accountabilityKinds, noticeLevels } from '../events/task-events.ts';
import { limits } from '../limits.ts';
import {
  between,
  date,
  evidence,
  id,
  idempotencyKey,
  oneOf,
  reason,
  text,
  unitIds,
} from './fields.ts';
import { inputLimits } from './input-limits.ts';

/** Input rules of supervision notices (督办单), instructions (批示) and accountability (问责). */

export const issueSupervisionNoticeInput = z.object({
  taskId: id(),
  level: oneOf(noticeLevels),
  toUnitId: id(),
  subject: text(limits.title),
  body: text(limits.description),
  replyDueDate: date(),
  idempotencyKey,
});

export const answerSupervisionNoticeInput = z.object({
  taskId: id(),
  noticeId: id(),
  answer: text(limits.description),
  evidence: evidence(),
  idempotencyKey,
});

export const issueLeadershipInstructionInput = z.object({
  taskId: id(),
  text: text(limits.description),
  addressedToUnitIds: unitIds(inputLimits.addressees),
  idempotencyKey,
});

const accountabilitySubject = z.object(
  { kind: oneOf(['unit', 'official'] as const), id: id() },
  { error: 'must be { kind: unit or official, id }' },
);

export const recordAccountabilityInput = z.object({
  taskId: id(),
  against: accountabilitySubject,
  kind: oneOf(accountabilityKinds),
  reason: reason(),
  scoreDeduction: between(0, inputLimits.scoreDeduction)
    .nullish()
    .transform((value) => value ?? 0),
  idempotencyKey,
});
