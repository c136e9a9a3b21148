import { type Child, h, uid } from '../../core/dom.ts';
import { percentText } from '../../core/format.ts';
import { type MessageKey, t } from '../../core/i18n.ts';
import type { Cockpit } from './data.ts';
import { type Kpis, kpisOf, type Share } from './kpis.ts';
import { boardHref, type CockpitScope } from './links.ts';

interface Tile {
  id: string;
  label: MessageKey;
  value: string;
  detail: string;
  help: MessageKey;
  href?: string;
}

/**
 * One key figure: its name, value and what it counts, and how it is computed,
 * as help text on the tile (read with it by a screen reader). A tile with a
 * list behind it is a link to that list.
 */
const tile = ({ id, label, value, detail, help, href }: Tile): HTMLElement => {
  const helpId = uid('kpi-help');
  const body: Child[] = [
    h('span', { class: 'kpi-label' }, t(label)),
    h('strong', { class: 'kpi-value' }, value),
    h('span', { class: 'kpi-detail' }, detail),
    h('span', { class: 'kpi-help', id: helpId }, t(help)),
  ];
  const attrs = {
    class: 'kpi',
    'data-testid': `kpi-${id}`,
    'aria-describedby': helpId,
  };
  return href ? h('a', { ...attrs, href }, body) : h('div', attrs, body);
};

const counts = (share: Share) => ({ part: share.part, whole: share.whole });

const tiles = (kpis: Kpis, scope: CockpitScope): Tile[] => [
  {
    id: 'completion',
    label: 'kpiCompletion',
    value: percentText(kpis.completion.percent),
    detail: t('kpiCompletionDetail', counts(kpis.completion)),
    help: 'kpiCompletionHelp',
  },
  {
    id: 'on-time',
    label: 'kpiOnTime',
    value: percentText(kpis.onTime.percent),
    detail: t('kpiOnTimeDetail', counts(kpis.onTime)),
    help: 'kpiOnTimeHelp',
  },
  {
    id: 'overdue',
    label: 'kpiOverdue',
    value: String(kpis.overdue),
    detail: t('kpiOverdueDetail'),
    help: 'kpiOverdueHelp',
    href: boardHref('stage', { state: 'OVERDUE' }, scope),
  },
  {
    id: 'blockages',
    label: 'kpiBlockages',
    value: String(kpis.openBlockages),
    detail: t('kpiBlockagesDetail'),
    help: 'kpiBlockagesHelp',
    href: boardHref('blockage', {}, scope),
  },
];

/** 办结率, 按期率, 逾期数 and open 堵点, computed from what the API answered. */
export const kpiTiles = (cockpit: Cockpit, scope: CockpitScope): HTMLElement =>
  h('section', { class: 'kpis', 'aria-label': t('kpis') }, tiles(kpisOf(cockpit), scope).map(tile));
