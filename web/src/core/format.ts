import { type Child, h, uid } from './dom.ts';
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

/** A number with at most `digits` decimals; a whole number shows none (7 所, not 7.0 所). */
export const number = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined
    ? '—'
    : Number.isInteger(value)
      ? String(value)
      : value.toFixed(digits);

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

/** A calendar date, with its time of day when it has one: `2021-06-01`, `2021-06-01 10:00`. */
const datePattern = /\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?/g;

/**
 * Wraps every date in the cell's text in a `.date` span that never breaks:
 * a line breaker may otherwise split `2021-08-31` after a hyphen in a narrow column.
 */
const keepDatesWhole = (cell: HTMLElement): void => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  for (const text of texts) {
    if (text.parentElement?.closest('.date, time, option, textarea')) continue;
    const value = text.data;
    const parts: Child[] = [];
    let last = 0;
    for (const match of value.matchAll(datePattern)) {
      parts.push(value.slice(last, match.index), h('span', { class: 'date' }, match[0]));
      last = match.index + match[0].length;
    }
    if (parts.length === 0) continue;
    parts.push(value.slice(last));
    text.replaceWith(...parts.filter((part): part is string | Node => part !== '').map(asNode));
  }
};

const asNode = (part: string | Node): Node =>
  typeof part === 'string' ? document.createTextNode(part) : part;

const isBlank = (child: Child): boolean =>
  child === null ||
  child === undefined ||
  child === false ||
  child === '' ||
  (Array.isArray(child) && child.every(isBlank));

/** A cell labelled with its column's header, which a phone shows beside the value. */
const dataCell = <Row>(column: Column<Row>, row: Row): HTMLElement => {
  const content = column.cell(row);
  const cell = h(
    'td',
    { class: column.numeric ? 'num' : null, 'data-label': column.label },
    isBlank(content) ? null : h('div', { class: 'cell' }, content),
  );
  keepDatesWhole(cell);
  return cell;
};

/**
 * A table scrolls inside its box when it is wider; the box then takes the keyboard
 * focus (and a name) so that keys scroll it too, and gives both up when it fits again.
 */
const focusableWhenScrolling = (wrap: HTMLElement, captionId: string): void => {
  new ResizeObserver(() => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    for (const [name, value] of [
      ['tabindex', '0'],
      ['role', 'region'],
      ['aria-labelledby', captionId],
    ] as const) {
      if (scrolls) wrap.setAttribute(name, value);
      else wrap.removeAttribute(name);
    }
  }).observe(wrap);
};

/**
 * A data table with a caption; an empty one says so instead of showing bare headers.
 * On a phone a table of several text columns stands as one card per row, each value
 * beside its header (`data-label`); a table of one text column and numbers (a
 * ranking, counts by section) stays a table, which a phone shows whole.
 */
export const table = <Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): HTMLElement => {
  if (rows.length === 0) {
    return h(
      'div',
      { class: 'table-empty' },
      h('p', { class: 'table-caption' }, caption),
      h('p', { class: 'empty' }, t('empty')),
    );
  }
  const textColumns = columns.filter((column) => !column.numeric).length;
  const captionId = uid('caption');
  const wrap = h(
    'div',
    { class: textColumns > 1 ? 'table-wrap as-cards' : 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { id: captionId }, caption),
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
            columns.map((column) => dataCell(column, row)),
          ),
        ),
      ),
    ),
  );
  focusableWhenScrolling(wrap, captionId);
  return wrap;
};

/** The word for an enum value in a namespace (`state`, `trend`, `level`…). */
export const label = tOf;

/** A unit's rank within its category; a dash for a body not ranked (督查·纪检机关). */
export const rankText = (rank: number | null): string => (rank === null ? '—' : String(rank));
