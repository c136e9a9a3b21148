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

/**
 * Points a unit loses per period (督查考核 scoring, each ≤ 0), and the bounds of
 * the bonus points (加分) it may gain.
 */
export interface ScoringRules {
  /** A lead unit's deadline not done (one task costs a unit at most this); late: a graded share. */
  leadUnitFailedTask: number;
  /** A cooperating unit's own milestone not done. */
  cooperatingUnitFailedTask: number;
  /** Each unit that returned a task in one transfer/return ping-pong of it. */
  pingPongPerUnit: number;
  /** The most (a number ≤ 0) a unit loses to accountability records in one period; null: no cap. */
  accountabilityDeductionCap: number | null;
  /** The most points (≥ 0) one bonus award (加分) may add. Since version 2 of RulesetPublished. */
  bonusPerAwardMax: number;
  /**
   * The most points (≥ 0) a unit's bonuses add in one period (the year): the rest
   * is not counted. Since version 2 of RulesetPublished.
   */
  bonusCapPerPeriod: number;
}

/**
 * The bonus bounds of a ruleset published before they existed (RulesetPublished
 * v1), and of the defaults: one award at most 5 points, a unit's awards at most 5
 * points a year. After local practice: a county's 政务督查考评办法 adds 3 points
 * for a county leader's 肯定性批示 and 5 for a city leader's; a 2013 note on the
 * 2012 政绩考核 (www.hxw.gov.cn/content/2013/02/28/410042.html) counts 表彰加分 at
 * most 5 points, a unit above 5 counted as 5.
 */
export const bonusDefaults = Object.freeze({ bonusPerAwardMax: 5, bonusCapPerPeriod: 5 });

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
