import type {
  AccountabilityDeduction,
  Ranked,
  UnitScore,
} from '../../../domain/judgement/index.ts';
import { rank, unitScores } from '../../../domain/judgement/index.ts';
import { type BoardView, perView } from './board-view.ts';
import { type FailedTaskRow, failedTasks } from './failed-tasks.ts';
import { type PingPongRow, pingPongs } from './ping-pong.ts';

/** The period's scores and ranking of the units, with what they were computed from. */
export interface Standings {
  ranked: Ranked<UnitScore>[];
  failed: FailedTaskRow[];
  pingPongs: PingPongRow[];
}

/**
 * Accountability records (问责) of the period against units, in the order they
 * were recorded (a cap applies in that order). Records against an official are
 * a person's, shown on the official's row, not taken off a unit's score; records
 * of terminated tasks still count.
 */
const accountability = (view: BoardView): AccountabilityDeduction[] =>
  view.input.docs.tasks
    .flatMap((task) => task.accountability)
    .filter((entry) => entry.against.kind === 'unit')
    .filter((entry) => entry.day >= view.period.from && entry.day <= view.period.to)
    .sort((a, b) => a.position - b.position)
    .map((entry) => ({
      recordId: entry.recordId,
      unitId: entry.against.id,
      // Recorded as points to take off (≥ 0); a deduction is ≤ 0. `0 -` keeps 0 from becoming −0.
      points: 0 - entry.scoreDeduction,
      reason: entry.reason,
    }));

/**
 * Every unit's score for the year to date under the ruleset in force on the
 * day (亮赛比), ranked: failed tasks, ping-pong and accountability deductions.
 */
export const standings = perView((view: BoardView): Standings => {
  const failed = failedTasks(view);
  const bounced = pingPongs(view);
  const facts = {
    period: view.period.name,
    unitIds: view.input.docs.units.map((unit) => unit.id),
    failedTasks: failed,
    pingPongs: bounced,
    accountability: accountability(view),
  };
  return { ranked: rank(unitScores(facts, view.input.ruleset)), failed, pingPongs: bounced };
});
