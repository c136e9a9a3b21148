import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Accountability (问责) against a unit or an official, with the points it takes off. */
export const accountabilityTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    问责, by the office or an inspector: holds a unit or an official to account for the
    task, with the points it takes off. Roles: OFFICE, INSPECTOR.
    """
    recordAccountability(
      "The task, who is held to account, how and why."
      input: RecordAccountabilityInput!
    ): RecordAccountabilityPayload!
  }

  "约谈, 责令检查, 通报批评; and for an official only: 诫勉谈话, 警告, 记过."
  enum AccountabilityKind {
    "约谈: an admonitory interview."
    INTERVIEW
    "责令检查: ordered to examine itself and report."
    ORDERED_SELF_EXAMINATION
    "通报批评: public criticism."
    CRITICISM
    "诫勉谈话: an admonishment; an official only."
    ADMONISHMENT
    "警告: a warning; an official only."
    WARNING
    "记过: a demerit; an official only."
    DEMERIT
  }

  "Who is held to account."
  enum AccountabilitySubjectKind {
    "A unit of the directory."
    UNIT
    "An official (干部) of the directory."
    OFFICIAL
  }

  "A unit or an official held to account."
  type AccountabilitySubject {
    "A unit or an official."
    kind: AccountabilitySubjectKind!
    "The unit's or the official's id."
    id: ID!
    "The unit, when the subject is one."
    unit: Unit
  }

  "问责: a unit or an official held to account for a task, and the points it took off."
  type AccountabilityRecord {
    "The record's id, unique within its task."
    id: ID!
    "Who is held to account."
    against: AccountabilitySubject!
    "How."
    kind: AccountabilityKind!
    "Why."
    reason: String!
    """
    Points taken off the subject, 0 to 100. A unit's come off its score for the year
    (督查考核), up to the ruleset's cap; an official's are shown on the official's row.
    """
    scoreDeduction: Float!
    """
    DECIDED (问责决定), or RECOMMENDED (问责建议): a sanction of a person (ADMONISHMENT,
    WARNING, DEMERIT) the office passes on for the discipline bodies to decide; it takes
    nothing off until decided.
    """
    status: AccountabilityStatus!
    "When it was recorded."
    recordedAt: DateTime!
    "The office or inspector actor who recorded it."
    recordedBy: ID!
  }

  "Whether an accountability record is a decision or a recommendation."
  enum AccountabilityStatus {
    "问责决定: taken by the inspector (discipline bodies), or the office's own measure."
    DECIDED
    "问责建议: the office recommends a sanction of a person; the discipline bodies decide it."
    RECOMMENDED
  }

  "A unit or an official, by directory id."
  input AccountabilitySubjectInput {
    "A unit or an official."
    kind: AccountabilitySubjectKind!
    "The registered unit's or official's id."
    id: ID!
  }

  "An accountability record (问责) to make."
  input RecordAccountabilityInput {
    "The task it is about."
    taskId: ID!
    "Who is held to account."
    against: AccountabilitySubjectInput!
    """
    How; ADMONISHMENT, WARNING and DEMERIT apply to an official only, and recorded by the
    office they are a recommendation (问责建议) for the discipline bodies to decide.
    """
    kind: AccountabilityKind!
    "Why; 1–2000 characters."
    reason: String!
    "Points taken off the subject's score, 0 to 100; 0 when absent."
    scoreDeduction: Float
${idempotencyKeyField}  }

  "A recorded accountability: its id, and where the command left the log."
  type RecordAccountabilityPayload {
    "The new record's id, unique within its task."
    recordId: ID!
${commandPositionFields}  }
`;
