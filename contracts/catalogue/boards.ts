import { query, readers } from './declare.ts';
import { boardParams } from './list-args.ts';

/** The five boards (钉钉子) and the overview, of today or as known on a past day. */
export const responsibilityBoard = query(readers, 'boards.responsibilityBoard', {
  name: 'responsibilityBoard',
  params: boardParams,
});
export const stageBoard = query(readers, 'boards.stageBoard', {
  name: 'stageBoard',
  params: boardParams,
});
export const blockageBoard = query(readers, 'boards.blockageBoard', {
  name: 'blockageBoard',
  params: boardParams,
});
export const progressBoard = query(readers, 'boards.progressBoard', {
  name: 'progressBoard',
  params: boardParams,
});
export const resultsBoard = query(readers, 'boards.resultsBoard', {
  name: 'resultsBoard',
  params: boardParams,
});
export const overview = query(readers, 'boards.overview', 'overview');

/** A responsibility board row's itemised lists, a page at a time. */
export const unitDeductions = query(readers, 'boards.unitDeductions', 'unitDeductions');
export const unitFailedTasks = query(readers, 'boards.unitFailedTasks', 'unitFailedTasks');
export const officialTasks = query(readers, 'boards.officialTasks', 'officialTasks');
export const officialRecords = query(readers, 'boards.officialRecords', 'officialRecords');
