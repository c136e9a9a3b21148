import { h } from '../../core/dom.ts';
import { hrefOf } from '../../core/route.ts';

type Board = 'progress' | 'stage' | 'blockage' | 'responsibility';

/**
 * The list behind a figure: a board with the figure's filters in its address
 * (the names its filter form uses), on the cockpit's day.
 */
export const boardHref = (
  board: Board,
  filter: Record<string, string | null>,
  asOf: string | null,
): string => hrefOf(`boards/${board}`, { ...filter, asOf });

/**
 * A count that opens the rows it counts; `label` names them for a screen
 * reader, which would otherwise hear a bare number. Nothing to open at 0.
 */
export const countLink = (count: number, href: string, label: string): HTMLElement | number =>
  count > 0 ? h('a', { href, 'aria-label': label, 'data-count': count }, count) : count;
