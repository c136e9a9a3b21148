import '../cockpit.css';
import { type Child, h, replace, uid } from '../core/dom.ts';
import { lang, t, tOf } from '../core/i18n.ts';
import { hrefOf, type Route } from '../core/route.ts';
import { kindFilter } from './boards/filters.ts';
import { type Cockpit, loadCockpit } from './cockpit/data.ts';
import { kpiTiles } from './cockpit/kpi-tiles.ts';
import { lightTotals, sectionTable } from './cockpit/lights.ts';
import type { CockpitScope } from './cockpit/links.ts';
import { rankingTable } from './cockpit/ranking.ts';
import { wallControls, wallShows } from './cockpit/wall.ts';
import { blockedTaskTable, redTaskTable } from './cockpit/worst-lists.ts';
import { lightChart } from './light-chart.ts';

const kindPicker = (kind: string | null) => {
  const id = uid('kind');
  const options = (kindFilter.choices ?? []).map((choice) =>
    h('option', { value: choice, selected: choice === kind }, tOf('taskKind', choice)),
  );
  return [
    h('label', { for: id }, t('taskKind')),
    h('select', { id, name: 'kind' }, h('option', { value: '' }, t('allOption')), options),
  ];
};

/** The day and the kind of matter the cockpit is of, kept in its address as the boards' filters are. */
const scopePicker = (day: string, kind: string | null) => {
  const id = uid('as-of');
  const input = h('input', { id, type: 'date', name: 'asOf', value: day });
  return h(
    'form',
    {
      class: 'as-of with-kind',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const chosen = new FormData(event.target as HTMLFormElement).get('kind');
        location.hash = hrefOf('overview', { asOf: input.value, kind: String(chosen ?? '') });
      },
    },
    h('label', { for: id }, t('asOf')),
    input,
    ...kindPicker(kind),
    h('button', { type: 'submit' }, t('apply')),
    h('span', { class: 'help' }, t('asOfHelp')),
  );
};

const timeNow = () =>
  new Date().toLocaleTimeString(lang(), { hour: '2-digit', minute: '2-digit', hour12: false });

/** The cockpit's parts, most urgent first: figures, lights, the units and tasks to act on. */
const cockpitParts = (cockpit: Cockpit, scope: CockpitScope, refresh: () => void): Child[] => {
  const { overview } = cockpit;
  return [
    h(
      'div',
      { class: 'cockpit-head' },
      h('h1', { tabindex: '-1' }, t('navOverview')),
      wallControls(),
    ),
    scopePicker(overview.day, scope.kind),
    h(
      'p',
      { class: 'board-day' },
      t('boardDay', { day: overview.day, version: overview.rulesetVersion }),
      ' · ',
      h('span', { 'data-testid': 'updated' }, t('wallUpdated', { time: timeNow() })),
    ),
    kpiTiles(cockpit, scope),
    ...lightTotals(overview.totals, scope),
    h(
      'div',
      { class: 'grid-2' },
      sectionTable(overview.sections, scope),
      rankingTable(cockpit.units, scope),
    ),
    h(
      'div',
      { class: 'grid-2' },
      redTaskTable(cockpit, scope, refresh),
      lightChart(overview.series),
    ),
    blockedTaskTable(cockpit, scope, refresh),
  ];
};

/**
 * The leadership cockpit (领导驾驶舱), as of any day: key figures, lights by
 * section, units worst first, the red tasks and the tasks held up longest;
 * every count opens the list it counts. Shown on the 调度会 room's large
 * display, it is asked again in place every few minutes.
 */
export const overviewView = async (route: Route, refresh: () => void): Promise<HTMLElement> => {
  const scope = {
    asOf: route.params.get('asOf') || null,
    kind: route.params.get('kind') || null,
  };
  const root = h('section', { class: 'overview', 'data-ready': 'overview' });
  const draw = (cockpit: Cockpit) => {
    root.dataset.day = cockpit.overview.day;
    replace(root, cockpitParts(cockpit, scope, refresh));
  };
  wallShows(root, async () => draw(await loadCockpit(scope)));
  draw(await loadCockpit(scope));
  return root;
};
