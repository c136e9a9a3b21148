/** Milestones: planned, reported on, completed and reopened; the clock's facts about them. */
export const milestoneTypeDefs = /* GraphQL */ `
  extend type Mutation {
    planMilestone(input: PlanMilestoneInput!): PlanMilestonePayload!
    reportProgress(input: ReportProgressInput!): RevisionPayload!
    completeMilestone(input: CompleteMilestoneInput!): RevisionPayload!
    reopenMilestone(input: ReopenMilestoneInput!): RevisionPayload!
    "The office gives an open milestone to a cooperating unit of the task, or back to the lead unit."
    assignMilestoneOwner(input: AssignMilestoneOwnerInput!): RevisionPayload!
  }

  type Milestone {
    id: ID!
    title: String!
    dueDate: Date!
    weight: Float!
    progress: Int!
    status: String!
    completedAt: DateTime
    lastReportedAt: DateTime
    "The due date as first planned; dueDate is the current one, after any extension approved."
    originalDueDate: Date!
    lastReportedByUnit: Unit
    "The cooperating unit whose part this milestone is (it reports on and completes it); null: the lead unit's."
    ownerUnit: Unit
    lastNote: String
    "Open and recorded overdue by the clock for its current due date."
    overdue: Boolean!
    reminders: [MilestoneReminder!]!
    overdueRecords: [MilestoneOverdueRecord!]!
    reopenings: [MilestoneReopening!]!
    extensions: [DeadlineExtension!]!
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

  input PlanMilestoneInput {
    taskId: ID!
    title: String!
    dueDate: Date!
    weight: Float
    "A cooperating unit given this milestone as its own part; absent: the lead unit's."
    ownerUnitId: ID
    idempotencyKey: String
  }

  input ReportProgressInput {
    taskId: ID!
    milestoneId: ID!
    percent: Int!
    note: String
    "Files named by SHA-256 and size; the files stay with the unit."
    evidence: [EvidenceInput!]
    idempotencyKey: String
  }

  input AssignMilestoneOwnerInput {
    taskId: ID!
    milestoneId: ID!
    "A cooperating unit of the task; null or absent: back to the lead unit."
    ownerUnitId: ID
    reason: String!
    idempotencyKey: String
  }

  input CompleteMilestoneInput {
    taskId: ID!
    milestoneId: ID!
    note: String
    idempotencyKey: String
  }

  input ReopenMilestoneInput {
    taskId: ID!
    milestoneId: ID!
    reason: String!
    idempotencyKey: String
  }

  type PlanMilestonePayload {
    milestoneId: ID!
    revision: Int!
    position: Int!
  }
`;
