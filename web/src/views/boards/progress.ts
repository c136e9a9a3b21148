import { h } from '../../core/dom.ts';
import {
  type Light,
  type LightCounts,
  label,
  lightBadge,
  lightCountBadges,
  number,
  percentText,
  taskLink,
} from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { can } from '../../core/session.ts';
import { instructionForm } from '../../forms/leader-forms.ts';
import { progressBoardQuery } from '../../operations/boards.ts';
import type { BoardSpec } from './board-page.ts';
import {
  choiceFilter,
  kindFilter,
  lightFilter,
  sectionFilter,
  unitFilter,
  unitSubtreeFilter,
} from './filters.ts';

interface Row {
  taskId: string;
  title: string;
  section: string | null;
  leadUnitName: string | null;
  actual: number;
  expected: number;
  behind: number;
  light: Light | null;
  trend: string;
  forecast: number | null;
  dueDate: string;
}

/** 盯进度: each task's actual against expected progress, its light, trend and forecast. */
export const progressBoard: BoardSpec<Row, { nodes: Row[]; counts: LightCounts }> = {
  path: 'progress',
  title: 'navProgress',
  help: 'progressHelp',
  query: progressBoardQuery,
  filters: [
    sectionFilter,
    kindFilter,
    unitFilter,
    unitSubtreeFilter,
    lightFilter,
    choiceFilter('trend', ['UP', 'FLAT', 'DOWN']),
  ],
  sortFields: [
    { value: 'BEHIND', label: 'behind' },
    { value: 'ACTUAL', label: 'actual' },
    { value: 'EXPECTED', label: 'expected' },
    { value: 'FORECAST', label: 'forecast' },
    { value: 'DUE_DATE', label: 'dueDate' },
    { value: 'TITLE', label: 'task' },
  ],
  defaultSort: 'DUE_DATE',
  rows: (data) => data.nodes,
  extra: (data) => h('p', { class: 'counts' }, lightCountBadges(data.counts)),
  columns: ({ refresh }) => [
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.title) },
    { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
    { label: t('actual'), cell: (row) => percentText(row.actual), numeric: true },
    { label: t('expected'), cell: (row) => percentText(row.expected), numeric: true },
    { label: t('behind'), cell: (row) => number(row.behind, 1), numeric: true },
    { label: t('light'), cell: (row) => lightBadge(row.light) },
    { label: t('trend'), cell: (row) => label('trend', row.trend) },
    { label: t('forecast'), cell: (row) => percentText(row.forecast), numeric: true },
    { label: t('dueDate'), cell: (row) => row.dueDate },
    {
      label: t('actions'),
      cell: (row) =>
        can('issueLeadershipInstruction') ? instructionForm(row.taskId, refresh) : null,
    },
  ],
};
