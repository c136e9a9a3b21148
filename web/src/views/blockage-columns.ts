import type { Column } from '../core/format.ts';
import { label } from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { can } from '../core/session.ts';
import { escalateForm, levelNumber } from '../forms/leader-forms.ts';

/** What a blockage row needs for its age, level and escalation columns. */
export interface AgedBlockage {
  taskId: string;
  blockageId: string;
  ageDays: number;
  level: string;
}

/**
 * The age, escalation level and escalate action of an open blockage (堵点), as the
 * overview and the blockage board both show them; `refresh` reloads after escalating.
 */
export const blockageAgeColumns = <Row extends AgedBlockage>(
  refresh: () => void,
): Column<Row>[] => [
  { label: t('ageDays'), cell: (row) => row.ageDays, numeric: true },
  { label: t('level'), cell: (row) => label('level', row.level) },
  {
    label: t('actions'),
    cell: (row) =>
      can('escalateBlockage')
        ? escalateForm(row.taskId, row.blockageId, levelNumber(row.level), refresh)
        : null,
  },
];
