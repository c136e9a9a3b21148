import { label } from '../core/format.ts';
import { actionForm } from './form.ts';
import { mutate } from './mutate.ts';
import type { Option } from './office-options.ts';

/** A notice's colour, mildest first: blue 提示, yellow 督办, red 专报. */
export type NoticeLevel = 'BLUE' | 'YELLOW' | 'RED';

const levels: readonly NoticeLevel[] = ['BLUE', 'YELLOW', 'RED'];

/** What a notice form proposes; the office may change every part before it is sent. */
export interface NoticeDraft {
  level: NoticeLevel;
  toUnitId: string;
  subject: string;
  body: string;
  replyDueDate: string;
}

/** 督办单 to one of the task's units (`units`, the lead first), as drafted. */
export const noticeForm = (
  taskId: string,
  units: readonly Option[],
  draft: Partial<NoticeDraft>,
  done: () => void,
) =>
  actionForm({
    title: 'wbNotice',
    fields: [
      {
        name: 'level',
        label: 'wbNoticeLevel',
        kind: 'select',
        options: levels.map((value) => ({ value, label: label('notice', value) })),
        value: draft.level ?? 'YELLOW',
      },
      {
        name: 'toUnitId',
        label: 'wbAddressee',
        kind: 'select',
        options: units,
        value: draft.toUnitId,
      },
      { name: 'subject', label: 'wbSubject', kind: 'text', value: draft.subject },
      { name: 'body', label: 'wbBody', kind: 'textarea', value: draft.body },
      { name: 'replyDueDate', label: 'replyDue', kind: 'date', value: draft.replyDueDate },
    ],
    submit: (values) =>
      mutate('issueSupervisionNotice', {
        taskId,
        level: values.level,
        toUnitId: values.toUnitId,
        subject: values.subject,
        body: values.body,
        replyDueDate: values.replyDueDate,
      }),
    done,
  });
