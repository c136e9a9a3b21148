/** The arguments of a page of a task's history, for `taskHistory` and `Task.history`. */
const historyPageArguments = /* GraphQL */ `
      "Forwards: how many events, 1–200 (100 when neither first nor last is given)."
      first: Int
      "Forwards: the endCursor of the page before; absent: from the task's first event."
      after: String
      "Backwards: how many events, 1–200 (100 when before comes alone); not with first or after."
      last: Int
      "Backwards: the startCursor of the newer page; absent: the newest events."
      before: String
`;

/**
 * Reading tasks: the task page (`Task`, its parts typed by their areas), the
 * list as a connection, and the history of a task's stream. `…By` fields are
 * actor ids; `…At` the time the fact was recorded.
 */
export const taskQueryTypeDefs = /* GraphQL */ `
  extend type Query {
    """
    One task's page: everything recorded about it, each unit named. NOT_FOUND for an
    unknown id. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    task(
      "The task's id, as registerTask answered it."
      id: ID!
    ): Task
    """
    Several tasks' pages in one request, in the order asked: null for an id no task has.
    VALIDATION for none or more than 50 ids. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    tasksById(
      "The tasks' ids, 1–50."
      ids: [ID!]!
    ): [Task]!
    """
    The task list. Every filter given narrows it; by due date unless orderBy says
    otherwise, ties broken by id. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR.
    """
    tasks(
      "Which tasks; absent: all."
      filter: TaskFilter
      "The order; absent: by due date, earliest first."
      orderBy: TaskOrder
      "How many tasks per page, 1–200."
      first: Int = 50
      "The endCursor of the page before, asked with the same orderBy; absent: from the start."
      after: String
    ): TaskConnection!
    """
    The events of the task's stream with who recorded them, a page at a time,
    oldest first within a page: forwards (first, after; 100 from the start when
    nothing is given) or backwards (last, before: the newest when no cursor).
    NOT_FOUND for an unknown task. Roles: OFFICE, DEPARTMENT_HEAD, LEADER, INSPECTOR;
    a read by a LEADER or an INSPECTOR is itself recorded in the audit log.
    """
    taskHistory(
      "The task's id."
      taskId: ID!
${historyPageArguments}    ): HistoryEventConnection!
  }

  "Terminated, closed (办结), suspended and a pending completion report override the work's own status."
  enum TaskStatus {
    "Registered, with no lead unit: not assigned yet, or returned (退回) since."
    REGISTERED
    "A lead unit is assigned and has not signed for it yet."
    ASSIGNED
    "签收: the lead unit signed for its assignment."
    SIGNED
    "Progress was reported or a milestone completed, and not every milestone is done."
    IN_PROGRESS
    "Every planned milestone is completed; the completion report is still to be made (or made again)."
    COMPLETED
    "办结报告 awaiting the office."
    COMPLETION_REPORTED
    "办结: the completion was accepted."
    CLOSED
    "Paused (暂停) by the responsible leader's decision: its dates do not run."
    SUSPENDED
    "Ended (终止) by the responsible leader's decision before its work was done; final."
    TERMINATED
  }

  "Which tasks: every field given narrows the list."
  input TaskFilter {
    "Only tasks this unit leads now (牵头单位)."
    leadUnitId: ID
    "Any of these statuses."
    statuses: [TaskStatus!]
    "Only tasks of this plan section, matched exactly."
    section: String
    "true: only tasks with a milestone recorded overdue; false: only those without."
    overdue: Boolean
    "true: only tasks with an open blockage; false: only those without."
    blocked: Boolean
    "true: only tasks whose lead unit asked to return them (退回申请) and await the office's ruling."
    returnRequested: Boolean
    "true: only tasks with a proposal to suspend or terminate awaiting the responsible leader."
    proposed: Boolean
  }

  "The task list's order; ties are broken by id."
  input TaskOrder {
    "What to order by."
    field: TaskOrderField!
    "ASC unless given."
    direction: OrderDirection = ASC
  }

  "What the task list can be ordered by."
  enum TaskOrderField {
    "The task's own due date."
    DUE_DATE
    "The earliest due date of an open milestone."
    NEXT_DUE_DATE
    "Weighted progress, 0–100."
    PROGRESS
    "The latest activity on the task."
    UPDATED_AT
    "The title."
    TITLE
  }

  "A task's page: the task and everything recorded about it, each unit named."
  type Task {
    "The task's id."
    id: ID!
    "What is to be done, as the plan says it."
    title: String!
    "More detail; null when none was given."
    description: String
    "The section of the work report it comes from (plan section); null when none."
    section: String
    "The first day of its planned span."
    plannedStart: Date!
    "Its due date now: as registered, or moved on by a pause or an extension granted."
    dueDate: Date!
    "Where it stands."
    status: TaskStatus!
    "Weighted average of the milestones' progress, 0–100."
    progress: Float!
    "The lead unit (牵头单位) now: after a transfer the new one; null before assignment and after a return."
    leadUnit: Unit
    "The cooperating units (配合单位), as last assigned."
    cooperatingUnits: [Unit!]!
    "The responsible leader (分管领导) as given at assignment: an official's id or a name; null when none."
    responsibleLeader: String
    """
    Which of its values shown are the plan's assumptions (假定: the work report does not
    state them); a lead unit the office moved since (a transfer, a return) is not. Empty:
    none, or every value is stated.
    """
    assumed: [TaskAssumption!]!
    "Its milestones, in the order planned."
    milestones: [Milestone!]!
    "Its blockages (堵点), in the order reported."
    blockages: [Blockage!]!
    "How many of its blockages are open."
    openBlockages: Int!
    "When it was registered."
    registeredAt: DateTime
    "When its latest event was recorded."
    updatedAt: DateTime
    "Global position of the last event this view reflects."
    position: Int!
    "Revision of the task's stream this view reflects (its last event's, from 0)."
    revision: Int!
    "Open milestones the clock recorded overdue."
    overdueMilestones: Int!
    "When its last open milestone was completed; null while any is open."
    completedAt: DateTime
    "When progress was last reported on any of its milestones; null before any report."
    lastReportedAt: DateTime
    "Signatures (签收) of its units, oldest first."
    signatures: [Signature!]!
    "Assignments, transfers and returns of the lead, oldest first."
    handovers: [Handover!]!
    "Every deadline extension (延期) asked, for its milestones and for itself (milestoneId null), oldest first."
    extensions: [DeadlineExtension!]!
    "Its indicators (实效), in the order defined."
    indicators: [Indicator!]!
    "Supervision notices (督办单) to its units, oldest first."
    notices: [SupervisionNotice!]!
    "催办 sent to its units, oldest first."
    urges: [Urge!]!
    "Leadership instructions (批示) on it, oldest first."
    instructions: [LeadershipInstruction!]!
    "Accountability records (问责) on it, oldest first."
    accountabilityRecords: [AccountabilityRecord!]!
    "Bonus points (加分) leaders awarded its units, oldest first."
    bonuses: [BonusAward!]!
    "The completion report (办结报告) and the office's review of it."
    completion: Completion!
    "Whether it is suspended now."
    suspended: Boolean!
    "Each suspension, oldest first."
    suspensions: [Suspension!]!
    "How it was ended; null unless terminated."
    termination: Termination
    "Every return (退回) the lead unit asked for, with the office's ruling, oldest first."
    returnRequests: [ReturnRequest!]!
    "The office's proposals to suspend or terminate it, with the leader's decision, oldest first."
    proposals: [LifecycleProposal!]!
    "The events of the task's stream, a page at a time, as taskHistory gives them."
    history(
${historyPageArguments}    ): HistoryEventConnection!
  }

  "One row of the task list."
  type TaskSummary {
    "The task's id."
    id: ID!
    "What is to be done."
    title: String!
    "Its plan section; null when none."
    section: String
    "Where it stands."
    status: TaskStatus!
    "Weighted average of the milestones' progress, 0–100."
    progress: Float!
    "The lead unit (牵头单位) now; null before assignment and after a return."
    leadUnit: Unit
    "The first day of its planned span."
    plannedStart: Date!
    "The task's own due date now: as registered, or moved on by a pause or an extension granted."
    dueDate: Date!
    "Milestones planned."
    milestoneCount: Int!
    "Milestones completed."
    completedMilestones: Int!
    "Blockages open."
    openBlockages: Int!
    "When its latest event was recorded."
    updatedAt: DateTime
    "The responsible leader (分管领导) as given at assignment; null when none."
    responsibleLeader: String
    "The earliest current due date of an open milestone; null when none is open."
    nextDueDate: Date
    "Open milestones the clock recorded overdue for their current due date."
    overdueMilestones: Int!
    "Global position of the last event this row reflects."
    position: Int!
  }

  "A task of the list, with its cursor."
  type TaskEdge {
    """
    Opaque keyset cursor naming this row by its value of the order's field and its id; valid
    only with the same orderBy.
    """
    cursor: String!
    "The task."
    node: TaskSummary!
  }

  "A page of the task list."
  type TaskConnection {
    "The page's tasks, in order."
    edges: [TaskEdge!]!
    "Where the page stands."
    pageInfo: PageInfo!
    "Tasks matching the filter, over all pages."
    totalCount: Int!
  }

  "An event of a task's history, with its cursor."
  type HistoryEventEdge {
    "Names the event's revision in the stream: pass it as after (forwards) or before (backwards)."
    cursor: String!
    "The event."
    node: HistoryEvent!
  }

  "A page of a task's history: each cursor names one event's revision in the stream."
  type HistoryEventConnection {
    "The page's events, oldest first."
    edges: [HistoryEventEdge!]!
    "Where the page stands: hasPreviousPage for older events, hasNextPage for newer ones."
    pageInfo: PageInfo!
  }

  "One recorded event of a task's stream, as stored: never changed afterwards."
  type HistoryEvent {
    "The event's id (a UUID)."
    id: ID!
    """
    Its global position in the whole log (1, 2, 3…); its leaf in the audit's Merkle tree is
    position − 1.
    """
    position: Int!
    "Its revision in the task's stream, from 0."
    revision: Int!
    "The event's type, a past-tense fact, e.g. \`MilestoneCompleted\`."
    type: String!
    """
    The version of its type's shape: a stored event's shape never changes, a new shape is a new
    version.
    """
    version: Int!
    "When it was recorded."
    recordedAt: DateTime!
    "Who caused it: a person, or the system (the clock)."
    actor: Actor!
    """
    The request it came from, shared by every event that request caused (the \`x-request-id\`
    header when sent).
    """
    correlationId: String
    "The event's payload, as recorded."
    data: JSON
    "代录: the unit's source when the office recorded a unit's report or completion; else null."
    proxySource: String
    "RFC 6962 leaf hash of the event's canonical bytes (hex), as the audit log holds it."
    leafHash: String!
    "Whether a signed tree head already covers this event."
    coveredBySignedHead: Boolean!
  }
`;
