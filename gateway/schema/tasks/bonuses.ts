import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Bonus points (加分) a leader awards a responsible unit of a task. */
export const bonusTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    加分, by a leader: bonus points for the lead or a cooperating unit of the task, a
    commendation or an early completion. VALIDATION on unitId for a unit not responsible
    for the task, or a supervising or discipline body (not ranked, so no bonus applies);
    on points beyond 0 to the ruleset's bonusPerAwardMax. EARLY_COMPLETION needs the
    task's completion accepted (办结) before its due date's limit, once per unit:
    ILLEGAL_STATE otherwise. A unit's bonuses add at most the ruleset's bonusCapPerPeriod
    in a year. Roles: LEADER.
    """
    awardBonus(
      "The task, the unit, the kind, the points and why."
      input: AwardBonusInput!
    ): AwardBonusPayload!
  }

  "表扬 or 提前完成."
  enum BonusKind {
    "表扬: a commendation, e.g. a leader's 肯定性批示 or praise from above."
    COMMENDATION
    """
    提前完成: the task's completion was accepted (办结) before its due date's limit (the due
    date, or the first working day after it).
    """
    EARLY_COMPLETION
  }

  "加分: bonus points a leader awarded a responsible unit of the task."
  type BonusAward {
    "The award's id, unique within its task."
    id: ID!
    "The unit awarded."
    unit: Unit!
    "表扬 or 提前完成."
    kind: BonusKind!
    "Points added, more than 0; a unit's bonuses count up to the ruleset's cap per year."
    points: Float!
    "Why."
    reason: String!
    "The business day awarded: the year it counts in."
    awardedOn: Date!
    "When it was recorded."
    awardedAt: DateTime!
    "The leader who awarded it."
    awardedBy: ID!
  }

  "Bonus points (加分) to award."
  input AwardBonusInput {
    "The task it is about."
    taskId: ID!
    "The lead or a cooperating unit of the task; not a supervising or discipline body."
    unitId: ID!
    "表扬 or 提前完成 (a task accepted before its due date's limit)."
    kind: BonusKind!
    "Points, more than 0 and at most the ruleset's bonusPerAwardMax (default 5)."
    points: Float!
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "An awarded bonus: its id, and where the command left the log."
  type AwardBonusPayload {
    "The new award's id, unique within its task."
    bonusId: ID!
${commandPositionFields}  }
`;
