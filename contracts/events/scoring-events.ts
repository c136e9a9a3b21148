/**
 * A scoring period (督查考核: a calendar year) closed by the clock on the first
 * run after it ended: its settlement (年度结算). Everything due in the period
 * and not done by its last day is deducted then; the settled ranking is the
 * period's final one. Stream `scoring-period-<year>`, one event.
 */
export interface ClosedPeriod {
  /** The period's name: the year, e.g. `2021`. */
  period: string;
  from: string;
  to: string;
  /** The day the clock closed it: after `to`. */
  closedOn: string;
  /** The ruleset in force on the period's last day, which the settlement follows. */
  rulesetVersion: number;
}

export type ScoringEvent = { type: 'ScoringPeriodClosed'; data: ClosedPeriod };

export type ScoringEventType = ScoringEvent['type'];

export const scoringEventTypes = [
  'ScoringPeriodClosed',
] as const satisfies readonly ScoringEventType[];
