import {
  type ClosedPeriod,
  type UnitCategory,
  unitCategories,
} from '../../../contracts/events/index.ts';
import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import type { ScoreItem } from '../../../domain/judgement/index.ts';
import { holdersOn } from '../../../domain/posts-timeline.ts';
import { openBlockageRows } from './blockage-rows.ts';
import { type BoardView, boardView, perView } from './board-view.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { kindInput } from './kind-input.ts';
import type { LightCounts } from './light-counts.ts';
import { type OfficialResponsibility, officialRows } from './official-responsibility.ts';
import { type Page, type RowOrder, type SortedPageArgs, sortedPage } from './paging.ts';
import { type ResponsibilityStats, statsOf } from './responsibility-stats.ts';
import { firstItems } from './row-items.ts';
import { type Standings, standings } from './scores.ts';
import { inputOf } from './settled-input.ts';
import type { SortFieldOf } from './sort-fields.ts';
import { inSubtree } from './subtrees.ts';
import { type UnitFailure, unitFailures } from './unit-failures.ts';
import { noTally, unitTallies } from './unit-tallies.ts';

/** One unit on the responsibility board (盯责任). */
export interface UnitResponsibility extends ResponsibilityStats {
  unitId: string;
  unitName: string | null;
  category: UnitCategory;
  /** Its place among the units of its category; null: not ranked (督查·纪检机关). */
  rank: number | null;
  score: number;
  /**
   * The first score items: points taken off, and bonus points (加分) with what
   * the cap took back (`itemsOnRow`; `unitDeductions` pages them all).
   */
  deductions: ScoreItem[];
  deductionCount: number;
  /** What its bonus points add after the period's cap. */
  bonusPoints: number;
  /** The first of its failed tasks (`itemsOnRow`; `unitFailedTasks` pages them all). */
  failedTasks: UnitFailure[];
  failedTaskCount: number;
  tasksLed: number;
  tasksCoOwned: number;
  /** Lights of the tasks it co-owns (counted under their lead unit elsewhere). */
  coOwnedLights: LightCounts;
  /**
   * For a unit with units below it in the tree (a street's 社区): how many, and
   * the points they lost between them (≤ 0, bonuses left out). Its own score is
   * its own: the ruleset folds no sub-unit's deduction into it; the board shows
   * the subtree's beside it. Absent for a unit with none below it.
   */
  subUnits?: number;
  subUnitDeductions?: number;
  /** Open blockages holding it up. */
  openBlockages: number;
  /** Open blockages of others waiting on it. */
  waitedOnBlockages: number;
  /** Who held its responsible leader's post (分管领导) on the day. */
  responsibleLeaderIds: string[];
  /** Times the office urged it (催办) in the period, on the tasks supervised. */
  timesUrged: number;
}

/** Filters of the responsibility board (a unit, an official) and a page of units. */
export interface ResponsibilityQuery extends SortedPageArgs<SortFieldOf<'responsibility'>> {
  unitId?: string | null | undefined;
  /** Only the units of this unit's subtree (itself and the units below it). */
  unitSubtree?: string | null | undefined;
  officialId?: string | null | undefined;
  /** Only the tasks of this kind count: the scores, lights and counts of matters of one source. */
  kind?: TaskKind | null | undefined;
  /** A closed period's settlement: the board is then of its last day, the period closed. */
  settlement?: ClosedPeriod | null | undefined;
}

/** The responsibility board of a day: a page of units, and the officials. */
export interface ResponsibilityBoard extends BoardStamp, Page<UnitResponsibility> {
  /** The scoring period: the year to date, or the settled year. */
  period: string;
  /** The settlement (年度结算) the scores are of; null for the year to date. */
  settlement: ClosedPeriod | null;
  officials: OfficialResponsibility[];
}

const countBy = <T>(
  items: readonly T[],
  key: (item: T) => string | null,
): Map<string | null, number> => {
  const counts = new Map<string | null, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** Every unit's row of a view, made once per view: the boards asked until the next write share them. */
const unitRows = perView((view: BoardView): UnitResponsibility[] => {
  const board = standings(view);
  const blocked = openBlockageRows(view).rows;
  const tallies = unitTallies(view);
  const failures = unitFailures(view);
  const blockedUnits = countBy(blocked, (b) => b.blockedUnitId);
  const waitedOn = countBy(blocked, (b) => b.waitingOnUnitId);
  const below = subUnitTotals(view, board);
  return board.ranked.map((score): UnitResponsibility => {
    const tally = tallies.get(score.unitId) ?? noTally;
    const failed = failures.get(score.unitId) ?? [];
    return {
      unitId: score.unitId,
      unitName: view.unitName(score.unitId),
      category: score.category,
      rank: score.rank,
      score: score.score,
      deductions: firstItems(score.items),
      deductionCount: score.items.length,
      bonusPoints: score.bonusPoints,
      failedTasks: firstItems(failed),
      failedTaskCount: failed.length,
      tasksLed: tally.tasksLed,
      tasksCoOwned: tally.tasksCoOwned,
      ...statsOf(tally.led),
      coOwnedLights: tally.coOwnedLights,
      openBlockages: blockedUnits.get(score.unitId) ?? 0,
      waitedOnBlockages: waitedOn.get(score.unitId) ?? 0,
      responsibleLeaderIds: holdersOn(view.terms, score.unitId, 'responsible_leader', view.day),
      timesUrged: tally.timesUrged,
      ...below(score.unitId),
    };
  });
});

/** What a unit's deductions add up to, per list of its score items: a unit scored again has a new list. */
const lostByItems = new WeakMap<readonly ScoreItem[], number>();
const lostOf = (items: readonly ScoreItem[]): number => {
  const known = lostByItems.get(items);
  if (known !== undefined) return known;
  const lost = items.reduce((sum, item) => (item.points < 0 ? sum + item.points : sum), 0);
  lostByItems.set(items, lost);
  return lost;
};

/** What a unit's sub-units lost between them, for the units with any below them. */
const subUnitTotals = (view: BoardView, board: Standings) => {
  const lost = new Map(board.ranked.map((score) => [score.unitId, lostOf(score.items)]));
  return (unitId: string): Pick<UnitResponsibility, 'subUnits' | 'subUnitDeductions'> => {
    const subtree = [...(view.subtree(unitId) ?? [])].filter((id) => id !== unitId);
    if (subtree.length === 0) return {};
    const points = subtree.reduce((sum, id) => sum + (lost.get(id) ?? 0), 0);
    return { subUnits: subtree.length, subUnitDeductions: Math.round(points * 100) / 100 };
  };
};

/**
 * The units by category (in `unitCategories` order), then rank within it; the
 * bodies not ranked come last.
 */
const rankKey = (row: UnitResponsibility): number | null =>
  row.rank === null ? null : unitCategories.indexOf(row.category) * 1_000_000 + row.rank;

const order: RowOrder<UnitResponsibility, SortFieldOf<'responsibility'>> = {
  defaultSort: { field: 'rank', direction: 'asc' },
  key: (field) => (row) =>
    field === 'red' ? row.lights.red : field === 'rank' ? rankKey(row) : row[field],
  id: (row) => row.unitId,
};

/**
 * The responsibility board (盯责任): per unit, the tasks it leads and co-owns,
 * their lights, its on-time rate, overdue milestones, open blockages, score and
 * rank for the year to date with every deduction; per official, the same for
 * the tasks they were responsible leader of on the day, and who held which post.
 */
export const buildResponsibilityBoard = (
  input: BoardInput,
  query: ResponsibilityQuery,
): ResponsibilityBoard => {
  const settlement = query.settlement ?? null;
  const view = boardView(kindInput(inputOf(input, settlement), query.kind));
  const blocked = openBlockageRows(view).rows;
  const subtree = view.subtree(query.unitSubtree);
  const units = unitRows(view).filter(
    (row) => (!query.unitId || row.unitId === query.unitId) && inSubtree(subtree, row.unitId),
  );
  return {
    ...stampOf(input),
    period: view.period.name,
    settlement,
    officials: officialRows(view, blocked, query),
    ...sortedPage(units, query, order),
  };
};
