/** ExcelJS's browser build without polyfills: the same API as the package's main entry. */
declare module 'exceljs/dist/exceljs.bare.min.js' {
  import type { Workbook } from 'exceljs';

  const excel: { Workbook: new () => Workbook };
  export default excel;
}
