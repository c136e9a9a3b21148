import { type Child, h } from '../core/dom.ts';

/** A cell of an exported sheet: text, or a number with the format it is shown in. */
export type CellValue = string | { number: number; format: string } | null;

/** What a printed or exported cell leaves out: the controls, and icons read as words beside them. */
const leftOut = 'form, button, details, select, input, textarea, [aria-hidden="true"]';

/** Elements that start a line of their own in the cell's text. */
const blocks = new Set(['DIV', 'P', 'LI', 'UL', 'OL', 'BR']);

const textOf = (node: Node): string => {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.matches(leftOut)) return '';
  const inner = Array.from(node.childNodes, textOf).join('');
  return blocks.has(node.tagName) ? `\n${inner}\n` : inner;
};

/**
 * The words of a cell as the screen shows them, without its forms and buttons:
 * one line per block, spaces collapsed.
 */
export const cellText = (cell: Child): string =>
  textOf(h('div', {}, cell))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');

/** What the screen shows for "none". */
const none = new Set(['', '—']);

const decimalsOf = (digits: string): number => digits.split('.')[1]?.length ?? 0;

const formatOf = (decimals: number, percent: boolean): string =>
  `0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${percent ? '%' : ''}`;

/** A number as shown (`45%`, `12.5`), kept as a number shown with the same digits. */
const numberOf = (text: string): CellValue => {
  const match = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(text);
  if (!match?.[1]) return text;
  const decimals = decimalsOf(match[1]);
  const percent = match[2] === '%';
  const shown = Number(match[1]);
  return {
    number: percent ? Number((shown / 100).toFixed(decimals + 2)) : shown,
    format: formatOf(decimals, percent),
  };
};

/**
 * A screen cell as a typed sheet cell: a numeric column's numbers (and percents)
 * stay numbers, everything else is its text (dates as `YYYY-MM-DD`), "none" is empty.
 */
export const cellValue = (cell: Child, numeric: boolean): CellValue => {
  if (typeof cell === 'number')
    return { number: cell, format: Number.isInteger(cell) ? '0' : 'General' };
  const text = cellText(cell);
  if (none.has(text)) return null;
  return numeric ? numberOf(text) : text;
};
