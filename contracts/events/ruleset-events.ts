import type { MatterKind } from './matter-sources.ts';

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

/** Working days from the day issued to the due date of a kind of matter, when none is given. */
export interface MatterLimit {
  kind: MatterKind;
  workingDays: number;
}

/** Time limits and the score of matters (事项来源): see `matterDefaults`. */
export interface MatterRules {
  /** Each kind at most once; a kind left out has its default (`matterLimitOf`). */
  limits: readonly MatterLimit[];
  /** Working days from a 不满意 to the new due date of 重新办理. */
  redoWorkingDays: number;
  /** Points (≤ 0) the lead unit loses for each 不满意 of a proposer. */
  dissatisfiedDeduction: number;
}

/**
 * The rules of matters when a ruleset has none (every ruleset published before
 * matters existed). Time limits in working days from the day issued:
 * - 领导批示件 10: local 督查 practice gives 批示件 5 to 15 working days to report
 *   the result (报结), 10 the common one;
 * - 会议议定事项 20 and 领导交办事项 10: about a month and two weeks, the usual
 *   terms of a 会议纪要's 督办 and of an assignment without its own date;
 * - 人大代表建议 and 政协委员提案 60, about three months: the provinces'
 *   代表建议、批评和意见办理办法 (e.g. 福建: “应当在交办之日起三个月内办理完毕并书面答复
 *   代表”, up to six with leave) under the 代表法, and local 建议提案 办理 notices the
 *   same for 提案 (“收到建议、提案之日起3个月内办理完毕并答复代表和委员”);
 * - 群众诉求/督查线索 15: 12345 hotline rules close a general request in 5 to 7
 *   working days and a complex one in 15; a clue the office supervises is the
 *   complex kind.
 * 重新办理 20 working days, about a month: a province's rules implementing the
 * 代表法 have a dissatisfied deputy's 建议 studied again and answered again
 * “在交办之日起一个月内”. A 不满意 costs the lead unit
 * 1 point: an assumed value, as the 建议提案办理 考核 of local governments count
 * 满意率 in their scores without one national figure.
 */
export const matterDefaults: MatterRules = Object.freeze({
  limits: Object.freeze([
    { kind: 'leader_instruction', workingDays: 10 },
    { kind: 'meeting_decision', workingDays: 20 },
    { kind: 'leader_assignment', workingDays: 10 },
    { kind: 'deputy_suggestion', workingDays: 60 },
    { kind: 'cppcc_proposal', workingDays: 60 },
    { kind: 'public_clue', workingDays: 15 },
  ] as const),
  redoWorkingDays: 20,
  dissatisfiedDeduction: -1,
});

/** The rules of matters of `ruleset`: its own, or `matterDefaults`. */
export const matterRulesOf = (ruleset: { matters?: MatterRules | undefined }): MatterRules =>
  ruleset.matters ?? matterDefaults;

/** The working days `kind` is given under `rules`: its own limit, or the default. */
export const matterLimitOf = (rules: MatterRules, kind: MatterKind): number => {
  const own = rules.limits.find((limit) => limit.kind === kind);
  const fallback = matterDefaults.limits.find((limit) => limit.kind === kind);
  return own?.workingDays ?? fallback?.workingDays ?? 0;
};

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
  /** Time limits and the score of matters; absent: `matterDefaults`. */
  matters?: MatterRules;
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
