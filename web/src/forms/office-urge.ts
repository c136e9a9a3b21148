import { actionForm } from './form.ts';
import { mutate, optional } from './mutate.ts';
import type { Option } from './office-options.ts';

/** What an urge form proposes. */
export interface UrgeDraft {
  unitId: string;
  message: string;
  replyBy: string;
}

/** 催办 of one of the task's units, with the day to reply by, as drafted. */
export const urgeDraftForm = (
  taskId: string,
  units: readonly Option[],
  draft: Partial<UrgeDraft>,
  done: () => void,
) =>
  actionForm({
    title: 'wbUrge',
    fields: [
      { name: 'unitId', label: 'wbAddressee', kind: 'select', options: units, value: draft.unitId },
      { name: 'message', label: 'urgeMessage', kind: 'textarea', value: draft.message },
      { name: 'replyBy', label: 'replyDue', kind: 'date', value: draft.replyBy },
    ],
    submit: (values) =>
      mutate('urgeTask', {
        taskId,
        unitId: values.unitId,
        message: values.message,
        replyBy: optional(values.replyBy),
      }),
    done,
  });
