import type { Deduction } from '../../../domain/judgement/index.ts';
import { holdersOn } from '../../../domain/posts-timeline.ts';
import { openBlockageRows } from './blockage-rows.ts';
import { type BoardView, boardView } from './board-view.ts';
import { type BoardInput, type BoardStamp, stampOf } from './input.ts';
import { countLights, type LightCounts } from './light-counts.ts';
import {
  type Blocked,
  type OfficialResponsibility,
  officialRows,
} from './official-responsibility.ts';
import { type Page, type RowOrder, type SortedPageArgs, sortedPage } from './paging.ts';
import { type ResponsibilityStats, responsibilityStats } from './responsibility-stats.ts';
import { type Standings, standings } from './scores.ts';
import type { SortFieldOf } from './sort-fields.ts';

/** A failed task as it counts against one unit. */
export interface UnitFailure {
  taskId: string;
  title: string;
  role: 'lead' | 'cooperating';
  reasons: string[];
}

/** One unit on the responsibility board (盯责任). */
export interface UnitResponsibility extends ResponsibilityStats {
  unitId: string;
  unitName: string | null;
  rank: number;
  score: number;
  /** Every point taken off, item by item. */
  deductions: Deduction[];
  failedTasks: UnitFailure[];
  tasksLed: number;
  tasksCoOwned: number;
  /** Lights of the tasks it co-owns (counted under their lead unit elsewhere). */
  coOwnedLights: LightCounts;
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
  officialId?: string | null | undefined;
}

/** The responsibility board of a day: a page of units, and the officials. */
export interface ResponsibilityBoard extends BoardStamp, Page<UnitResponsibility> {
  /** The scoring period: the year to date. */
  period: string;
  officials: OfficialResponsibility[];
}

const failuresOf = (unitId: string, board: Standings): UnitFailure[] =>
  board.failed.flatMap((failed) => {
    const role =
      failed.leadUnitId === unitId
        ? ('lead' as const)
        : failed.cooperatingUnitIds.includes(unitId)
          ? ('cooperating' as const)
          : null;
    return role
      ? [{ taskId: failed.taskId, title: failed.title, role, reasons: failed.reasons }]
      : [];
  });

const timesUrged = (unitId: string, view: BoardView): number =>
  view.tasks
    .flatMap((facts) => facts.task.urges ?? [])
    .filter((urge) => urge.unitId === unitId && urge.day >= view.period.from).length;

const unitRows = (view: BoardView, board: Standings, blocked: readonly Blocked[]) =>
  board.ranked.map((score): UnitResponsibility => {
    const led = view.tasks.filter((facts) => facts.task.leadUnitId === score.unitId);
    const coOwned = view.tasks.filter((f) => f.task.cooperatingUnitIds.includes(score.unitId));
    return {
      unitId: score.unitId,
      unitName: view.unitName(score.unitId),
      rank: score.rank,
      score: score.score,
      deductions: score.deductions,
      failedTasks: failuresOf(score.unitId, board),
      tasksLed: led.length,
      tasksCoOwned: coOwned.length,
      ...responsibilityStats(led, view),
      coOwnedLights: countLights(coOwned.map((facts) => facts.lit)),
      openBlockages: blocked.filter((b) => b.blockedUnitId === score.unitId).length,
      waitedOnBlockages: blocked.filter((b) => b.waitingOnUnitId === score.unitId).length,
      responsibleLeaderIds: holdersOn(view.terms, score.unitId, 'responsible_leader', view.day),
      timesUrged: timesUrged(score.unitId, view),
    };
  });

const order: RowOrder<UnitResponsibility, SortFieldOf<'responsibility'>> = {
  defaultSort: { field: 'rank', direction: 'asc' },
  key: (field) => (row) => (field === 'red' ? row.lights.red : row[field]),
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
  const view = boardView(input);
  const board = standings(view);
  const blocked = openBlockageRows(view).rows;
  const units = unitRows(view, board, blocked).filter(
    (row) => !query.unitId || row.unitId === query.unitId,
  );
  return {
    ...stampOf(input),
    period: view.period.name,
    officials: officialRows(view, blocked, query),
    ...sortedPage(units, query, order),
  };
};
