import { h } from '../../core/dom.ts';
import { type Light, lightBadge, percentText, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';
import type { BoardSpec } from './board-page.ts';
import { unitFilter } from './filters.ts';

type Counts = Record<Light, number>;

interface Row {
  unitId: string;
  unitName: string | null;
  rank: number;
  score: number;
  tasksLed: number;
  tasksCoOwned: number;
  lights: Counts;
  onTimeRate: number | null;
  overdueMilestones: number;
  openBlockages: number;
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
  h(
    'span',
    { class: 'light-counts' },
    (['green', 'yellow', 'red'] as const).map((light) =>
      h('span', {}, lightBadge(light), ` ${counts[light]} `),
    ),
  );

/** 盯责任: per unit and per official — tasks, lights, on-time rate, overdue, blockages, score. */
export const responsibilityBoard: BoardSpec<Row, { nodes: Row[]; officials: Official[] }> = {
  path: 'responsibility',
  title: 'navResponsibility',
  field: 'responsibilityBoard',
  variables: ', $unitId: ID',
  sortType: 'ResponsibilitySort',
  selection: `nodes { unitId unitName rank score tasksLed tasksCoOwned lights { green yellow red } onTimeRate overdueMilestones openBlockages }
    officials { officialId name title lights { green yellow red } onTimeRate overdueMilestones openBlockages }`,
  filters: [unitFilter],
  sortFields: [
    { value: 'rank', label: 'rank' },
    { value: 'score', label: 'score' },
    { value: 'red', label: 'light_red' },
    { value: 'overdueMilestones', label: 'overdueMilestones' },
    { value: 'onTimeRate', label: 'onTimeRate' },
    { value: 'openBlockages', label: 'openBlockages' },
    { value: 'tasksLed', label: 'tasksLed' },
  ],
  defaultSort: 'rank',
  rows: (data) => data.nodes,
  extra: (data) =>
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
  columns: () => [
    { label: t('rank'), cell: (row) => row.rank, numeric: true },
    { label: t('unit'), cell: (row) => row.unitName ?? row.unitId },
    { label: t('score'), cell: (row) => row.score, numeric: true },
    { label: t('tasksLed'), cell: (row) => row.tasksLed, numeric: true },
    { label: t('tasksCoOwned'), cell: (row) => row.tasksCoOwned, numeric: true },
    { label: t('light'), cell: (row) => lightsCell(row.lights) },
    { label: t('onTimeRate'), cell: (row) => percentText(row.onTimeRate), numeric: true },
    { label: t('overdueMilestones'), cell: (row) => row.overdueMilestones, numeric: true },
    { label: t('openBlockages'), cell: (row) => row.openBlockages, numeric: true },
  ],
};
