import { h } from '../../core/dom.ts';
import { taskLink } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import { blockageBoardQuery } from '../../operations/boards.ts';
import { blockageAgeColumns } from '../blockage-columns.ts';
import { type UnitName, unitName } from '../lookups.ts';
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
  blockageId: string;
  description: string;
  blockedUnitName: string | null;
  waitingOnUnitName: string | null;
  ageDays: number;
  level: string;
  chain: string[];
  inCycle: boolean;
}

interface Data {
  nodes: Row[];
  cycles: string[][];
  pingPongs: { taskId: string; title: string; unitIds: string[] }[];
}

/** A waiting chain, A → B → C, in unit names. */
export const chainText = (chain: readonly string[], units: readonly UnitName[]): string =>
  chain.map((id) => unitName(units, id)).join(' → ');

/** 盯堵点: open blockages by age and level, whom each waits on, chains and cycles. */
export const blockageBoard: BoardSpec<Row, Data> = {
  path: 'blockage',
  title: 'navBlockage',
  query: blockageBoardQuery,
  filters: [
    sectionFilter,
    kindFilter,
    { ...unitFilter, label: 'blockedUnit' },
    unitSubtreeFilter,
    { name: 'waitingOnUnitId', label: 'waitingOn', kind: 'unit' },
    choiceFilter('level', ['NONE', 'RESPONSIBLE_LEADER', 'MAIN_LEADER']),
    { name: 'minAgeDays', label: 'minAgeDays', kind: 'number' },
  ],
  sortFields: [
    { value: 'AGE_DAYS', label: 'ageDays' },
    { value: 'LEVEL', label: 'level' },
  ],
  defaultSort: 'AGE_DAYS',
  rows: (data) => data.nodes,
  extra: (data, units) =>
    data.cycles.length > 0
      ? h(
          'ul',
          { class: 'cycles' },
          data.cycles.map((cycle) => h('li', {}, `${chainText(cycle, units)} ${t('cycle')}`)),
        )
      : null,
  columns: ({ units, refresh }) => [
    { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
    { label: t('description'), cell: (row) => row.description },
    { label: t('blockedUnit'), cell: (row) => row.blockedUnitName ?? '—' },
    { label: t('waitingOn'), cell: (row) => row.waitingOnUnitName ?? '—' },
    {
      label: t('chain'),
      cell: (row) => `${chainText(row.chain, units)}${row.inCycle ? ` ${t('cycle')}` : ''}`,
    },
    ...blockageAgeColumns<Row>(refresh),
  ],
};
