import { table } from '../../core/format.ts';
import { lang, t, tOf } from '../../core/i18n.ts';
import { lightReasonMessage, type ReasonMessage } from '../../i18n/light-reasons.ts';
import type { TaskPage } from './query.ts';

const reasonText = (message: ReasonMessage): string =>
  t(message.key, {
    ...message.params,
    ...(message.inner ? { reason: reasonText(message.inner) } : {}),
    ...(message.light ? { light: tOf('light', message.light) } : {}),
  });

/** A reason as the judgement recorded it, in Chinese when its shape is known. */
const shownReason = (reason: string): string => {
  const message = lang() === 'en' ? null : lightReasonMessage(reason);
  return message ? reasonText(message) : reason;
};

/** The changes of the task's light the clock recorded, oldest first: the day, the colours, why. */
export const lightChangeTable = (task: TaskPage) =>
  table(
    t('lightChanges'),
    [
      { label: t('lightChangeDay'), cell: (row) => row.day },
      { label: t('lightChangeFrom'), cell: (row) => tOf('light', row.from) },
      { label: t('lightChangeTo'), cell: (row) => tOf('light', row.to) },
      {
        label: t('lightChangeReasons'),
        cell: (row) => row.reasons.map(shownReason).join('；') || '—',
      },
      {
        label: t('lightChangeProgress'),
        cell: (row) => `${row.actual}% / ${row.expected}%`,
        numeric: true,
      },
    ],
    task.lightChanges ?? [],
  );
