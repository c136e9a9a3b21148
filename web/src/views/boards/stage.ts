import { h } from '../../core/dom.ts';
import { label, percentText, taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { extensionStepForm } from '../../forms/extension-steps.ts';
import { stageBoardQuery } from '../../operations/boards.ts';
import type { BoardSpec } from './board-page.ts';
import {
  choiceFilter,
  kindFilter,
  sectionFilter,
  unitFilter,
  unitSubtreeFilter,
} from './filters.ts';

interface Row {
  taskId: string;
  taskTitle: string;
  leadUnitName: string | null;
  responsibleLeader: string | null;
  milestoneId: string;
  title: string;
  dueDate: string;
  percent: number;
  state: string;
  daysLeft: number | null;
  daysOverdue: number;
  extensions: { requestId: string; status: string; requestedDueDate: string; reason: string }[];
}

/** The milestone states, as the API spells them. */
const states = ['UPCOMING', 'DUE_SOON', 'OVERDUE', 'DONE_ON_TIME', 'DONE_LATE', 'SUSPENDED'];

/** The field of `StageCounts` counting a state: `DUE_SOON` → `dueSoon`. */
const countField = (state: string): string =>
  state.toLowerCase().replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** 盯环节: milestones by due date — due soon, overdue, done on time or late; extensions. */
export const stageBoard: BoardSpec<Row, { nodes: Row[]; counts: Record<string, number> }> = {
  path: 'stage',
  title: 'navStage',
  query: stageBoardQuery,
  filters: [
    sectionFilter,
    kindFilter,
    unitFilter,
    unitSubtreeFilter,
    choiceFilter('state', states),
    { name: 'dueFrom', label: 'dueFrom', kind: 'date' },
    { name: 'dueTo', label: 'dueTo', kind: 'date' },
    { name: 'withExtensions', label: 'withExtensions', kind: 'flag' },
  ],
  sortFields: [
    { value: 'DUE_DATE', label: 'dueDate' },
    { value: 'DAYS_OVERDUE', label: 'daysOverdue' },
    { value: 'DAYS_LEFT', label: 'daysLeft' },
    { value: 'PERCENT', label: 'percent' },
    { value: 'TITLE', label: 'milestone' },
  ],
  defaultSort: 'DUE_DATE',
  rows: (data) => data.nodes,
  extra: (data) =>
    h(
      'p',
      { class: 'counts' },
      states.map((state) =>
        h('span', {}, `${label('state', state)} ${data.counts[countField(state)] ?? 0} · `),
      ),
    ),
  columns: ({ refresh }) => [
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
    { label: t('milestone'), cell: (row) => row.title },
    { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
    { label: t('dueDate'), cell: (row) => row.dueDate },
    {
      label: t('state'),
      cell: (row) =>
        h('span', { class: `state state-${row.state.toLowerCase()}` }, label('state', row.state)),
    },
    { label: t('percent'), cell: (row) => percentText(row.percent), numeric: true },
    { label: t('daysLeft'), cell: (row) => row.daysLeft ?? '—', numeric: true },
    { label: t('daysOverdue'), cell: (row) => row.daysOverdue, numeric: true },
    {
      label: t('extensions'),
      cell: (row) =>
        row.extensions.map((extension) =>
          h(
            'div',
            { class: 'extension' },
            `${label('ext', extension.status)} → ${extension.requestedDueDate}：${extension.reason}`,
            extensionStepForm(row, extension, refresh),
          ),
        ),
    },
  ],
};
