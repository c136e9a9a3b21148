import { type Ruleset, timeLimitsOf } from '../../contracts/events/ruleset-events.ts';
import type { Deduction, Lapse } from './scoring-facts.ts';

const reasons = {
  report_missed: (lapse: Lapse) =>
    `no progress report on task ${lapse.taskId} in the period to ${lapse.ref} (未按期报送)`,
  reply_overdue: (lapse: Lapse) => `${lapse.ref} of task ${lapse.taskId} not answered in time`,
} as const satisfies Record<Lapse['kind'], (lapse: Lapse) => string>;

/**
 * Each time limit a unit let lapse costs it the ruleset's points: a missed
 * report `missedReportPoints`, a late or unanswered 催办 or 督办单
 * `lateReplyPoints` (广元: a yellow warning 1 point off the year's assessment).
 * Not capped per task: each lapse is a fact of its own.
 */
export const lapseDeductions = (
  lapses: readonly Lapse[],
  ruleset: Pick<Ruleset, 'timeLimits'>,
): Deduction[] => {
  const limits = timeLimitsOf(ruleset);
  const points = {
    report_missed: limits.missedReportPoints,
    reply_overdue: limits.lateReplyPoints,
  };
  return lapses.map((lapse) => ({
    unitId: lapse.unitId,
    rule: lapse.kind,
    points: points[lapse.kind],
    ref: `${lapse.taskId}/${lapse.ref}`,
    reason: reasons[lapse.kind](lapse),
  }));
};
