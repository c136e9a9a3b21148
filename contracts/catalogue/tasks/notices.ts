import { z } from 'zod';
import { noticeLevels } from '../../events/task-events.ts';
import { date, evidence, id, idempotencyKey, oneOf, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office } from '../declare.ts';

/** Supervision notices (督办单): issued by the office to a unit, answered by that unit. */

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

export const issueSupervisionNotice = command({
  roles: office,
  action: 'tasks.issueSupervisionNotice',
  mutation: 'issueSupervisionNotice',
  input: issueSupervisionNoticeInput,
  command: 'IssueSupervisionNotice',
  newId: { field: 'noticeId', kind: 'notice', scopeField: 'taskId' },
  lifecycle: ['open'],
});

/** The addressed unit answers, even if it no longer leads or co-owns the task. */
export const answerSupervisionNotice = command({
  roles: { department_head: 'own_unit' },
  action: 'tasks.answerSupervisionNotice',
  mutation: 'answerSupervisionNotice',
  input: answerSupervisionNoticeInput,
  command: 'AnswerSupervisionNotice',
  unitScope: 'decider',
});
