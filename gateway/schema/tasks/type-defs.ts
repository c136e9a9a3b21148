/** Tasks, milestones, blockages and units. Fields may be added; none may change meaning. */
export const taskTypeDefs = /* GraphQL */ `
  extend type Query {
    task(id: ID!): Task
    tasks(first: Int = 50, after: String, leadUnitId: ID, status: TaskStatus, section: String): TaskConnection!
    units: [Unit!]!
    "Every event of the task's stream, in order, with who recorded it."
    taskHistory(taskId: ID!): [HistoryEvent!]!
  }

  type Mutation {
    registerUnit(input: RegisterUnitInput!): RegisterUnitPayload!
    registerTask(input: RegisterTaskInput!): RegisterTaskPayload!
    assignTask(input: AssignTaskInput!): RevisionPayload!
    planMilestone(input: PlanMilestoneInput!): PlanMilestonePayload!
    reportProgress(input: ReportProgressInput!): RevisionPayload!
    completeMilestone(input: CompleteMilestoneInput!): RevisionPayload!
    reportBlockage(input: ReportBlockageInput!): ReportBlockagePayload!
    resolveBlockage(input: ResolveBlockageInput!): RevisionPayload!
  }

  enum TaskStatus {
    registered
    assigned
    in_progress
    completed
  }

  type Unit {
    id: ID!
    name: String
    registeredAt: DateTime
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
  }

  type Blockage {
    id: ID!
    description: String!
    waitingOnUnitId: ID
    status: String!
    reportedAt: DateTime
    resolvedAt: DateTime
    resolution: String
  }

  type Task {
    id: ID!
    title: String!
    description: String
    section: String
    plannedStart: Date!
    dueDate: Date!
    status: TaskStatus!
    "Weighted average of the milestones' progress, 0–100."
    progress: Float!
    leadUnit: Unit
    cooperatingUnits: [Unit!]!
    responsibleLeader: String
    milestones: [Milestone!]!
    blockages: [Blockage!]!
    openBlockages: Int!
    registeredAt: DateTime
    updatedAt: DateTime
    "Global position of the last event this view reflects."
    position: Int!
    revision: Int!
  }

  type TaskSummary {
    id: ID!
    title: String!
    section: String
    status: TaskStatus!
    progress: Float!
    leadUnit: Unit
    plannedStart: Date!
    dueDate: Date!
    milestoneCount: Int!
    completedMilestones: Int!
    openBlockages: Int!
    updatedAt: DateTime
  }

  type TaskEdge {
    cursor: String!
    node: TaskSummary!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type TaskConnection {
    edges: [TaskEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type HistoryEvent {
    id: ID!
    position: Int!
    revision: Int!
    type: String!
    version: Int!
    recordedAt: DateTime!
    actor: Actor!
    correlationId: String
    data: JSON
  }

  input RegisterUnitInput {
    id: ID
    name: String!
    idempotencyKey: String
  }

  input RegisterTaskInput {
    title: String!
    description: String
    section: String
    plannedStart: Date!
    dueDate: Date!
    idempotencyKey: String
  }

  input AssignTaskInput {
    taskId: ID!
    leadUnitId: ID!
    cooperatingUnitIds: [ID!]
    responsibleLeader: String
    idempotencyKey: String
  }

  input PlanMilestoneInput {
    taskId: ID!
    title: String!
    dueDate: Date!
    weight: Float
    idempotencyKey: String
  }

  input ReportProgressInput {
    taskId: ID!
    milestoneId: ID!
    percent: Int!
    note: String
    idempotencyKey: String
  }

  input CompleteMilestoneInput {
    taskId: ID!
    milestoneId: ID!
    note: String
    idempotencyKey: String
  }

  input ReportBlockageInput {
    taskId: ID!
    description: String!
    waitingOnUnitId: ID
    idempotencyKey: String
  }

  input ResolveBlockageInput {
    taskId: ID!
    blockageId: ID!
    resolution: String!
    idempotencyKey: String
  }

  type RegisterUnitPayload {
    id: ID!
    revision: Int!
    position: Int!
  }

  type RegisterTaskPayload {
    id: ID!
    revision: Int!
    position: Int!
  }

  type PlanMilestonePayload {
    milestoneId: ID!
    revision: Int!
    position: Int!
  }

  type ReportBlockagePayload {
    blockageId: ID!
    revision: Int!
    position: Int!
  }

  "The stream revision after the command, and the global position of its last event."
  type RevisionPayload {
    revision: Int!
    position: Int!
  }
`;
