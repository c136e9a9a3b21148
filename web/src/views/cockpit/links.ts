import { h } from '../../core/dom.ts';
import { hrefOf } from '../../core/route.ts';

type Board = 'progress' | 'stage' | 'blockage' | 'responsibility';

/** What the cockpit is of: a day (today when null) and a kind of matter (事项来源; all when null). */
export interface CockpitScope {
  asOf: string | null;
  kind: string | null;
}

/**
 * The list behind a figure: a board with the figure's filters in its address
 * (the names its filter form uses), on the cockpit's day and of its kind.
 */
export const boardHref = (
  board: Board,
  filter: Record<string, string | null>,
  scope: CockpitScope,
): string => hrefOf(`boards/${board}`, { ...filter, kind: scope.kind, asOf: scope.asOf });

/**
 * A count that opens the rows it counts; `label` names them for a screen
 * reader, which would otherwise hear a bare number. Nothing to open at 0.
 */
export const countLink = (count: number, href: string, label: string): HTMLElement | number =>
  count > 0 ? h('a', { href, 'aria-label': label, 'data-count': count }, count) : count;
