import { table } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import type { TaskPage } from './query.ts';

/** The changes of the task's light the clock recorded, oldest first: the day, the colours, why. */
export const lightChangeTable = (task: TaskPage) =>
  table(
    t('lightChanges'),
    [
      { label: t('lightChangeDay'), cell: (row) => row.day },
      { label: t('lightChangeFrom'), cell: (row) => tOf('light', row.from) },
      { label: t('lightChangeTo'), cell: (row) => tOf('light', row.to) },
      { label: t('lightChangeReasons'), cell: (row) => row.reasons.join('；') || '—' },
      {
        label: t('lightChangeProgress'),
        cell: (row) => `${row.actual}% / ${row.expected}%`,
        numeric: true,
      },
    ],
    task.lightChanges ?? [],
  );
