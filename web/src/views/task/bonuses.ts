import { table } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import type { TaskPage } from './query.ts';

/** 加分 leaders awarded the task's units, oldest first: to whom, what kind, how many points, why. */
export const bonusTable = (task: TaskPage) =>
  table(
    t('bonuses'),
    [
      { label: t('bonusAwardedOn'), cell: (row) => row.awardedOn },
      { label: t('unit'), cell: (row) => row.unit.name ?? row.unit.id },
      { label: t('bonusKind'), cell: (row) => tOf('bonusKind', row.kind) },
      { label: t('bonusPoints'), cell: (row) => `+${row.points}`, numeric: true },
      { label: t('bonusReason'), cell: (row) => row.reason },
      { label: t('actor'), cell: (row) => row.awardedBy },
    ],
    task.bonuses,
  );
