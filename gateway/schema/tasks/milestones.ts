import { commandPositionFields, idempotencyKeyField } from '../shared-fields.ts';

/** Milestones: planned, reported on, completed and reopened; the clock's facts about them. */
export const milestoneTypeDefs = /* GraphQL */ `
  extend type Mutation {
    """
    Plans a milestone (节点) of the task, due within the task's planned span. Not on a
    closed task, nor while a completion report (办结报告) awaits the office. Roles: OFFICE.
    """
    planMilestone(
      "The milestone to plan."
      input: PlanMilestoneInput!
    ): PlanMilestonePayload!
    """
    Reports how far an open milestone is, with evidence. A lower percent than before is a
    correction and needs a note. The office records a unit's report only as 代录, naming the
    unit's source (proxySource); the report then speaks for the milestone's owner. Not on a
    suspended or closed task. Roles: OFFICE (代录); DEPARTMENT_HEAD of the lead unit, or of the
    cooperating unit the milestone belongs to; LIAISON (联络员) of such a unit, whose report is a
    draft the unit head approves (approveProgressReport) where the ruleset asks for it.
    """
    reportProgress(
      "The milestone and its percent done."
      input: ReportProgressInput!
    ): RevisionPayload!
    """
    Completes an open milestone: it counts as 100 percent done. The office only as 代录, with
    proxySource. Not on a suspended or closed task. Roles: OFFICE (代录); DEPARTMENT_HEAD of the
    lead unit, or of the cooperating unit the milestone belongs to.
    """
    completeMilestone(
      "The milestone to complete."
      input: CompleteMilestoneInput!
    ): RevisionPayload!
    """
    Opens a completed milestone again (the work was found wanting), back at the percent
    last reported before its completion. Not on a closed task, nor while a completion
    report awaits the office. Roles: OFFICE, LEADER.
    """
    reopenMilestone(
      "The milestone and why it is reopened."
      input: ReopenMilestoneInput!
    ): RevisionPayload!
    """
    The office gives an open milestone to a cooperating unit of the task, or back to the
    lead unit; what was reported on it stays. Not on a closed task. Roles: OFFICE.
    """
    assignMilestoneOwner(
      "The milestone and its new owner."
      input: AssignMilestoneOwnerInput!
    ): RevisionPayload!
  }

  "Whether a milestone is still to be done."
  enum MilestoneStatus {
    "Not completed yet (or reopened)."
    OPEN
    "Completed: counts as 100 percent done."
    COMPLETED
  }

  "A milestone (节点) of a task as its page shows it."
  type Milestone {
    "The milestone's id, unique within its task."
    id: ID!
    "What is to be done by the due date."
    title: String!
    "The current due date: as planned, or as the last extension approved set it."
    dueDate: Date!
    "Its relative weight in the task's progress, above 0 and at most 100: weights 1:3 and 25:75 agree."
    weight: Float!
    "Percent done, 0–100: the last report's, 100 once completed."
    progress: Int!
    "Open or completed."
    status: MilestoneStatus!
    "When it was completed; null while open (a reopening clears it)."
    completedAt: DateTime
    "When progress was last reported on it; null before any report."
    lastReportedAt: DateTime
    "The due date as first planned; dueDate is the current one, after any extension approved."
    originalDueDate: Date!
    """
    The unit the last report spoke for: its department head's, or the owner's when the office
    recorded it (代录); null before any report, or for an office report recorded before 代录.
    """
    lastReportedByUnit: Unit
    "The source named when the office recorded the last report (代录); null when the unit reported."
    lastProxySource: String
    """
    The cooperating unit whose part this milestone is (it reports on and completes it); null:
    the lead unit's.
    """
    ownerUnit: Unit
    "The last progress report's note; null when it had none."
    lastNote: String
    "The files offered with the last progress report (佐证材料), by name and SHA-256; empty when it had none."
    lastEvidence: [Evidence!]!
    "Open and recorded overdue by the clock for its current due date."
    overdue: Boolean!
    """
    Which of its title, current due date and weight are the plan's assumptions (假定); a
    due date extended since (延期) is not. Empty: none.
    """
    assumed: [MilestoneAssumption!]!
    "The clock's due-soon reminders (提醒), one per due date, oldest first."
    reminders: [MilestoneReminder!]!
    "The clock's overdue records, one per due date passed undone, oldest first."
    overdueRecords: [MilestoneOverdueRecord!]!
    "Each time it was reopened, oldest first."
    reopenings: [MilestoneReopening!]!
    "The deadline extensions asked for it (延期), oldest first."
    extensions: [DeadlineExtension!]!
  }

  "The clock's due-soon reminder for one due date."
  type MilestoneReminder {
    "The due date it reminded of."
    dueDate: Date!
    """
    The business day (China Standard Time) the reminder is for: the ruleset's reminderLeadDays
    before the due date, or later.
    """
    remindedOn: Date!
    "When the clock recorded it."
    recordedAt: DateTime!
  }

  "The clock's record that a due date passed with the milestone open."
  type MilestoneOverdueRecord {
    "The due date that passed."
    dueDate: Date!
    "The business day (China Standard Time) it was recorded for: the day after the due date, or later."
    recordedOn: Date!
    "When the clock recorded it."
    recordedAt: DateTime!
  }

  "A completed milestone opened again."
  type MilestoneReopening {
    "Why it was reopened."
    reason: String!
    "The percent it went back to."
    percent: Int!
    "When it was reopened."
    reopenedAt: DateTime!
    "The actor who reopened it (an office or leader id)."
    reopenedBy: ID!
  }

  "A milestone to plan."
  input PlanMilestoneInput {
    "The task to plan it in."
    taskId: ID!
    "What is to be done by the due date; 1–200 characters."
    title: String!
    "Its due date, within the task's planned span (plannedStart to dueDate)."
    dueDate: Date!
    "Its relative weight in the task's progress, above 0 and at most 100; 1 when absent."
    weight: Float
    "A cooperating unit given this milestone as its own part; absent: the lead unit's."
    ownerUnitId: ID
    "What of it the plan assumed (假定: the work report does not state it), each once. Absent: none."
    assumed: [MilestoneAssumption!]
${idempotencyKeyField}  }

  "A value of a milestone that the plan took as an assumption (假定)."
  enum MilestoneAssumption {
    "What is to be done: the work report does not name this step."
    TITLE
    "The due date."
    DUE_DATE
    "The weight in the task's progress."
    WEIGHT
  }

  "A progress report on one milestone."
  input ReportProgressInput {
    "The task the milestone belongs to."
    taskId: ID!
    "The open milestone reported on."
    milestoneId: ID!
    "Percent done, a whole number 0–100; lower than the last report only with a note."
    percent: Int!
    "What was done, or why the percent went down; at most 2000 characters."
    note: String
    "Files named by SHA-256 and size, at most 20; the files stay with the unit."
    evidence: [EvidenceInput!]
    """
    代录: required from the office, refused from a unit. The unit's source: who reported, when
    and how (e.g. 联络员张三 6月30日电话报送); at most 2000 characters.
    """
    proxySource: String
${idempotencyKeyField}  }

  "A milestone given to another owner."
  input AssignMilestoneOwnerInput {
    "The task the milestone belongs to."
    taskId: ID!
    "The open milestone to give."
    milestoneId: ID!
    "A cooperating unit of the task; null or absent: back to the lead unit."
    ownerUnitId: ID
    "Why; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "A milestone to complete."
  input CompleteMilestoneInput {
    "The task the milestone belongs to."
    taskId: ID!
    "The open milestone to complete."
    milestoneId: ID!
    "What was done; at most 2000 characters."
    note: String
    "代录: required from the office, refused from a unit; the unit's source, as for a report."
    proxySource: String
${idempotencyKeyField}  }

  "A completed milestone to open again."
  input ReopenMilestoneInput {
    "The task the milestone belongs to."
    taskId: ID!
    "The completed milestone to reopen."
    milestoneId: ID!
    "Why it is not done after all; 1–2000 characters."
    reason: String!
${idempotencyKeyField}  }

  "A planned milestone: its id, and where the command left the log."
  type PlanMilestonePayload {
    "The new milestone's id, unique within its task."
    milestoneId: ID!
${commandPositionFields}  }
`;
