import { evidence, optionalText, text } from '../../fields.ts';
import { limits } from '../../limits.ts';
import { command, office, onTask, openAndActive, served } from '../declare.ts';
import { taskReasonInput } from './lifecycle.ts';

/** Completion (办结): reported by the lead unit, accepted or sent back (退回重办) by the office. */

export const reportTaskCompletionInput = onTask({
  summary: text(limits.description),
  evidence: evidence(),
});

export const acceptTaskCompletionInput = onTask({ comment: optionalText(limits.note) });

export const completionCommands = served('tasks', {
  reportTaskCompletion: command({ department_head: 'own_unit' }, reportTaskCompletionInput, {
    unitScope: 'task',
    lifecycle: openAndActive,
  }),
  acceptTaskCompletion: command(office, acceptTaskCompletionInput, { lifecycle: ['active'] }),
  rejectTaskCompletion: command(office, taskReasonInput),
});
