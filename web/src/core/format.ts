import { type Child, h } from './dom.ts';
import { t, tOf } from './i18n.ts';

/** A light (亮灯) as the API spells it. */
export type Light = 'GREEN' | 'YELLOW' | 'RED';

export const lights: readonly Light[] = ['GREEN', 'YELLOW', 'RED'];

/** Counts by light, as the API's `LightCounts` holds them. */
export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
}

/** How many of `counts` have the light. */
export const countOf = (counts: LightCounts, light: Light): number =>
  counts[light.toLowerCase() as keyof LightCounts];

const lightIcons: Record<Light, string> = { GREEN: '●', YELLOW: '▲', RED: '■' };

/**
 * A light as colour, shape and word (红/黄/绿): colour is never the only carrier,
 * for readers who do not see it and for grey printouts.
 */
export const lightBadge = (light: Light | null | undefined): HTMLElement =>
  light
    ? h(
        'span',
        { class: `light light-${light.toLowerCase()}`, 'data-light': light.toLowerCase() },
        h('span', { 'aria-hidden': 'true' }, lightIcons[light]),
        ` ${tOf('light', light)}`,
      )
    : h('span', { class: 'light' }, t('light_none'));

/** Each light's badge and how many have it: ● 绿 12 ▲ 黄 3 ■ 红 1. */
export const lightCountBadges = (counts: LightCounts): HTMLElement[] =>
  lights.map((light) => h('span', {}, lightBadge(light), ` ${countOf(counts, light)} `));

export const number = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

export const percentText = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${value.toFixed(0)}%`;

/** Times are shown as China Standard Time, the zone every business date is in. */
const chinaTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** A timestamp as a date and time in China, minutes precision: `2021-06-01 10:00`. */
export const dateTime = (iso: string | null | undefined): string =>
  iso ? chinaTime.format(new Date(iso)) : '—';

/** A link to a task's page. */
export const taskLink = (taskId: string, title: string): HTMLAnchorElement =>
  h('a', { href: `#/tasks/${encodeURIComponent(taskId)}` }, title);

export interface Column<Row> {
  label: string;
  cell: (row: Row) => Child;
  /** Right-aligned numbers. */
  numeric?: boolean;
}

/** A data table with a caption; an empty one says so instead of showing bare headers. */
export const table = <Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): HTMLElement => {
  if (rows.length === 0) {
    return h('section', {}, h('h3', {}, caption), h('p', { class: 'empty' }, t('empty')));
  }
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            columns.map((column) =>
              h('td', { class: column.numeric ? 'num' : null }, column.cell(row)),
            ),
          ),
        ),
      ),
    ),
  );
};

/** The word for an enum value in a namespace (`state`, `trend`, `level`…). */
export const label = tOf;
