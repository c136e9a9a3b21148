import { z } from 'zod';
import { isIsoDate, maxDate, minDate } from '../../contracts/dates.ts';
import { taskKinds } from '../../contracts/events/matter-sources.ts';
import { idRule, limits } from '../../contracts/limits.ts';
import { milestoneStates } from '../../domain/judgement/index.ts';
import { boardSortFields } from './build/sort-fields.ts';

/**
 * Input rules of the board queries, checked by the boards service (the gateway
 * is not the only way in). Messages name the rule; the field comes from the path.
 */
const date = () =>
  z.string().refine(isIsoDate, `must be an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`);
const optionalDate = () => date().nullish();
const optionalId = () => z.string().regex(limits.idPattern, idRule).nullish();
const section = () =>
  z.string().max(limits.section, `must be at most ${limits.section} characters`).nullish();
const lights = z.enum(['green', 'yellow', 'red']).nullish();
/** The task's kind: the annual plan's, or a matter's source (事项来源). */
const taskKind = z.enum(taskKinds).nullish();

const sortOf = <F extends readonly [string, ...string[]]>(fields: F) =>
  z.object({ field: z.enum(fields), direction: z.enum(['asc', 'desc']).default('asc') }).nullish();

/** Every board: the day (`asOf`, the end of that day; today when absent) and a page. */
const board = {
  asOf: optionalDate(),
  first: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  after: z.string().max(2800, 'must be a cursor returned by an earlier page').nullish(),
};

/** Every task board: a board filtered on the task's plan section and a unit. */
const taskBoard = {
  ...board,
  section: section(),
  unitId: optionalId(),
  kind: taskKind,
  /** A unit's subtree: the tasks of units at and below it. */
  unitSubtree: optionalId(),
};

/** A closed scoring period (a year) instead of a day: its settlement. */
const period = z
  .string()
  .regex(/^\d{4}$/, 'must be a year YYYY')
  .nullish();

const notWithAsOf = {
  message: 'must not be given with asOf: a settlement is of its period’s last day',
  path: ['period'],
};

/** `responsibilityBoard`: a unit, an official, a sort; a closed period instead of a day. */
export const responsibilityBoardInput = z
  .object({
    ...board,
    unitId: optionalId(),
    unitSubtree: optionalId(),
    officialId: optionalId(),
    kind: taskKind,
    sort: sortOf(boardSortFields.responsibility),
    period,
  })
  .refine((input) => !(input.period && input.asOf), notWithAsOf);

/** `unitDeductions`, `unitFailedTasks`: a unit's itemised list, a page of it, for a day or a settled period. */
export const unitItemsInput = z
  .object({ ...board, unitId: z.string().regex(limits.idPattern, idRule), period })
  .refine((input) => !(input.period && input.asOf), notWithAsOf);

/** `officialTasks`, `officialRecords`: an official's itemised list. */
export const officialItemsInput = z.object({
  ...board,
  officialId: z.string().regex(limits.idPattern, idRule),
});

/** `stageBoard`: section, lead unit, task, state, due window, with extensions, a sort. */
export const stageBoardInput = z.object({
  ...taskBoard,
  taskId: optionalId(),
  state: z.enum(milestoneStates).nullish(),
  dueFrom: optionalDate(),
  dueTo: optionalDate(),
  withExtensions: z.boolean().nullish(),
  sort: sortOf(boardSortFields.stage),
});

/** `blockageBoard`: section, unit held up, unit waited on, level, minimum age, in a cycle, a sort. */
export const blockageBoardInput = z.object({
  ...taskBoard,
  waitingOnUnitId: optionalId(),
  level: z.enum(['none', 'responsible_leader', 'main_leader']).nullish(),
  minAgeDays: z.number().int().min(0, 'must be a whole number of days ≥ 0').nullish(),
  inCycle: z.boolean().nullish(),
  sort: sortOf(boardSortFields.blockage),
});

/** `progressBoard`: section, unit (lead or co-owner), light, trend, with extensions, a sort. */
export const progressBoardInput = z.object({
  ...taskBoard,
  light: lights,
  trend: z.enum(['up', 'flat', 'down']).nullish(),
  withExtensions: z.boolean().nullish(),
  sort: sortOf(boardSortFields.progress),
});

/** `resultsBoard`: section, lead unit, light, attained, a sort. */
export const resultsBoardInput = z.object({
  ...taskBoard,
  light: lights,
  attained: z.boolean().nullish(),
  sort: sortOf(boardSortFields.result),
});

/** `overview`: the day, a section, how many items per list (`top`). */
export const overviewInput = z.object({
  asOf: optionalDate(),
  section: section(),
  kind: taskKind,
  top: z.number().int().min(1, 'must be at least 1').max(50, 'must be at most 50').default(10),
});
