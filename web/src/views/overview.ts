import '../cockpit.css';
import { type Child, h, replace, uid } from '../core/dom.ts';
import { lang, t } from '../core/i18n.ts';
import { hrefOf, type Route } from '../core/route.ts';
import { type Cockpit, loadCockpit } from './cockpit/data.ts';
import { kpiTiles } from './cockpit/kpi-tiles.ts';
import { lightTotals, sectionTable } from './cockpit/lights.ts';
import { rankingTable } from './cockpit/ranking.ts';
import { wallControls, wallShows } from './cockpit/wall.ts';
import { blockedTaskTable, redTaskTable } from './cockpit/worst-lists.ts';
import { lightChart } from './light-chart.ts';

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

const timeNow = () =>
  new Date().toLocaleTimeString(lang(), { hour: '2-digit', minute: '2-digit', hour12: false });

/** The cockpit's parts, most urgent first: figures, lights, the units and tasks to act on. */
const cockpitParts = (cockpit: Cockpit, asOf: string | null, refresh: () => void): Child[] => {
  const { overview } = cockpit;
  return [
    h(
      'div',
      { class: 'cockpit-head' },
      h('h1', { tabindex: '-1' }, t('navOverview')),
      wallControls(),
    ),
    datePicker(overview.day),
    h(
      'p',
      { class: 'board-day' },
      t('boardDay', { day: overview.day, version: overview.rulesetVersion }),
      ' · ',
      h('span', { 'data-testid': 'updated' }, t('wallUpdated', { time: timeNow() })),
    ),
    kpiTiles(cockpit, asOf),
    ...lightTotals(overview.totals, asOf),
    h(
      'div',
      { class: 'grid-2' },
      sectionTable(overview.sections, asOf),
      rankingTable(cockpit.units, asOf),
    ),
    h(
      'div',
      { class: 'grid-2' },
      redTaskTable(cockpit, asOf, refresh),
      lightChart(overview.series),
    ),
    blockedTaskTable(cockpit, asOf, refresh),
  ];
};

/**
 * The leadership cockpit (领导驾驶舱), as of any day: key figures, lights by
 * section, units worst first, the red tasks and the tasks held up longest;
 * every count opens the list it counts. Shown on the 调度会 room's large
 * display, it is asked again in place every few minutes.
 */
export const overviewView = async (route: Route, refresh: () => void): Promise<HTMLElement> => {
  const asOf = route.params.get('asOf') || null;
  const root = h('section', { class: 'overview', 'data-ready': 'overview' });
  const draw = (cockpit: Cockpit) => {
    root.dataset.day = cockpit.overview.day;
    replace(root, cockpitParts(cockpit, asOf, refresh));
  };
  wallShows(root, async () => draw(await loadCockpit(asOf)));
  draw(await loadCockpit(asOf));
  return root;
};
