import { indicatorDefinitionFields } from '../shared-fields.ts';

/**
 * The parts of the task page (`Task`): who signed, handovers, extensions, the
 * clock's facts, blockage follow-up, indicators, notices, instructions,
 * accountability, completion review, suspension and termination. `…By` fields
 * are actor ids; `…At` the time the fact was recorded. Enums NoticeLevel,
 * IndicatorComparison, AccountabilityKind and AccountabilitySubjectKind come
 * from the supervision area, Role from the base.
 */
export const taskPageTypeDefs = /* GraphQL */ `
  "签收 of a unit; current while the assignment it signed for holds."
  type Signature {
    unit: Unit!
    signedAt: DateTime!
    signedBy: ID!
    current: Boolean!
  }

  enum HandoverKind {
    assigned
    transferred
    returned
  }

  "A change of the lead unit: assigned, transferred (with the reason) or returned as wrongly assigned."
  type Handover {
    kind: HandoverKind!
    fromUnit: Unit
    toUnit: Unit
    reason: String
    at: DateTime!
    by: ID!
  }

  enum ExtensionStatus {
    requested
    approved
    rejected
  }

  type DeadlineExtension {
    id: ID!
    milestoneId: ID!
    currentDueDate: Date!
    requestedDueDate: Date!
    reason: String!
    status: ExtensionStatus!
    requestedAt: DateTime!
    requestedBy: ID!
    decidedAt: DateTime
    "The leader who approved or rejected it."
    decidedBy: ID
    "The milestone's due date from the approval on."
    newDueDate: Date
    rejectionReason: String
  }

  "The clock's due-soon reminder for one due date."
  type MilestoneReminder {
    dueDate: Date!
    remindedOn: Date!
    recordedAt: DateTime!
  }

  "The clock's record that a due date passed with the milestone open."
  type MilestoneOverdueRecord {
    dueDate: Date!
    recordedOn: Date!
    recordedAt: DateTime!
  }

  type MilestoneReopening {
    reason: String!
    "The percent it went back to."
    percent: Int!
    reopenedAt: DateTime!
    reopenedBy: ID!
  }

  type BlockageEscalation {
    "1: to the responsible leader; 2: to the main leader."
    level: Int!
    "system: unresolved too long; leader: a leader raised it."
    escalatedByRole: Role!
    escalatedAt: DateTime!
    escalatedBy: ID!
  }

  type BlockageReopening {
    reason: String!
    "The resolution it had before it was reopened."
    previousResolution: String
    reopenedAt: DateTime!
    reopenedBy: ID!
  }

  "A file offered as evidence (佐证材料), named by its SHA-256."
  type Evidence {
    fileName: String!
    sha256: String!
    "Bytes."
    size: Float!
  }

  enum IndicatorSource {
    self_reported
    measured
  }

  type IndicatorValue {
    value: Float!
    "The day the value speaks of."
    asOf: Date!
    source: IndicatorSource!
    evidence: [Evidence!]!
    reportedByUnitId: ID
    reportedAt: DateTime!
    reportedBy: ID!
  }

  "实效: a measurable result and its latest values."
  type Indicator {
    id: ID!
${indicatorDefinitionFields}    definedAt: DateTime!
    valueCount: Int!
    "The value of the latest as-of day, from either source."
    latest: IndicatorValue
    latestSelfReported: IndicatorValue
    latestMeasured: IndicatorValue
  }

  "督办单 and its answer."
  type SupervisionNotice {
    id: ID!
    level: NoticeLevel!
    toUnit: Unit!
    subject: String!
    body: String!
    replyDueDate: Date!
    issuedAt: DateTime!
    issuedBy: ID!
    answered: Boolean!
    answer: String
    answerEvidence: [Evidence!]!
    answeredAt: DateTime
    answeredBy: ID
  }

  "催办 of the office; by is the actor who sent it."
  type Urge {
    urgeId: ID!
    unit: Unit!
    message: String!
    replyBy: Date
    "The business day it was sent on."
    urgedOn: Date!
    by: ID!
  }

  "批示; issuedBy is the leader."
  type LeadershipInstruction {
    id: ID!
    text: String!
    addressedToUnits: [Unit!]!
    issuedAt: DateTime!
    issuedBy: ID!
  }

  type AccountabilitySubject {
    kind: AccountabilitySubjectKind!
    id: ID!
    "The unit, when the subject is one."
    unit: Unit
  }

  "问责"
  type AccountabilityRecord {
    id: ID!
    against: AccountabilitySubject!
    kind: AccountabilityKind!
    reason: String!
    scoreDeduction: Float!
    recordedAt: DateTime!
    recordedBy: ID!
  }

  enum CompletionState {
    none
    reported
    accepted
    rejected
  }

  "退回重办: a completion report the office returned, with the reason."
  type CompletionRejection {
    summary: String
    reason: String!
    rejectedAt: DateTime!
    rejectedBy: ID!
  }

  "办结报告: summary and evidence are the last report's."
  type Completion {
    state: CompletionState!
    summary: String
    evidence: [Evidence!]!
    reportedAt: DateTime
    reportedBy: ID
    acceptedAt: DateTime
    acceptedBy: ID
    comment: String
    rejections: [CompletionRejection!]!
  }

  type Suspension {
    reason: String!
    suspendedAt: DateTime!
    suspendedBy: ID!
    resumeReason: String
    resumedAt: DateTime
    resumedBy: ID
  }

  type Termination {
    reason: String!
    terminatedAt: DateTime!
    terminatedBy: ID!
  }
`;
