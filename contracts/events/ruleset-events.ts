/**
 * Light thresholds (红黄绿灯). Behind = expected − actual progress, in points:
 * green up to `yellowBehindPoints` behind, yellow above it, red above
 * `redBehindPoints`; yellow also when not done and due within `yellowDueWithinDays`.
 */
export interface LightRules {
  yellowBehindPoints: number;
  redBehindPoints: number;
  yellowDueWithinDays: number;
}

/** Days an open blockage (堵点) waits before it goes up a level. */
export interface EscalationRules {
  toResponsibleLeaderAfterDays: number;
  toMainLeaderAfterDays: number;
}

/** Points (≤ 0) a unit loses per period (督查考核 scoring). */
export interface ScoringRules {
  /** A lead unit's deadline not done (one task costs a unit at most this); late: a graded share. */
  leadUnitFailedTask: number;
  /** A cooperating unit's own milestone not done. */
  cooperatingUnitFailedTask: number;
  /** Each unit that returned a task in one transfer/return ping-pong of it. */
  pingPongPerUnit: number;
  /** The most (a number ≤ 0) a unit loses to accountability records in one period; null: no cap. */
  accountabilityDeductionCap: number | null;
}

/**
 * One version of the rules (规则版本). Every past board is recomputed under the
 * version in force on its date, so a version never changes once published.
 */
export interface Ruleset {
  version: number;
  /** The first day (`YYYY-MM-DD`) the version applies to. */
  inForceFrom: string;
  lights: LightRules;
  /** Working days before a due date's limit the due-soon reminder is recorded. */
  reminderLeadDays: number;
  escalation: EscalationRules;
  scoring: ScoringRules;
  note: string | null;
}

/** Events of the `rules` stream: the published versions, in order. */
export type RulesetEvent = { type: 'RulesetPublished'; data: Ruleset };

export type RulesetEventType = RulesetEvent['type'];

export const rulesetEventTypes = [
  'RulesetPublished',
] as const satisfies readonly RulesetEventType[];
