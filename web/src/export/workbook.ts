import type { Workbook, Worksheet } from 'exceljs';
import type { CellValue } from './cell-value.ts';

/** A table to export: what it is, the lines saying on what terms, its header and rows. */
export interface Sheet {
  /** The board's or list's name: the title row, the sheet's and the file's name. */
  title: string;
  /** Lines under the title: the day, the filters and order; who exported it and when. */
  notes: readonly string[];
  headers: readonly { label: string; numeric: boolean }[];
  rows: readonly (readonly CellValue[])[];
  /** The file's name, without `.xlsx`. */
  fileName: string;
  /** Who exported it, for the workbook's properties. */
  author: string;
}

type Excel = { Workbook: new () => Workbook };

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * ExcelJS, loaded only when someone exports (its own chunk, about 240 kB gzipped over the
 * wire): the build without polyfills, as the console targets ES2022 browsers.
 */
const loadExcel = async (): Promise<Excel> => {
  const loaded: { default?: Excel } & Partial<Excel> = await import(
    'exceljs/dist/exceljs.bare.min.js'
  );
  const excel = loaded.default ?? loaded;
  if (!excel.Workbook) throw new Error('exceljs did not load');
  return { Workbook: excel.Workbook };
};

/** A sheet's name: at most 31 characters, none of `[]:*?/\`. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

/** Roughly how wide text is in Excel's units: a Chinese character takes two. */
const widthOf = (text: string): number =>
  Math.max(
    ...text
      .split('\n')
      .map((line) =>
        [...line].reduce((sum, character) => sum + (character.charCodeAt(0) > 0x2e7f ? 2 : 1), 0),
      ),
  );

const valueText = (value: CellValue): string =>
  value === null ? '' : typeof value === 'string' ? value : String(value.number);

const addRows = (sheet: Worksheet, spec: Sheet, headerRow: number) => {
  spec.rows.forEach((values, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    values.forEach((value, column) => {
      const cell = row.getCell(column + 1);
      if (value === null) return;
      if (typeof value === 'string') {
        cell.value = value;
        if (value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
        return;
      }
      cell.value = value.number;
      cell.numFmt = value.format;
    });
  });
};

/** Each column as wide as its widest cell, within bounds. */
const setWidths = (sheet: Worksheet, spec: Sheet) => {
  spec.headers.forEach((header, column) => {
    const widest = spec.rows.reduce(
      (width, row) => Math.max(width, widthOf(valueText(row[column] ?? null))),
      widthOf(header.label),
    );
    sheet.getColumn(column + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
};

/** The workbook of one sheet: title, notes, a header row (frozen, filterable), the rows. */
const buildWorkbook = (excel: Excel, spec: Sheet): Workbook => {
  const workbook = new excel.Workbook();
  workbook.creator = spec.author;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(spec.title));
  const width = Math.max(1, spec.headers.length);
  [spec.title, ...spec.notes].forEach((text, index) => {
    sheet.getCell(index + 1, 1).value = text;
    sheet.mergeCells(index + 1, 1, index + 1, width);
  });
  sheet.getRow(1).font = { bold: true, size: 14 };
  // The title, the notes, a blank row, then the header.
  const headerRow = spec.notes.length + 3;
  const header = sheet.getRow(headerRow);
  spec.headers.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.label;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF0' } };
    cell.alignment = { horizontal: column.numeric ? 'right' : 'left' };
  });
  addRows(sheet, spec, headerRow);
  setWidths(sheet, spec);
  sheet.views = [{ state: 'frozen', ySplit: headerRow }];
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow + spec.rows.length, column: width },
  };
  return workbook;
};

/** Builds the sheet as an .xlsx file and hands it to the browser to save. */
export const downloadSheet = async (spec: Sheet): Promise<void> => {
  const excel = await loadExcel();
  const buffer = await buildWorkbook(excel, spec).xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: xlsxType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${spec.fileName}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL can go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
