import { table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import type { TaskPage } from './query.ts';

/** 催办 of the office, oldest first: to which unit, what it said, and by when to reply. */
export const urgeTable = (task: TaskPage) =>
  table(
    t('urges'),
    [
      { label: t('urgedOn'), cell: (row) => row.urgedOn },
      { label: t('unit'), cell: (row) => row.unit.name ?? row.unit.id },
      { label: t('urgeMessage'), cell: (row) => row.message },
      { label: t('replyDue'), cell: (row) => row.replyBy ?? '—' },
      { label: t('actor'), cell: (row) => row.by },
    ],
    task.urges,
  );
