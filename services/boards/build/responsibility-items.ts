import { notFound } from '../../../contracts/errors.ts';
import type { ClosedPeriod } from '../../../contracts/events/index.ts';
import type { ScoreItem } from '../../../domain/judgement/index.ts';
import { type BoardView, boardView } from './board-view.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { type OfficialRecord, officialRecords, officialTasks } from './official-responsibility.ts';
import type { Page, PageArgs } from './paging.ts';
import { itemPage } from './row-items.ts';
import { standings } from './scores.ts';
import { inputOf } from './settled-input.ts';
import { type UnitFailure, unitFailures } from './unit-failures.ts';

/** A page of one unit's or official's itemised list on the responsibility board's day. */
export interface ItemsPage<T> extends BoardStamp, Page<T> {
  /** The scoring period: the year to date, or the settled year. */
  period: string;
}

/** Which unit's list, and which page of it; of a closed period's settlement when given. */
export interface UnitItemsQuery extends PageArgs {
  unitId: string;
  settlement?: ClosedPeriod | null | undefined;
}

/** Which official's list, and which page of it. */
export interface OfficialItemsQuery extends PageArgs {
  officialId: string;
}

const knownUnit = (view: BoardView, unitId: string): void => {
  if (!view.input.docs.units.some((unit) => unit.id === unitId)) throw notFound('unitId', 'unit');
};

const knownOfficial = (view: BoardView, officialId: string): void => {
  if (!view.input.docs.officials.some((official) => official.id === officialId)) {
    throw notFound('officialId', 'official');
  }
};

const pageOfItems = <T>(
  input: BoardInput,
  view: BoardView,
  items: readonly T[],
  args: PageArgs,
  list: string,
  id: (item: T) => string,
): ItemsPage<T> => ({
  ...stampOf(input),
  period: view.period.name,
  ...itemPage(items, args, list, id),
});

/**
 * Every point taken off a unit in the period, and every bonus point (加分) with
 * what the cap took back, item by item, a page at a time.
 */
export const buildUnitDeductions = (
  input: BoardInput,
  query: UnitItemsQuery,
): ItemsPage<ScoreItem> => {
  const view = boardView(inputOf(input, query.settlement));
  knownUnit(view, query.unitId);
  const score = standings(view).ranked.find((row) => row.unitId === query.unitId);
  return pageOfItems(
    input,
    view,
    score?.items ?? [],
    query,
    `deductions:${query.unitId}`,
    (item) => `${item.rule}:${item.ref}`,
  );
};

/** A unit's failed tasks of the period, as lead unit or co-unit, a page at a time. */
export const buildUnitFailedTasks = (
  input: BoardInput,
  query: UnitItemsQuery,
): ItemsPage<UnitFailure> => {
  const view = boardView(inputOf(input, query.settlement));
  knownUnit(view, query.unitId);
  return pageOfItems(
    input,
    view,
    unitFailures(view).get(query.unitId) ?? [],
    query,
    `failedTasks:${query.unitId}`,
    (item) => `${item.role}:${item.taskId}`,
  );
};

/** The tasks an official answered for on the day, by id, a page at a time. */
export const buildOfficialTasks = (
  input: BoardInput,
  query: OfficialItemsQuery,
): ItemsPage<string> => {
  const view = boardView(input);
  knownOfficial(view, query.officialId);
  const taskIds = (officialTasks(view).get(query.officialId) ?? []).map((facts) => facts.task.id);
  return pageOfItems(input, view, taskIds, query, `tasks:${query.officialId}`, (id) => id);
};

/** The period's accountability records against an official, a page at a time. */
export const buildOfficialRecords = (
  input: BoardInput,
  query: OfficialItemsQuery,
): ItemsPage<OfficialRecord> => {
  const view = boardView(input);
  knownOfficial(view, query.officialId);
  return pageOfItems(
    input,
    view,
    officialRecords(view).get(query.officialId) ?? [],
    query,
    `records:${query.officialId}`,
    (item) => item.recordId,
  );
};
