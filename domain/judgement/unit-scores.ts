import { validationError } from '../../contracts/errors.ts';
import {
  type MatterRules,
  matterRulesOf,
  type Ruleset,
  type ScoringRules,
} from '../../contracts/events/index.ts';
import { bonusItems } from './bonus-items.ts';
import { deadlineDeductions, redTaskDeductions, reworkDeductions } from './deadline-deductions.ts';
import { lapseDeductions } from './lapse-deductions.ts';
import { pointsText, roundPoints } from './points.ts';
import type {
  AccountabilityDeduction,
  Deduction,
  MissedDeadline,
  RedTask,
  ReturnedForRework,
  ScoreItem,
  ScoringFacts,
  UnitScore,
} from './scoring-facts.ts';

/** The facts scored beside the tasks' own deductions. */
export type OtherScoringFacts = Omit<
  ScoringFacts,
  'missedDeadlines' | 'returnedForRework' | 'redTasks'
>;

/** Every unit starts a period with 100 points. */
export const startingScore = 100;

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** −1 for each unit that returned a task in a ping-pong (DESIGN §4 default). */
const pingPongDeductions = (facts: OtherScoringFacts, scoring: ScoringRules): Deduction[] =>
  facts.pingPongs.flatMap((pingPong) =>
    unique(pingPong.unitIds).map((unitId) => ({
      unitId,
      rule: 'ping_pong' as const,
      points: scoring.pingPongPerUnit,
      ref: pingPong.taskId,
      reason: `returned task ${pingPong.taskId} in a transfer/return ping-pong`,
    })),
  );

const recordPoints = (record: AccountabilityDeduction, index: number): number => {
  const { points } = record;
  if (typeof points !== 'number' || !Number.isFinite(points) || points > 0) {
    throw validationError(`accountability[${index}].points`, 'must be a number ≤ 0');
  }
  return points;
};

/**
 * Accountability deductions in the order given; once a unit's total reaches the
 * cap, later records are listed with what was still taken (possibly 0), so the
 * score stays explained item by item.
 */
const accountabilityDeductions = (facts: OtherScoringFacts, scoring: ScoringRules): Deduction[] => {
  const cap = scoring.accountabilityDeductionCap;
  const taken = new Map<string, number>();
  return facts.accountability.map((record, index) => {
    const points = recordPoints(record, index);
    const before = taken.get(record.unitId) ?? 0;
    const applied = cap === null ? points : Math.max(points, Math.min(0, cap - before));
    taken.set(record.unitId, before + applied);
    const capped = applied !== points ? ` (capped at ${pointsText(cap ?? 0)} per period)` : '';
    return {
      unitId: record.unitId,
      rule: 'accountability' as const,
      points: applied,
      ref: record.recordId,
      reason: `accountability ${record.recordId}: ${record.reason}${capped}`,
    };
  });
};

/**
 * Each 不满意 of a proposer costs the lead unit that answered the ruleset's
 * dissatisfiedDeduction; a later 满意 after 重新办理 does not take it back: the
 * first answer fell short.
 */
const dissatisfiedDeductions = (
  facts: OtherScoringFacts,
  matters: { matters?: MatterRules | undefined },
): Deduction[] =>
  (facts.dissatisfactions ?? []).map((item) => ({
    unitId: item.unitId,
    rule: 'proposer_dissatisfied' as const,
    points: matterRulesOf(matters).dissatisfiedDeduction,
    ref: `${item.taskId}/${item.evaluationId}`,
    reason: `proposer dissatisfied with the answer to task ${item.taskId}: ${item.comment}`,
  }));

const taskOf = (ref: string): string => ref.split('/')[0] ?? ref;

/** Each item's unit and task, as `cappedPerTask` keys it: the same items come again and again. */
const capKeys = new WeakMap<Deduction, string>();

const capKeyOf = (item: Deduction): string => {
  let key = capKeys.get(item);
  if (key === undefined) {
    key = `${item.unitId}|${taskOf(item.ref)}`;
    capKeys.set(item, key);
  }
  return key;
};

/**
 * One task costs a unit at most what missing it outright costs its lead unit:
 * the task's items in the order given, each taking what is left under that
 * (possibly 0, still listed), so a task with many late milestones counts once.
 */
const cappedPerTask = (items: readonly Deduction[], scoring: ScoringRules): Deduction[] => {
  const cap = scoring.leadUnitFailedTask;
  const taken = new Map<string, number>();
  return items.map((item) => {
    const key = capKeyOf(item);
    const before = taken.get(key) ?? 0;
    const applied = roundPoints(Math.max(item.points, Math.min(0, cap - before)));
    taken.set(key, before + applied);
    return applied === item.points
      ? item
      : { ...item, points: applied, reason: `${item.reason} (task capped at ${pointsText(cap)})` };
  });
};

const byUnitId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sumOf = (items: readonly ScoreItem[]): number =>
  items.reduce((sum, item) => sum + item.points, 0);

const isBonus = (item: ScoreItem): boolean => item.rule === 'bonus' || item.rule === 'bonus_capped';

/** One task's deductions by kind, each capped as `cappedPerTask` caps them (see `taskDeductions`). */
export interface TaskDeductions {
  deadlines: readonly Deduction[];
  reworks: readonly Deduction[];
  red: readonly Deduction[];
}

/**
 * One task's missed deadlines, returns for rework and red light as deductions,
 * capped as one task: what `unitScores` takes off for them, since the cap is
 * per unit and task (every item's `ref` names its task).
 */
export const taskDeductions = (
  missed: readonly MissedDeadline[],
  returned: readonly ReturnedForRework[],
  red: readonly RedTask[],
  scoring: ScoringRules,
): TaskDeductions => {
  const deadlines = deadlineDeductions(missed, scoring);
  const reworks = reworkDeductions(returned, scoring);
  const capped = cappedPerTask(
    [...deadlines, ...reworks, ...redTaskDeductions(red, scoring)],
    scoring,
  );
  const reworksFrom = deadlines.length;
  const redFrom = reworksFrom + reworks.length;
  return {
    deadlines: capped.slice(0, reworksFrom),
    reworks: capped.slice(reworksFrom, redFrom),
    red: capped.slice(redFrom),
  };
};

/** The items of a period other than the tasks' own deductions, in the order `unitScores` lists them. */
export const otherScoreItems = (
  facts: OtherScoringFacts,
  ruleset: Pick<Ruleset, 'scoring' | 'timeLimits'> & { matters?: MatterRules | undefined },
): ScoreItem[] => {
  const { scoring } = ruleset;
  return [
    ...pingPongDeductions(facts, scoring),
    ...accountabilityDeductions(facts, scoring),
    ...lapseDeductions(facts.lapses ?? [], ruleset),
    ...dissatisfiedDeductions(facts, ruleset),
    ...bonusItems(facts.bonuses, scoring),
  ];
};

/** A unit's score from its own items, in order: 100 plus their points, and the bonus points among them. */
export const unitScoreOf = (unitId: string, period: string, own: ScoreItem[]): UnitScore => ({
  unitId,
  period,
  score: roundPoints(startingScore + sumOf(own)),
  items: own,
  bonusPoints: roundPoints(sumOf(own.filter(isBonus))),
});

/** `items` by the unit each is against, each unit's in the order given. */
const byUnitOf = <T extends ScoreItem>(items: readonly T[]): Map<string, T[]> => {
  const byUnit = new Map<string, T[]>();
  for (const item of items) {
    const own = byUnit.get(item.unitId);
    if (own) own.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  return byUnit;
};

/** Every item of a period, the tasks' deductions given, scored per unit (see `unitScores`). */
const scoresOf = (
  facts: OtherScoringFacts,
  taskItems: readonly Deduction[],
  ruleset: Pick<Ruleset, 'scoring' | 'timeLimits'> & { matters?: MatterRules | undefined },
): UnitScore[] => {
  const byUnit = byUnitOf(taskItems);
  return unitScoresOfItems(facts.period, facts.unitIds, byUnit, otherScoreItems(facts, ruleset));
};

/**
 * Each unit's score for one period under `ruleset` (督查考核): 100, less the
 * deductions, each itemised — missed deadlines graded by lateness and split
 * with the units waited on, red tasks not yet due, returns for rework (one
 * task costing a unit at most a missed task), ping-pong, accountability and
 * time limits let lapse (reports missed, replies late), proposers' 不满意 —
 * plus its bonus points (加分) up to the period's cap:
 * 100 − deductions + min(cap, bonuses). Scores are not floored at 0. Sorted by
 * unit id; `rank` orders them.
 */
export const unitScores = (
  facts: ScoringFacts,
  ruleset: Pick<Ruleset, 'scoring' | 'timeLimits'> & { matters?: MatterRules | undefined },
): UnitScore[] => {
  const { scoring } = ruleset;
  const taskItems = cappedPerTask(
    [
      ...deadlineDeductions(facts.missedDeadlines, scoring),
      ...reworkDeductions(facts.returnedForRework, scoring),
      ...redTaskDeductions(facts.redTasks, scoring),
    ],
    scoring,
  );
  return scoresOf(facts, taskItems, ruleset);
};

/** The kinds of a task's deductions, in the order `unitScores` lists them. */
const deductionKinds = ['deadlines', 'reworks', 'red'] as const;

/** The units `task`'s deductions are against, each once. */
export const unitsOfTask = (task: TaskDeductions): Set<string> => {
  const units = new Set<string>();
  for (const kind of deductionKinds) for (const item of task[kind]) units.add(item.unitId);
  return units;
};

/**
 * The deductions of `tasks` (each task's, in the tasks' order) against
 * `unitId`, as `unitScores` lists them: every task's missed deadlines, then
 * every task's returns for rework, then the red tasks.
 */
export const unitItemsOfTasks = (unitId: string, tasks: readonly TaskDeductions[]): Deduction[] => {
  const own: Deduction[] = [];
  for (const kind of deductionKinds) {
    for (const task of tasks)
      for (const item of task[kind]) if (item.unitId === unitId) own.push(item);
  }
  return own;
};

/** How a unit is scored from its task items and its other items (`unitScoreOf` of the two, by default). */
export type UnitScoring = (
  unitId: string,
  taskItems: readonly Deduction[],
  otherItems: readonly ScoreItem[],
) => UnitScore;

/**
 * Every unit's score, sorted by unit id: the units given (the directory's)
 * and every unit an item is against, each scored from its task items
 * (`unitItemsOfTasks`, by unit) and then its items of `others`
 * (`otherScoreItems`), in order.
 */
export const unitScoresOfItems = (
  period: string,
  unitIds: readonly string[],
  taskItems: ReadonlyMap<string, readonly Deduction[]>,
  others: readonly ScoreItem[],
  scoring: UnitScoring = (unitId, own, other) => unitScoreOf(unitId, period, [...own, ...other]),
): UnitScore[] => {
  const othersByUnit = byUnitOf(others);
  return unique([...unitIds, ...taskItems.keys(), ...othersByUnit.keys()])
    .sort(byUnitId)
    .map((unitId) => scoring(unitId, taskItems.get(unitId) ?? [], othersByUnit.get(unitId) ?? []));
};

/**
 * `unitScores` with each task's deductions taken already (`taskDeductions`,
 * in the tasks' order): the scores `unitScores` gives when the facts list the
 * tasks in that order, items in the same order (every task's missed
 * deadlines, then every task's returns, then the red tasks).
 */
export const unitScoresOfTasks = (
  facts: OtherScoringFacts,
  tasks: readonly TaskDeductions[],
  ruleset: Pick<Ruleset, 'scoring' | 'timeLimits'> & { matters?: MatterRules | undefined },
): UnitScore[] => {
  const units = new Set<string>();
  for (const task of tasks) for (const unitId of unitsOfTask(task)) units.add(unitId);
  const taskItems = new Map([...units].map((unitId) => [unitId, unitItemsOfTasks(unitId, tasks)]));
  return unitScoresOfItems(facts.period, facts.unitIds, taskItems, otherScoreItems(facts, ruleset));
};
