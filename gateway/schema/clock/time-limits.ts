import type { Ruleset } from '../../../contracts/events/index.ts';
import { timeLimitsOf } from '../../../contracts/events/ruleset-events.ts';

/** The time limits of a ruleset and what the clock did with them in a run. */
export const timeLimitRuleTypeDefs = /* GraphQL */ `
  "The colour a slip escalates to at most; NONE: the clock issues no slip."
  enum EscalationCeiling {
    "Up to blue (提示)."
    BLUE
    "Up to yellow (督办)."
    YELLOW
    "Up to red (专报)."
    RED
    "No slip: the lapses are recorded only."
    NONE
  }

  "Working days to answer a slip, by colour."
  type SlipReplyDays {
    "Blue (提示)."
    blue: Int!
    "Yellow (督办)."
    yellow: Int!
    "Red (专报)."
    red: Int!
  }

  "The time limits the clock watches, in working days, and what missing them costs."
  type TimeLimitRules {
    "Working days after its assignment a unit has to sign (签收)."
    signingWorkingDays: Int!
    "Working days a clock 催办 gives to answer."
    urgeReplyWorkingDays: Int!
    "Working days a slip the clock issues gives to answer, by colour."
    noticeReplyWorkingDays: SlipReplyDays!
    "The highest colour an unanswered matter is escalated to (蓝 → 黄 → 红)."
    escalateUpTo: EscalationCeiling!
    "Points (≤ 0) a lead unit loses per period with no report (未按期报送)."
    missedReportPoints: Float!
    "Points (≤ 0) a unit loses per 催办 or 督办单 answered late or not at all."
    lateReplyPoints: Float!
    "A liaison's (联络员) report waits for the unit head's approval (审核)."
    liaisonReportNeedsApproval: Boolean!
  }

  extend type Ruleset {
    "The time limits the clock watches: the version's own, or the defaults where it names none."
    timeLimits: TimeLimitRules!
  }

  "Working days to answer a slip, by colour, to publish; 1–60 each."
  input SlipReplyDaysInput {
    "Blue (提示)."
    blue: Int!
    "Yellow (督办)."
    yellow: Int!
    "Red (专报)."
    red: Int!
  }

  "Time limits to publish."
  input TimeLimitRulesInput {
    "1–60 working days."
    signingWorkingDays: Int!
    "1–60 working days."
    urgeReplyWorkingDays: Int!
    "By colour."
    noticeReplyWorkingDays: SlipReplyDaysInput!
    "The highest colour the clock escalates to."
    escalateUpTo: EscalationCeiling!
    "−100 to 0."
    missedReportPoints: Float!
    "−100 to 0."
    lateReplyPoints: Float!
    "Whether a liaison's report waits for the unit head."
    liaisonReportNeedsApproval: Boolean!
  }

  extend input PublishRulesetInput {
    "The clock's time limits; absent: the defaults."
    timeLimits: TimeLimitRulesInput
  }

  extend type ClockRun {
    "Signing reminders (签收提醒) recorded."
    signingReminded: Int!
    "催办 of units still unsigned after their reminder."
    signingUrged: Int!
    "Missed reports (未按期报送) recorded, each with its 催办."
    reportsMissed: Int!
    "催办 and 督办单 recorded overdue, each with the next colour's slip where the rules ask."
    repliesOverdue: Int!
  }
`;

export const timeLimitRuleResolvers = {
  Ruleset: {
    /** Versions published before time limits existed read the defaults. */
    timeLimits: (ruleset: Ruleset) => timeLimitsOf(ruleset),
  },
};
