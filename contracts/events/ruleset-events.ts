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
  /**
   * Time limits the clock watches (签收, reports, replies) and what missing them
   * costs. Absent in versions published before they existed: `timeLimitDefaults`
   * (read through `timeLimitsOf`).
   */
  timeLimits?: TimeLimitRules;
}

/** Events of the `rules` stream: the published versions, in order. */
export type RulesetEvent = { type: 'RulesetPublished'; data: Ruleset };

export type RulesetEventType = RulesetEvent['type'];

export const rulesetEventTypes = [
  'RulesetPublished',
] as const satisfies readonly RulesetEventType[];

/** A slip colour of a supervision notice, as the time limit rules name them. */
type SlipColour = 'blue' | 'yellow' | 'red';

/**
 * The time limits the clock watches, in working days, and the points missing
 * them costs (each ≤ 0, per missed fact, in the period of the day it is recorded).
 */
export interface TimeLimitRules {
  /** Working days after its assignment a responsible unit has to sign (签收). */
  signingWorkingDays: number;
  /** Working days a clock 催办 gives the unit to answer. */
  urgeReplyWorkingDays: number;
  /** Working days a notice the clock issues gives the unit to answer, per colour. */
  noticeReplyWorkingDays: Record<SlipColour, number>;
  /**
   * The highest colour the clock escalates an unanswered matter to: an overdue
   * 催办 or missed report goes to blue, an unanswered blue to yellow, then red.
   * `none`: the clock records the lapses and issues no notice.
   */
  escalateUpTo: SlipColour | 'none';
  /** Points a lead unit loses for each period with no progress report (未按期报送). */
  missedReportPoints: number;
  /** Points a unit loses for each 督办单 or 催办 it answered late or not at all. */
  lateReplyPoints: number;
  /** A liaison's (联络员) progress report waits for the unit head's approval (审核). */
  liaisonReportNeedsApproval: boolean;
}

/**
 * The time limits of a ruleset that names none. The ladder follows 三明市
 * 人民政府办公室's 三色督查单 rules (2017: a 催办 of slow work comes with a blue
 * slip; a blue slip not met in its time limit without good reason is followed by
 * an orange one, an orange one by a red one; m.mnw.cn/news/sm/1855869.html), and
 * 宿迁产发集团's 蓝黄红三色督办单 (2025: blue near the limit, yellow behind, red
 * overdue; sqgzw.suqian.gov.cn/gzw/gqfc/202506/c520c452698d42cebc27aed37067306c.shtml).
 * Each step shortens the time to answer (5, 3, 2 working days). Points after
 * 广元市's 红黄蓝 warnings on 环保督察 rectification (2018: a yellow counts 1 point
 * off the year's assessment, a red 2 and an interview of the unit's main leader):
 * a late or unanswered slip costs 1 point, a missed report half of one.
 * Signing within 2 working days; a liaison's report is approved by the unit head.
 */
export const timeLimitDefaults: TimeLimitRules = Object.freeze({
  signingWorkingDays: 2,
  urgeReplyWorkingDays: 3,
  noticeReplyWorkingDays: Object.freeze({ blue: 5, yellow: 3, red: 2 }),
  escalateUpTo: 'red',
  missedReportPoints: -0.5,
  lateReplyPoints: -1,
  liaisonReportNeedsApproval: true,
});

/** The time limits of a ruleset: its own, or the defaults where it names none. */
export const timeLimitsOf = (ruleset: Pick<Ruleset, 'timeLimits'>): TimeLimitRules =>
  ruleset.timeLimits ?? timeLimitDefaults;
