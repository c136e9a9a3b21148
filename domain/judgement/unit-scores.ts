import { validationError } from '../../contracts/errors.ts';
import type { Ruleset, ScoringRules } from '../../contracts/events/index.ts';
import { pointsText, roundPoints } from './points.ts';
import type {
  AccountabilityDeduction,
  Deduction,
  ScoringFacts,
  UnitScore,
} from './scoring-facts.ts';

/** Every unit starts a period with 100 points. */
export const startingScore = 100;

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];

/** Lead unit −5, each cooperating unit −3 per failed task (DESIGN §4 defaults). */
const failedTaskDeductions = (facts: ScoringFacts, scoring: ScoringRules): Deduction[] =>
  facts.failedTasks.flatMap((task) => [
    {
      unitId: task.leadUnitId,
      rule: 'lead_unit_failed_task' as const,
      points: scoring.leadUnitFailedTask,
      ref: task.taskId,
      reason: `lead unit of failed task ${task.taskId}`,
    },
    ...unique(task.cooperatingUnitIds)
      .filter((unitId) => unitId !== task.leadUnitId)
      .map((unitId) => ({
        unitId,
        rule: 'cooperating_unit_failed_task' as const,
        points: scoring.cooperatingUnitFailedTask,
        ref: task.taskId,
        reason: `cooperating unit of failed task ${task.taskId}`,
      })),
  ]);

/** −1 for each unit in a transfer/return ping-pong (DESIGN §4 default). */
const pingPongDeductions = (facts: ScoringFacts, scoring: ScoringRules): Deduction[] =>
  facts.pingPongs.flatMap((pingPong) =>
    unique(pingPong.unitIds).map((unitId) => ({
      unitId,
      rule: 'ping_pong' as const,
      points: scoring.pingPongPerUnit,
      ref: pingPong.taskId,
      reason: `transfer/return ping-pong of task ${pingPong.taskId}`,
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
const accountabilityDeductions = (facts: ScoringFacts, scoring: ScoringRules): Deduction[] => {
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

const byUnitId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each unit's score for one period under `ruleset` (亮赛比): 100, less the
 * deductions for failed tasks, ping-pong and accountability, each itemised.
 * Scores are not floored at 0. Sorted by unit id; `rank` orders them.
 */
export const unitScores = (facts: ScoringFacts, ruleset: Pick<Ruleset, 'scoring'>): UnitScore[] => {
  const deductions = [
    ...failedTaskDeductions(facts, ruleset.scoring),
    ...pingPongDeductions(facts, ruleset.scoring),
    ...accountabilityDeductions(facts, ruleset.scoring),
  ];
  const unitIds = unique([...facts.unitIds, ...deductions.map((item) => item.unitId)]);
  const byUnit = new Map<string, Deduction[]>();
  for (const item of deductions) {
    const own = byUnit.get(item.unitId);
    if (own) own.push(item);
    else byUnit.set(item.unitId, [item]);
  }
  return unitIds.sort(byUnitId).map((unitId) => {
    const own = byUnit.get(unitId) ?? [];
    const lost = own.reduce((sum, item) => sum + item.points, 0);
    return {
      unitId,
      period: facts.period,
      score: roundPoints(startingScore + lost),
      deductions: own,
    };
  });
};
