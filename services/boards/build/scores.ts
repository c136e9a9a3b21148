import {
  defaultUnitCategory,
  isRanked,
  type UnitCategory,
  unitCategories,
} from '../../../contracts/events/index.ts';
import { limitOf } from '../../../domain/calendar/work-calendar.ts';
import type {
  AccountabilityDeduction,
  Bonus,
  Dissatisfaction,
  Lapse,
  RedTask,
  UnitScore,
} from '../../../domain/judgement/index.ts';
import {
  type Deduction,
  otherScoreItems,
  rank,
  type TaskDeductions,
  taskDeductions,
  type UnitScoring,
  unitItemsOfTasks,
  unitScoreOf,
  unitScoresOfItems,
  unitsOfTask,
} from '../../../domain/judgement/index.ts';
import { type BoardView, perTaskOfView, perView } from './board-view.ts';
import { taskFailure } from './failed-tasks.ts';
import { groupInto } from './grouping.ts';
import { isFollowed } from './input.ts';
import { perKeyOfView } from './per-key.ts';
import { type PingPongRow, pingPongs } from './ping-pong.ts';
import type { TaskFacts } from './task-facts.ts';

/**
 * A unit's score with its place among the units of its category (null: a
 * supervising or discipline body, not ranked).
 */
export type StandingRow = UnitScore & { category: UnitCategory; rank: number | null };

/** The period's scores and ranking of the units, with what they were computed from. */
export interface Standings {
  /** Ranked units by category, each best first; then the units not ranked. */
  ranked: StandingRow[];
  pingPongs: PingPongRow[];
}

/**
 * Accountability decisions (问责) of the period against units, in the order they
 * were recorded (a cap applies in that order); a recommendation (问责建议) takes
 * nothing off until the discipline bodies decide it. Records against an official are
 * a person's, shown on the official's row, not taken off a unit's score; records
 * of terminated tasks still count.
 */
const accountability = (view: BoardView): AccountabilityDeduction[] =>
  periodEntries(view)
    .accountability.map(({ entry }) => entry)
    .filter((entry) => entry.against.kind === 'unit' && entry.status !== 'recommended')
    .map((entry) => ({
      recordId: entry.recordId,
      unitId: entry.against.id,
      // Recorded as points to take off (≥ 0); a deduction is ≤ 0. `0 -` keeps 0 from becoming −0.
      points: 0 - entry.scoreDeduction,
      reason: entry.reason,
    }));

type TaskDoc = BoardView['input']['docs']['tasks'][number];
type Found<E> = { taskId: string; entry: E }[];
/** The task documents' lists whose entries count in the period they were recorded in. */
type PeriodLists = Pick<TaskDoc, 'accountability' | 'bonuses' | 'lapses' | 'evaluations'>;
type EntryOf<K extends keyof PeriodLists> = NonNullable<PeriodLists[K]>[number];

/**
 * The entries each task document lists under `accountability`, `bonuses`,
 * `lapses` and `evaluations` that were recorded in the view's period, each
 * with its task, in the order they were recorded; entries of tasks terminated
 * since still count. One pass over the documents for the four.
 */
const periodEntries = perView((view: BoardView) => {
  const { from, to } = view.period;
  const found: { [K in keyof PeriodLists]-?: Found<EntryOf<K>> } = {
    accountability: [],
    bonuses: [],
    lapses: [],
    evaluations: [],
  };
  const collect = <E extends { day: string; position: number }>(
    taskId: string,
    entries: readonly E[] | undefined,
    into: Found<E>,
  ) => {
    // Nothing made for the many tasks with none.
    if (entries === undefined) return;
    for (const entry of entries) {
      if (entry.day >= from && entry.day <= to) into.push({ taskId, entry });
    }
  };
  for (const task of view.input.docs.tasks) {
    collect(task.id, task.accountability, found.accountability);
    collect(task.id, task.bonuses, found.bonuses);
    collect(task.id, task.lapses, found.lapses);
    collect(task.id, task.evaluations, found.evaluations);
  }
  for (const list of Object.values(found)) list.sort((a, b) => a.entry.position - b.entry.position);
  return found;
});

/**
 * Bonus points (加分) awarded in the period, in the order they were recorded
 * (the cap per period applies in that order): a settled year counts its own
 * year's awards only. Awards on tasks terminated since still count.
 */
const bonuses = (view: BoardView): Bonus[] =>
  periodEntries(view).bonuses.map(({ taskId, entry }) => ({
    bonusId: entry.bonusId,
    taskId,
    unitId: entry.unitId,
    kind: entry.kind,
    points: entry.points,
    reason: entry.reason,
  }));

/**
 * Time limits let lapse in the period (未按期报送, replies late), in the order the
 * clock recorded them; lapses of tasks terminated since still count.
 */
const lapses = (view: BoardView): Lapse[] =>
  periodEntries(view).lapses.map(({ taskId, entry }) => ({
    taskId,
    unitId: entry.unitId,
    kind: entry.kind,
    ref: entry.ref,
  }));

/**
 * Proposers' 不满意 recorded in the period, against the lead unit that answered;
 * ratings of terminated matters still count.
 */
const dissatisfactions = (view: BoardView): Dissatisfaction[] =>
  periodEntries(view)
    .evaluations.filter(({ entry }) => entry.rating === 'dissatisfied')
    .map(({ taskId, entry }) => ({
      taskId,
      evaluationId: entry.evaluationId,
      unitId: entry.unitId,
      comment: entry.comment,
    }));

/**
 * The tasks red on the day and not yet due (their limit not passed), far behind
 * their expected progress, with no deadline missed yet (that lateness is
 * counted already): they weigh on the day's standing, not on a settled
 * period's (every limit of which has passed).
 */
const redTaskOf = (facts: TaskFacts, view: BoardView): RedTask | null => {
  if (view.period.closed) return null;
  const lead = facts.task.leadUnitId;
  const behindRed = facts.behind > view.input.ruleset.lights.redBehindPoints;
  if (lead === null || facts.done || facts.lit !== 'red' || !behindRed) return null;
  if (taskFailure(facts, view) !== null) return null;
  if (limitOf(view.input.calendars, facts.task.dueDate) < view.day) return null;
  return { taskId: facts.task.id, leadUnitId: lead, behind: facts.behind };
};

const none: readonly [] = [];

/**
 * Each supervised task's deductions for its missed deadlines, its returns for
 * rework and its red light (null: none), in the view's task order: after a
 * write, only the changed tasks' are taken again.
 */
const deductionsPerTask = perTaskOfView((facts, view): TaskDeductions | null => {
  const failed = taskFailure(facts, view);
  const red = redTaskOf(facts, view);
  if (failed === null && red === null) return null;
  return taskDeductions(
    failed?.missed ?? none,
    failed?.reworks ?? none,
    red ? [red] : none,
    view.input.ruleset.scoring,
  );
});

/** Each unit's deductions for the tasks' missed deadlines, returns and red lights, in order. */
const taskItemsByUnit = perKeyOfView(
  deductionsPerTask,
  (task) => (task === null ? none : unitsOfTask(task)),
  // A chunk's deductions by the unit each is against, each kind in task order.
  (tasks) => {
    const byUnit = new Map<
      string,
      { deadlines: Deduction[]; reworks: Deduction[]; red: Deduction[] }
    >();
    for (const task of tasks) {
      if (task === null) continue;
      for (const kind of ['deadlines', 'reworks', 'red'] as const) {
        for (const item of task[kind]) {
          let own = byUnit.get(item.unitId);
          if (own === undefined) {
            own = { deadlines: [], reworks: [], red: [] };
            byUnit.set(item.unitId, own);
          }
          own[kind].push(item);
        }
      }
    }
    return byUnit;
  },
  // The chunks' pieces in task order: every deadline first, then returns, then red tasks.
  (unitId, pieces) => unitItemsOfTasks(unitId, pieces),
);

/** A unit's last score, and what it was made of: its task items (the same list) and other items. */
const lastScores = new Map<
  string,
  { period: string; taskItems: readonly Deduction[]; others: string; score: UnitScore }
>();

/**
 * `unitScoreOf`, each unit's last score taken again when its task items are
 * the same list and its other items (few: ping-pong, accountability, lapses,
 * 不满意, bonuses) the same values: after a write only the units it touched
 * add their items up again.
 */
const scoredOnce =
  (period: string): UnitScoring =>
  (unitId, taskItems, otherItems) => {
    const others = JSON.stringify(otherItems);
    const known = lastScores.get(unitId);
    if (known?.taskItems === taskItems && known.others === others && known.period === period) {
      return known.score;
    }
    const score = unitScoreOf(unitId, period, [...taskItems, ...otherItems]);
    lastScores.set(unitId, { period, taskItems, others, score });
    return score;
  };

/**
 * Ranks units within their category (督查考核 ranks like with like: 分类排名); the
 * supervising and discipline bodies are scored but not ranked. A unit the
 * directory does not know (named only by a task) is a government department.
 */
const rankedByCategory = (view: BoardView, scores: readonly UnitScore[]): StandingRow[] => {
  const categoryOf = new Map(view.input.docs.units.map((unit) => [unit.id, unit.category]));
  const byCategory = new Map<UnitCategory, UnitScore[]>();
  for (const score of scores) {
    groupInto(byCategory, categoryOf.get(score.unitId) ?? defaultUnitCategory, score);
  }
  const ranked: StandingRow[] = [];
  const unranked: StandingRow[] = [];
  for (const category of unitCategories) {
    const group = byCategory.get(category) ?? [];
    if (isRanked(category)) ranked.push(...rank(group).map((row) => ({ ...row, category })));
    else unranked.push(...group.map((row) => ({ ...row, category, rank: null })));
  }
  return [...ranked, ...unranked];
};

/**
 * Every unit's score for the year to date (or a settled year) under the ruleset
 * in force on the day (督查考核), ranked: missed deadlines, red tasks not yet due,
 * returns for rework, ping-pong and accountability taken off, bonus points up to
 * the period's cap added.
 */
export const standings = perView((view: BoardView): Standings => {
  const bounced = pingPongs(view);
  const facts = {
    period: view.period.name,
    unitIds: view.input.docs.units.map((unit) => unit.id),
    pingPongs: bounced,
    accountability: accountability(view),
    bonuses: bonuses(view),
    lapses: lapses(view),
    dissatisfactions: dissatisfactions(view),
  };
  const scores = unitScoresOfItems(
    facts.period,
    facts.unitIds,
    taskItemsByUnit(view),
    otherScoreItems(facts, view.input.ruleset),
    // Documents held in memory change a write at a time; a past day's units are scored afresh.
    isFollowed(view.input) ? scoredOnce(facts.period) : undefined,
  );
  return { ranked: rankedByCategory(view, scores), pingPongs: bounced };
});
