import type { Column } from '../core/format.ts';
import { t } from '../core/i18n.ts';
import { cellValue } from './cell-value.ts';
import { nowInChina, signedInPerson } from './who-when.ts';
import { downloadSheet } from './workbook.ts';

/** A table's columns as exported: all the screen shows except the one holding the user's actions. */
export const exportedColumns = <Row>(columns: readonly Column<Row>[]): Column<Row>[] =>
  columns.filter((column) => column.label !== t('actions'));

/**
 * Saves rows as an .xlsx file with the screen's columns, in the screen's order:
 * a title row, the lines saying on what terms (`conditions`), who exported it
 * and when, then a header row and the rows, each cell typed.
 */
export const exportRows = async <Row>(table: {
  title: string;
  conditions: readonly string[];
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  fileName: string;
}): Promise<number> => {
  const columns = exportedColumns(table.columns);
  const author = signedInPerson();
  await downloadSheet({
    title: table.title,
    notes: [
      table.conditions.join('　'),
      t('exportBy', { who: author, when: nowInChina(), rows: table.rows.length }),
    ],
    headers: columns.map((column) => ({ label: column.label, numeric: column.numeric === true })),
    rows: table.rows.map((row) =>
      columns.map((column) => cellValue(column.cell(row), column.numeric === true)),
    ),
    fileName: table.fileName,
    author,
  });
  return table.rows.length;
};
