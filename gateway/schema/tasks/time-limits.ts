import { idempotencyKeyField } from '../shared-fields.ts';

/**
 * The time limits the clock watches (签收, reporting cycles, replies to 催办 and
 * 督办单, the 蓝 → 黄 → 红 escalation), and the liaison's (联络员) draft reports
 * the unit head approves (审核).
 */
export const timeLimitTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Answers a 催办, once: the answer stops the clock's escalation. Roles: DEPARTMENT_HEAD of
    the unit urged.
    """
    answerUrge(
      "The urge and the answer."
      input: AnswerUrgeInput!
    ): RevisionPayload!
    """
    审核: the unit head approves a liaison's draft report; it reaches the office as the unit's
    progress report. Roles: DEPARTMENT_HEAD of the liaison's unit.
    """
    approveProgressReport(
      "The task and the draft."
      input: ApproveProgressReportInput!
    ): RevisionPayload!
    """
    The unit head sends a liaison's draft report back, with the reason. Roles:
    DEPARTMENT_HEAD of the liaison's unit.
    """
    returnProgressReport(
      "The task, the draft and why."
      input: ReturnProgressReportInput!
    ): RevisionPayload!
  }

  "How often the lead unit reports progress (报送周期)."
  enum ReportingCycle {
    "Each week, Monday to Sunday."
    WEEKLY
    "Each calendar month."
    MONTHLY
    "Each quarter."
    QUARTERLY
    "When its milestones move: no cycle the clock watches."
    ON_MILESTONES
  }

  "Whom a slip is addressed to in the unit's chain (三色督办单)."
  enum NoticeAddresseeRole {
    "Blue: the head of the unit."
    UNIT_HEAD
    "Yellow: the task's responsible leader (分管领导)."
    RESPONSIBLE_LEADER
    "Red: the main leader (主要领导)."
    MAIN_LEADER
  }

  "The addressee of a slip the clock issued."
  type NoticeAddressee {
    "Which step of the chain."
    role: NoticeAddresseeRole!
    "For UNIT_HEAD: the unit's id."
    unitId: ID
    "For RESPONSIBLE_LEADER: the leader the task names; null when none is named."
    official: String
  }

  "What kind of lapse the clock escalated into a slip."
  enum EscalationSourceKind {
    "A 督办单 not answered in time."
    NOTICE
    "A 催办 not answered in time (a missed report or a late signing is urged first)."
    URGE
  }

  "The lapse a slip escalates."
  type EscalationSource {
    "Notice, urge or missed report."
    kind: EscalationSourceKind!
    "For NOTICE: the slip before."
    noticeId: ID
    "For URGE: the urge."
    urgeId: ID
  }

  extend type SupervisionNotice {
    "Whom it is addressed to in the chain; null: issued by the office to the unit."
    addressee: NoticeAddressee
    "The lapse the clock escalated into it; null: issued by the office."
    escalatedFrom: EscalationSource
    "The slip the clock issued next for it, not answered in time; null: none."
    escalatedTo: ID
    "The day the clock recorded its reply overdue; null: not overdue."
    overdueOn: Date
  }

  "What the clock urged for."
  enum UrgeCause {
    "签收: not signed in time."
    SIGNING
    "未按期报送: no progress report in a period of the task's cycle."
    MISSED_REPORT
  }

  extend type Urge {
    "What the clock urged for; null: the office urged."
    cause: UrgeCause
    "The unit's answer; null until answered."
    answer: String
    "The business day it was answered; null until answered."
    answeredOn: Date
    "The day the clock recorded its reply overdue; null: not overdue."
    overdueOn: Date
    "The blue slip the clock issued for it, not answered in time; null: none."
    escalatedTo: ID
  }

  "未按期报送: a period of the cycle that passed with no progress report of the lead unit."
  type MissedReport {
    "The lead unit."
    unit: Unit!
    "The task's cycle."
    cycle: ReportingCycle!
    "The first day of the period."
    periodStart: Date!
    "The last day of the period."
    periodEnd: Date!
    "The day the clock recorded it."
    recordedOn: Date!
  }

  "A signing reminder (签收提醒): the unit had not signed within the ruleset's working days."
  type SigningReminder {
    "The unit reminded."
    unit: Unit!
    "The business day of its assignment."
    assignedOn: Date!
    "The last day of the signing limit."
    limitDate: Date!
    "The day the clock reminded."
    remindedOn: Date!
  }

  "Where a liaison's draft stands."
  enum DraftStatus {
    "Waiting for the unit head."
    PENDING
    "Approved: reported to the office."
    APPROVED
    "Sent back to the liaison."
    RETURNED
  }

  "A liaison's (联络员) draft progress report and the unit head's decision (审核)."
  type DraftReport {
    "The draft's id, unique within its task."
    draftId: ID!
    "The milestone reported on."
    milestoneId: ID!
    "The liaison's unit."
    unit: Unit!
    "The percent done it reports."
    percent: Int!
    "The liaison's note; null when none."
    note: String
    "Files offered with it."
    evidence: [Evidence!]!
    "The liaison's actor id."
    draftedBy: ID!
    "When it was drafted."
    draftedAt: DateTime!
    "Pending, approved or returned."
    status: DraftStatus!
    "The unit head who decided; null while pending."
    decidedBy: ID
    "When it was decided; null while pending."
    decidedAt: DateTime
    "Why it was sent back; null unless returned."
    returnReason: String
    "The liaison's name, as the token they drafted it with carried it; null when it carried none."
    draftedByName: String
  }

  extend type Task {
    "How often the lead unit reports progress (报送周期)."
    reportingCycle: ReportingCycle!
    "Periods with no report of the lead unit (未按期报送), oldest first."
    missedReports: [MissedReport!]!
    "Signing reminders the clock recorded, oldest first."
    signingReminders: [SigningReminder!]!
    "Liaisons' draft reports, oldest first: pending ones wait for the unit head."
    drafts: [DraftReport!]!
  }

  extend input AssignTaskInput {
    "How often the lead unit reports progress; absent: on its milestones."
    reportingCycle: ReportingCycle
  }

  extend input ReportProgressInput {
    """
    The id a liaison's report takes when it waits for the unit head's approval (审核):
    the task numbers its drafts when absent (draft-1, draft-2…). Ignored for a report recorded
    directly.
    """
    draftId: ID
  }

  "An answer to a 催办."
  input AnswerUrgeInput {
    "The task urged."
    taskId: ID!
    "The urge answered."
    urgeId: ID!
    "The answer; 1–4000 characters."
    answer: String!
${idempotencyKeyField}  }

  "A draft to approve."
  input ApproveProgressReportInput {
    "The task of the draft."
    taskId: ID!
    "The pending draft."
    draftId: ID!
${idempotencyKeyField}  }

  "A draft to send back."
  input ReturnProgressReportInput {
    "The task of the draft."
    taskId: ID!
    "The pending draft."
    draftId: ID!
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }
`;
