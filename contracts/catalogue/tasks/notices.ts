import { noticeLevels } from '../../events/task-events.ts';
import { date, evidence, id, oneOf, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, onTask, open, partOf, served } from '../declare.ts';

/** Supervision notices (督办单): issued by the office to a unit, answered by that unit. */

export const issueSupervisionNoticeInput = onTask({
  level: oneOf(noticeLevels),
  toUnitId: id(),
  subject: text(limits.title),
  body: text(limits.description),
  replyDueDate: date(),
});

export const answerSupervisionNoticeInput = onTask({
  noticeId: id(),
  answer: text(limits.description),
  evidence: evidence(),
});

export const noticeCommands = served('tasks', {
  issueSupervisionNotice: command(office, issueSupervisionNoticeInput, {
    newId: partOf('notice', 'noticeId'),
    lifecycle: open,
  }),
  /** The addressed unit answers, even if it no longer leads or co-owns the task. */
  answerSupervisionNotice: command({ department_head: 'own_unit' }, answerSupervisionNoticeInput, {
    unitScope: 'decider',
  }),
});
