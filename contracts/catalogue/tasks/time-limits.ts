import { id, reason, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, onTask, open, served } from '../declare.ts';

/**
 * What the clock's time limits ask of a unit: answering a 催办 (which stops its
 * escalation), and the unit head's approval (审核) of a liaison's draft report.
 */

export const answerUrgeInput = onTask({
  urgeId: id(),
  answer: text(limits.description),
});

export const approveProgressReportInput = onTask({ draftId: id() });

export const returnProgressReportInput = onTask({ draftId: id(), reason: reason() });

const unitHead = { department_head: 'own_unit' } as const;

export const timeLimitCommands = served('tasks', {
  /** The unit urged answers, even if it no longer leads or co-owns the task. */
  answerUrge: command(unitHead, answerUrgeInput, { unitScope: 'decider' }),
  /** Only the head of the liaison's own unit approves, while the task is open and running. */
  approveProgressReport: command(unitHead, approveProgressReportInput, {
    unitScope: 'task',
    lifecycle: ['open', 'active'],
  }),
  returnProgressReport: command(unitHead, returnProgressReportInput, {
    unitScope: 'task',
    lifecycle: open,
  }),
});
