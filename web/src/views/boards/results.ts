import { type Light, lightBadge, number, percentText, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { resultsBoardQuery } from '../../operations/boards.ts';
import { targetText } from '../indicator-target.ts';
import type { BoardSpec } from './board-page.ts';
import {
  kindFilter,
  lightFilter,
  sectionFilter,
  unitFilter,
  unitSubtreeFilter,
} from './filters.ts';

interface Value {
  value: number;
  asOf: string;
}

interface Row {
  taskId: string;
  taskTitle: string;
  name: string;
  unitOfMeasure: string;
  target: number;
  comparison: string;
  tolerance: number;
  selfReported: Value | null;
  measured: Value | null;
  attainment: number | null;
  attained: boolean;
  light: Light;
  dueDate: string;
}

const valueText = (value: Value | null, unit: string) =>
  value ? `${number(value.value, 1)} ${unit}（${value.asOf}）` : '—';

/** 盯实效: each indicator's target against its latest self-reported and measured values. */
export const resultsBoard: BoardSpec<Row, { nodes: Row[] }> = {
  path: 'results',
  title: 'navResults',
  help: 'resultsHelp',
  query: resultsBoardQuery,
  filters: [
    sectionFilter,
    kindFilter,
    unitFilter,
    unitSubtreeFilter,
    lightFilter,
    { name: 'attained', label: 'attained', kind: 'flag' },
  ],
  sortFields: [
    { value: 'ATTAINMENT', label: 'attainment' },
    { value: 'DUE_DATE', label: 'dueDate' },
    { value: 'NAME', label: 'indicator' },
    { value: 'EXPECTED', label: 'expected' },
  ],
  defaultSort: 'DUE_DATE',
  rows: (data) => data.nodes,
  columns: () => [
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
    { label: t('indicator'), cell: (row) => row.name },
    { label: t('target'), cell: targetText },
    { label: t('selfReported'), cell: (row) => valueText(row.selfReported, row.unitOfMeasure) },
    { label: t('measured'), cell: (row) => valueText(row.measured, row.unitOfMeasure) },
    { label: t('attainment'), cell: (row) => percentText(row.attainment), numeric: true },
    { label: t('attained'), cell: (row) => (row.attained ? t('yes') : t('no')) },
    { label: t('light'), cell: (row) => lightBadge(row.light) },
    { label: t('dueDate'), cell: (row) => row.dueDate },
  ],
};
