import { h } from '../../core/dom.ts';
import {
  type LightCounts,
  lightCountBadges,
  percentText,
  rankText,
  table,
} from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import { responsibilityBoardQuery } from '../../operations/boards.ts';
import type { BoardSpec } from './board-page.ts';
import { kindFilter, settlementFilter, unitFilter, unitSubtreeFilter } from './filters.ts';
import { type ScoredRow, scoreBreakdown } from './score-breakdown.ts';

type Counts = LightCounts;

interface Row extends ScoredRow {
  unitId: string;
  unitName: string | null;
  rank: number | null;
  category: string;
  tasksLed: number;
  tasksCoOwned: number;
  lights: Counts;
  onTimeRate: number | null;
  overdueMilestones: number;
  openBlockages: number;
  /** What the units below it in the tree lost between them; null when none is below it. */
  subUnitDeductions: number | null;
}

interface Official {
  officialId: string;
  name: string;
  title: string;
  lights: Counts;
  onTimeRate: number | null;
  overdueMilestones: number;
  openBlockages: number;
}

const lightsCell = (counts: Counts) =>
  h('span', { class: 'light-counts' }, lightCountBadges(counts));

/**
 * 盯责任: per unit and per official — tasks, lights, on-time rate, overdue,
 * blockages, score with its breakdown (deductions and 加分).
 */
export const responsibilityBoard: BoardSpec<Row, { nodes: Row[]; officials: Official[] }> = {
  path: 'responsibility',
  title: 'navResponsibility',
  query: responsibilityBoardQuery,
  filters: [unitFilter, unitSubtreeFilter, kindFilter, settlementFilter],
  sortFields: [
    { value: 'RANK', label: 'rank' },
    { value: 'SCORE', label: 'score' },
    { value: 'RED', label: 'light_red' },
    { value: 'OVERDUE_MILESTONES', label: 'overdueMilestones' },
    { value: 'ON_TIME_RATE', label: 'onTimeRate' },
    { value: 'OPEN_BLOCKAGES', label: 'openBlockages' },
    { value: 'TASKS_LED', label: 'tasksLed' },
  ],
  // Lowest score first (the board's default direction is ascending): the units
  // that need the leaders' attention lead page 1.
  defaultSort: 'SCORE',
  rows: (data) => data.nodes,
  extra: async (data) => [
    await scoreBreakdown(data.nodes),
    table(
      t('officials'),
      [
        { label: t('official'), cell: (row) => row.name },
        { label: t('title'), cell: (row) => row.title },
        { label: t('light'), cell: (row) => lightsCell(row.lights) },
        { label: t('onTimeRate'), cell: (row) => percentText(row.onTimeRate), numeric: true },
        { label: t('overdueMilestones'), cell: (row) => row.overdueMilestones, numeric: true },
        { label: t('openBlockages'), cell: (row) => row.openBlockages, numeric: true },
      ],
      data.officials,
    ),
  ],
  columns: () => [
    { label: t('rank'), cell: (row) => rankText(row.rank), numeric: true },
    { label: t('unit'), cell: (row) => row.unitName ?? row.unitId },
    { label: t('score'), cell: (row) => row.score, numeric: true },
    { label: t('tasksLed'), cell: (row) => row.tasksLed, numeric: true },
    { label: t('tasksCoOwned'), cell: (row) => row.tasksCoOwned, numeric: true },
    { label: t('light'), cell: (row) => lightsCell(row.lights) },
    { label: t('onTimeRate'), cell: (row) => percentText(row.onTimeRate), numeric: true },
    { label: t('overdueMilestones'), cell: (row) => row.overdueMilestones, numeric: true },
    { label: t('openBlockages'), cell: (row) => row.openBlockages, numeric: true },
    { label: t('unitCategory'), cell: (row) => tOf('category', row.category) },
    {
      label: t('subUnitDeductions'),
      cell: (row) => (row.subUnitDeductions === null ? '—' : row.subUnitDeductions),
      numeric: true,
    },
  ],
};
