import { h, uid } from '../../core/dom.ts';
import {
  type Column,
  countOf,
  type LightCounts,
  lightBadge,
  lights,
  table,
} from '../../core/format.ts';
import { t, tOf } from '../../core/i18n.ts';
import type { SectionRow } from './data.ts';
import { boardHref, type CockpitScope, countLink } from './links.ts';

/** The tasks per light, each count a link to those tasks on 盯进度. */
export const lightTotals = (counts: LightCounts, scope: CockpitScope): HTMLElement[] => {
  const helpId = uid('totals-help');
  return [
    h(
      'section',
      { class: 'totals', 'aria-label': t('totals'), 'aria-describedby': helpId },
      lights.map((light) =>
        h(
          'a',
          {
            class: `total total-${light.toLowerCase()}`,
            href: boardHref('progress', { light }, scope),
            'data-testid': `total-${light.toLowerCase()}`,
          },
          lightBadge(light),
          h('strong', {}, countOf(counts, light)),
        ),
      ),
    ),
    h('p', { class: 'help totals-help', id: helpId }, t('totalsHelp')),
  ];
};

/** A section's count of one kind, opening its tasks; the tasks without a section have no filter. */
const sectionCell =
  (what: string, field: keyof SectionRow, light: string | null, scope: CockpitScope) =>
  (row: SectionRow) => {
    const count = row[field] as number;
    if (row.section === null) return count;
    const href = boardHref('progress', { section: row.section, light }, scope);
    return countLink(count, href, t('cellCount', { row: row.section, what, count }));
  };

/** Lights per plan section; each count opens the section's tasks of that light. */
export const sectionTable = (sections: readonly SectionRow[], scope: CockpitScope) => {
  const lightColumns: Column<SectionRow>[] = lights.map((light) => ({
    label: tOf('light', light),
    cell: sectionCell(tOf('light', light), light.toLowerCase() as keyof SectionRow, light, scope),
    numeric: true,
  }));
  return table(
    t('bySection'),
    [
      {
        label: t('section'),
        cell: (row) =>
          row.section === null
            ? '—'
            : h('a', { href: boardHref('progress', { section: row.section }, scope) }, row.section),
      },
      ...lightColumns,
      { label: t('suspended'), cell: (row) => row.suspended, numeric: true },
      {
        label: t('total'),
        cell: sectionCell(t('total'), 'total', null, scope),
        numeric: true,
      },
    ],
    sections,
  );
};
