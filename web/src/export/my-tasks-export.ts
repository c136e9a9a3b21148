import { gql } from '../core/api.ts';
import type { Column } from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { boardDayQuery } from '../operations/export.ts';
import { allUnits, unitName } from '../views/lookups.ts';
import { exportRows } from './table-export.ts';

/**
 * Exports the unit's task list as the page shows it (the list is of today, by
 * the server's clock, the most urgent first), the unit and the day in its title rows.
 */
export const exportMyTasks = async <Row>(
  unitId: string | null,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<number> => {
  const [{ progressBoard }, units] = await Promise.all([
    gql<{ progressBoard: { day: string } }>(boardDayQuery),
    allUnits(),
  ]);
  const day = progressBoard.day;
  const unit = unitName(units, unitId);
  return exportRows({
    title: t('myTasks'),
    conditions: [t('exportUnit', { unit }), t('exportAsOf', { day })],
    columns,
    rows,
    fileName: `${t('navMyTasks')}-${unit}-${day}`,
  });
};
