import { h } from '../core/dom.ts';
import { actionForm, folded } from './form.ts';
import { mutate, optional } from './mutate.ts';

/**
 * The office's ruling on a pending completion report (办结报告): accept it, with
 * a comment if it likes (办结), or return it with the reason (退回重办).
 */
export const completionRuling = (taskId: string, done: () => void) =>
  h(
    'div',
    { class: 'decision', 'data-ruling': taskId },
    folded(
      'wbAcceptCompletion',
      actionForm({
        title: 'wbAcceptCompletion',
        fields: [{ name: 'comment', label: 'wbComment', kind: 'textarea' }],
        submitLabel: 'wbAcceptCompletion',
        submit: (values) =>
          mutate('acceptTaskCompletion', { taskId, comment: optional(values.comment) }),
        done,
      }),
    ),
    folded(
      'wbRejectCompletion',
      actionForm({
        title: 'wbRejectCompletion',
        fields: [{ name: 'reason', label: 'reason', kind: 'textarea' }],
        submitLabel: 'wbRejectCompletion',
        submit: (values) => mutate('rejectTaskCompletion', { taskId, reason: values.reason }),
        done,
      }),
    ),
  );
