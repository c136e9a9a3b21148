/**
 * Reading tasks: the task page (`Task`, its parts typed by their areas), the
 * list as a connection, and the history of a task's stream. `…By` fields are
 * actor ids; `…At` the time the fact was recorded.
 */
export const taskQueryTypeDefs = /* GraphQL */ `
  extend type Query {
    task(id: ID!): Task
    "The task list. Every filter given narrows it; sorted by due date unless sortBy says otherwise."
    tasks(
      first: Int = 50
      after: String
      leadUnitId: ID
      status: TaskStatus
      section: String
      "Any of these statuses."
      statuses: [TaskStatus!]
      "true: only tasks with a milestone recorded overdue; false: only those without."
      overdue: Boolean
      "true: only tasks with an open blockage; false: only those without."
      blocked: Boolean
      sortBy: TaskSortField
      sortDirection: TaskSortDirection
    ): TaskConnection!
    """
    The events of the task's stream with who recorded them, a page at a time,
    oldest first within a page: forwards (first, after; 100 from the start when
    nothing is given) or backwards (last, before: the newest when no cursor).
    """
    taskHistory(
      taskId: ID!
      "1–200."
      first: Int
      after: String
      "1–200."
      last: Int
      before: String
    ): HistoryEventConnection!
  }

  "Terminated, closed (办结), suspended and a pending completion report override the work's own status."
  enum TaskStatus {
    registered
    assigned
    "签收: the lead unit signed for its assignment."
    signed
    in_progress
    completed
    "办结报告 awaiting the office."
    completion_reported
    "办结: the completion was accepted."
    closed
    suspended
    terminated
  }

  enum TaskSortField {
    dueDate
    "The earliest due date of an open milestone."
    nextDueDate
    progress
    "The latest activity on the task."
    updatedAt
    title
  }

  enum TaskSortDirection {
    asc
    desc
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
    "Open milestones the clock recorded overdue."
    overdueMilestones: Int!
    "When its last open milestone was completed; null while any is open."
    completedAt: DateTime
    lastReportedAt: DateTime
    signatures: [Signature!]!
    "Assignments, transfers and returns of the lead, oldest first."
    handovers: [Handover!]!
    extensions: [DeadlineExtension!]!
    indicators: [Indicator!]!
    notices: [SupervisionNotice!]!
    "催办 sent to its units, oldest first."
    urges: [Urge!]!
    instructions: [LeadershipInstruction!]!
    accountabilityRecords: [AccountabilityRecord!]!
    completion: Completion!
    suspended: Boolean!
    suspensions: [Suspension!]!
    termination: Termination
    "The events of the task's stream, a page at a time, as taskHistory gives them."
    history(first: Int, after: String, last: Int, before: String): HistoryEventConnection!
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
    responsibleLeader: String
    "The earliest current due date of an open milestone."
    nextDueDate: Date
    overdueMilestones: Int!
    position: Int!
  }

  type TaskEdge {
    cursor: String!
    node: TaskSummary!
  }

  type TaskConnection {
    edges: [TaskEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type HistoryEventEdge {
    cursor: String!
    node: HistoryEvent!
  }

  "A page of a task's history: each cursor names one event's revision in the stream."
  type HistoryEventConnection {
    edges: [HistoryEventEdge!]!
    pageInfo: PageInfo!
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
    "RFC 6962 leaf hash of the event's canonical bytes (hex), as the audit log holds it."
    leafHash: String!
    "Whether a signed tree head already covers this event."
    coveredBySignedHead: Boolean!
  }
`;
