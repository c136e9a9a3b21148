import { h } from '../../core/dom.ts';
import { rankText, table } from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import type { UnitRow } from './data.ts';
import { boardHref, type CockpitScope, countLink } from './links.ts';

const nameOf = (unit: UnitRow) => unit.unitName ?? unit.unitId;

/**
 * The units by score (督查考核), lowest first: who needs the leaders' attention
 * leads the list. A unit opens its tasks (led or co-owned, as 盯进度 filters
 * by unit); its overdue milestones and open blockages open those lists.
 */
export const rankingTable = (
  units: { totalCount: number; nodes: readonly UnitRow[] },
  scope: CockpitScope,
): HTMLElement => {
  const tasksOf = (unit: UnitRow) => boardHref('progress', { unitId: unit.unitId }, scope);
  const cell = (what: string, count: number, unit: UnitRow, href: string) =>
    countLink(count, href, t('cellCount', { row: nameOf(unit), what, count }));
  return h(
    'section',
    { class: 'ranking', 'data-testid': 'ranking' },
    table(
      t('rankingWorstFirst'),
      [
        { label: t('rank'), cell: (unit) => rankText(unit.rank), numeric: true },
        {
          label: t('unit'),
          cell: (unit) => h('a', { href: tasksOf(unit), 'data-unit': unit.unitId }, nameOf(unit)),
        },
        { label: t('score'), cell: (unit) => unit.score, numeric: true },
        {
          label: t('unitTasks'),
          cell: (unit) =>
            cell(t('unitTasks'), unit.tasksLed + unit.tasksCoOwned, unit, tasksOf(unit)),
          numeric: true,
        },
        { label: t('unitRed'), cell: (unit) => unit.lights.red, numeric: true },
        {
          label: t('overdueMilestones'),
          cell: (unit) =>
            cell(
              t('overdueMilestones'),
              unit.overdueMilestones,
              unit,
              boardHref('stage', { unitId: unit.unitId, state: 'OVERDUE' }, scope),
            ),
          numeric: true,
        },
        {
          label: t('openBlockages'),
          cell: (unit) =>
            cell(
              t('openBlockages'),
              unit.openBlockages,
              unit,
              boardHref('blockage', { unitId: unit.unitId }, scope),
            ),
          numeric: true,
        },
        { label: t('unitCategory'), cell: (unit) => tOf('category', unit.category) },
      ],
      units.nodes,
    ),
    h(
      'p',
      { class: 'more' },
      h(
        'a',
        { href: boardHref('responsibility', {}, scope) },
        t('rankingAll', { total: units.totalCount }),
      ),
    ),
  );
};
