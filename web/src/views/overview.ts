import { gql } from '../core/api.ts';
import { h, uid } from '../core/dom.ts';
import {
  countOf,
  type LightCounts,
  label,
  lightBadge,
  lights,
  table,
  taskLink,
} from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { hrefOf, type Route } from '../core/route.ts';
import { can } from '../core/session.ts';
import { extensionDecision } from '../forms/leader-forms.ts';
import { overviewQuery } from '../operations/boards.ts';
import { blockageAgeColumns } from './blockage-columns.ts';
import { type LightPoint, lightChart } from './light-chart.ts';

type Counts = LightCounts;

interface Overview {
  day: string;
  rulesetVersion: number;
  totals: Counts;
  sections: (Counts & { section: string | null; suspended: number; total: number })[];
  worstOverdue: {
    taskId: string;
    taskTitle: string;
    title: string;
    leadUnitName: string | null;
    dueDate: string;
    daysOverdue: number;
    extensions: { requestId: string; status: string; requestedDueDate: string }[];
  }[];
  oldestBlockages: {
    taskId: string;
    taskTitle: string;
    blockageId: string;
    description: string;
    waitingOnUnitName: string | null;
    ageDays: number;
    level: string;
  }[];
  ranking: { rank: number; unitId: string; unitName: string | null; score: number }[];
  series: LightPoint[];
}

const totals = (counts: Counts) =>
  h(
    'section',
    { class: 'totals', 'aria-label': t('totals') },
    lights.map((light) =>
      h(
        'div',
        {
          class: `total total-${light.toLowerCase()}`,
          'data-testid': `total-${light.toLowerCase()}`,
        },
        lightBadge(light),
        h('strong', {}, countOf(counts, light)),
      ),
    ),
  );

const datePicker = (day: string) => {
  const id = uid('as-of');
  const input = h('input', { id, type: 'date', name: 'asOf', value: day });
  return h(
    'form',
    {
      class: 'as-of',
      onsubmit: (event: Event) => {
        event.preventDefault();
        location.hash = hrefOf('overview', { asOf: input.value });
      },
    },
    h('label', { for: id }, t('asOf')),
    input,
    h('button', { type: 'submit' }, t('apply')),
    h('span', { class: 'help' }, t('asOfHelp')),
  );
};

const sectionTable = (overview: Overview) =>
  table(
    t('bySection'),
    [
      { label: t('section'), cell: (row) => row.section ?? '—' },
      { label: t('light_green'), cell: (row) => row.green, numeric: true },
      { label: t('light_yellow'), cell: (row) => row.yellow, numeric: true },
      { label: t('light_red'), cell: (row) => row.red, numeric: true },
      { label: t('suspended'), cell: (row) => row.suspended, numeric: true },
      { label: t('total'), cell: (row) => row.total, numeric: true },
    ],
    overview.sections,
  );

const overdueTable = (overview: Overview, refresh: () => void) =>
  table(
    t('worstOverdue'),
    [
      { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
      { label: t('milestone'), cell: (row) => row.title },
      { label: t('leadUnit'), cell: (row) => row.leadUnitName ?? '—' },
      { label: t('dueDate'), cell: (row) => row.dueDate },
      { label: t('daysOverdue'), cell: (row) => row.daysOverdue, numeric: true },
      {
        label: t('extensions'),
        cell: (row) =>
          row.extensions.map((extension) =>
            h(
              'div',
              {},
              `${label('ext', extension.status)} → ${extension.requestedDueDate}`,
              extension.status === 'PENDING' && can('approveDeadlineExtension')
                ? extensionDecision(row.taskId, extension.requestId, refresh)
                : null,
            ),
          ),
      },
    ],
    overview.worstOverdue,
  );

const blockageTable = (overview: Overview, refresh: () => void) =>
  table(
    t('oldestBlockages'),
    [
      { label: t('task'), cell: (row) => taskLink(row.taskId, row.taskTitle) },
      { label: t('description'), cell: (row) => row.description },
      { label: t('waitingOn'), cell: (row) => row.waitingOnUnitName ?? '—' },
      ...blockageAgeColumns<Overview['oldestBlockages'][number]>(refresh),
    ],
    overview.oldestBlockages,
  );

const rankingTable = (overview: Overview) =>
  table(
    t('ranking'),
    [
      { label: t('rank'), cell: (row) => row.rank, numeric: true },
      { label: t('unit'), cell: (row) => row.unitName ?? row.unitId },
      { label: t('score'), cell: (row) => row.score, numeric: true },
    ],
    overview.ranking,
  );

/** The leadership board: lights by section and over the year, worst items, ranking, as of any day. */
export const overviewView = async (route: Route, refresh: () => void): Promise<HTMLElement> => {
  const asOf = route.params.get('asOf') || null;
  const { overview } = await gql<{ overview: Overview }>(overviewQuery, { asOf });
  return h(
    'section',
    { class: 'overview', 'data-ready': 'overview', 'data-day': overview.day },
    h('h1', { tabindex: '-1' }, t('navOverview')),
    datePicker(overview.day),
    h(
      'p',
      { class: 'board-day' },
      t('boardDay', { day: overview.day, version: overview.rulesetVersion }),
    ),
    totals(overview.totals),
    h('div', { class: 'grid-2' }, sectionTable(overview), lightChart(overview.series)),
    overdueTable(overview, refresh),
    blockageTable(overview, refresh),
    rankingTable(overview),
  );
};
