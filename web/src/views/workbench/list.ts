import { h } from '../../core/dom.ts';
import { type Column, table } from '../../core/format.ts';
import { t } from '../../core/i18n.ts';

/**
 * A section's one table: its rows, or a plain "nothing to show" under the
 * section's own heading (the table's caption would only repeat it).
 */
export const sectionTable = <Row>(
  caption: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): HTMLElement =>
  rows.length === 0 ? h('p', { class: 'empty' }, t('empty')) : table(caption, columns, rows);
