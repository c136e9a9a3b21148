import { taskColumnFields } from '../shared-fields.ts';

/**
 * The five boards (钉钉子: 盯责任、盯环节、盯堵点、盯进度、盯实效) and the overview.
 * Every board takes `asOf`: the board as known at the end of that day (China
 * Standard Time), rebuilt from the events recorded by then; today's when absent.
 */
export const boardTypeDefs = /* GraphQL */ `
  extend type Query {
    "盯责任: per unit and per official — tasks, lights, on-time rate, overdue, blockages, score and rank."
    responsibilityBoard(
      asOf: Date
      unitId: ID
      officialId: ID
      sort: ResponsibilitySort
      first: Int = 50
      after: String
    ): ResponsibilityBoard!
    "盯环节: milestones due soon, overdue, done on time or late; extensions asked and granted."
    stageBoard(
      asOf: Date
      section: String
      "The task's lead unit."
      unitId: ID
      taskId: ID
      state: BoardMilestoneState
      "Due window on the current due date, both days included."
      dueFrom: Date
      dueTo: Date
      withExtensions: Boolean
      sort: StageSort
      first: Int = 50
      after: String
    ): StageBoard!
    "盯堵点: open blockages by age and level, whom each waits on, chains and cycles, ping-pong."
    blockageBoard(
      asOf: Date
      section: String
      "The unit held up."
      unitId: ID
      waitingOnUnitId: ID
      level: BoardEscalationLevel
      minAgeDays: Int
      inCycle: Boolean
      sort: BlockageSort
      first: Int = 50
      after: String
    ): BlockageBoard!
    "盯进度: each task's actual vs expected progress (序时进度), light, trend, year-end forecast."
    progressBoard(
      asOf: Date
      section: String
      "Tasks the unit leads or co-owns."
      unitId: ID
      light: BoardLight
      trend: BoardTrend
      sort: ProgressSort
      first: Int = 50
      after: String
    ): ProgressBoard!
    "盯实效: each indicator's target vs latest values, self-reported and measured, attainment."
    resultsBoard(
      asOf: Date
      section: String
      "The task's lead unit."
      unitId: ID
      light: BoardLight
      attained: Boolean
      sort: ResultSort
      first: Int = 50
      after: String
    ): ResultsBoard!
    "Lights per plan section, worst overdue, oldest blockages, unit ranking, lights month by month."
    overview(asOf: Date, section: String, top: Int = 10): Overview!
    "Every point taken off a unit in the year to date, item by item (盯责任 shows the first 20)."
    unitDeductions(unitId: ID!, asOf: Date, first: Int = 50, after: String): ScoreDeductionPage!
    "A unit's failed tasks of the year to date, as lead unit or co-unit (盯责任 shows the first 20)."
    unitFailedTasks(unitId: ID!, asOf: Date, first: Int = 50, after: String): UnitFailurePage!
    "The tasks an official answered for on the day as responsible leader (盯责任 shows the first 20)."
    officialTasks(officialId: ID!, asOf: Date, first: Int = 50, after: String): TaskIdPage!
    "The year's accountability records (问责) against an official (盯责任 shows the first 20)."
    officialRecords(
      officialId: ID!
      asOf: Date
      first: Int = 50
      after: String
    ): OfficialRecordPage!
  }

  enum BoardLight {
    green
    yellow
    red
  }

  enum BoardTrend {
    up
    flat
    down
  }

  enum BoardSortDirection {
    asc
    desc
  }

  enum BoardMilestoneState {
    upcoming
    due_soon
    overdue
    done_on_time
    done_late
    suspended
  }

  "How far up a blockage has gone: 分管领导 (responsible leader), then 主要领导 (main leader)."
  enum BoardEscalationLevel {
    none
    responsible_leader
    main_leader
  }

  enum ResponsibilitySortField {
    rank
    score
    red
    overdueMilestones
    onTimeRate
    openBlockages
    tasksLed
  }

  input ResponsibilitySort {
    field: ResponsibilitySortField!
    direction: BoardSortDirection = asc
  }

  enum StageSortField {
    dueDate
    daysOverdue
    daysLeft
    percent
    title
  }

  input StageSort {
    field: StageSortField!
    direction: BoardSortDirection = asc
  }

  enum BlockageSortField {
    ageDays
    level
    openedOn
    reportedOn
  }

  input BlockageSort {
    field: BlockageSortField!
    direction: BoardSortDirection = asc
  }

  enum ProgressSortField {
    behind
    actual
    expected
    forecast
    dueDate
    title
  }

  input ProgressSort {
    field: ProgressSortField!
    direction: BoardSortDirection = asc
  }

  enum ResultSortField {
    attainment
    dueDate
    name
    expected
  }

  input ResultSort {
    field: ResultSortField!
    direction: BoardSortDirection = asc
  }

  type LightCounts {
    green: Int!
    yellow: Int!
    red: Int!
  }

  "An itemised deduction: which rule took how many points (≤ 0) for what (ref: task or record id)."
  type ScoreDeduction {
    unitId: ID!
    rule: String!
    points: Float!
    ref: String!
    reason: String!
  }

  type UnitFailure {
    taskId: ID!
    title: String!
    role: String!
    reasons: [String!]!
  }

  type UnitResponsibility {
    unitId: ID!
    unitName: String
    rank: Int!
    "100 less the year's deductions (亮赛比)."
    score: Float!
    "The first 20 deductions, item by item; \`unitDeductions\` pages them all."
    deductions: [ScoreDeduction!]!
    deductionCount: Int!
    "The first 20 failed tasks; \`unitFailedTasks\` pages them all."
    failedTasks: [UnitFailure!]!
    failedTaskCount: Int!
    tasksLed: Int!
    tasksCoOwned: Int!
    "Lights of the tasks it leads."
    lights: LightCounts!
    coOwnedLights: LightCounts!
    milestonesCompleted: Int!
    milestonesOnTime: Int!
    "Milestones completed by their due date / completed, in percent; null before any."
    onTimeRate: Float
    overdueMilestones: Int!
    openBlockages: Int!
    waitedOnBlockages: Int!
    responsibleLeaderIds: [ID!]!
    "Times the office urged it (催办) in the period."
    timesUrged: Int!
  }

  type HeldPost {
    unitId: ID!
    unitName: String
    post: String!
    from: Date!
  }

  type OfficialRecord {
    recordId: ID!
    taskId: ID!
    day: Date!
    kind: String!
    reason: String!
    scoreDeduction: Float!
  }

  type OfficialResponsibility {
    officialId: ID!
    name: String!
    title: String!
    "Posts held on the board's day."
    posts: [HeldPost!]!
    "The first 20 tasks whose lead unit they were responsible leader (分管领导) of on the day; \`officialTasks\` pages them all."
    taskIds: [ID!]!
    taskCount: Int!
    lights: LightCounts!
    milestonesCompleted: Int!
    milestonesOnTime: Int!
    onTimeRate: Float
    overdueMilestones: Int!
    openBlockages: Int!
    "The first 20 records against them in the period; \`officialRecords\` pages them all."
    accountability: [OfficialRecord!]!
    accountabilityCount: Int!
  }

  "A page of one row's itemised list on the responsibility board's day."
  type ScoreDeductionPage {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    period: String!
    nodes: [ScoreDeduction!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type UnitFailurePage {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    period: String!
    nodes: [UnitFailure!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type TaskIdPage {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    period: String!
    nodes: [ID!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type OfficialRecordPage {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    period: String!
    nodes: [OfficialRecord!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type ResponsibilityBoard {
    day: Date!
    rulesetVersion: Int!
    "Last log position the board reflects."
    position: Int!
    "The scoring period: the year to date."
    period: String!
    nodes: [UnitResponsibility!]!
    totalCount: Int!
    pageInfo: PageInfo!
    officials: [OfficialResponsibility!]!
  }

  type BoardExtension {
    requestId: ID!
    requestedOn: Date!
    currentDueDate: Date!
    requestedDueDate: Date!
    reason: String!
    status: String!
    decidedOn: Date
    decidedBy: ID
    rejectionReason: String
  }

  type StageRow {
    id: ID!
${taskColumnFields}    milestoneId: ID!
    title: String!
    weight: Float!
    plannedDueDate: Date!
    dueDate: Date!
    percent: Float!
    state: BoardMilestoneState!
    daysLeft: Int
    daysOverdue: Int!
    completedOn: Date
    remindedOn: Date
    overdueRecordedOn: Date
    reopenedCount: Int!
    extensions: [BoardExtension!]!
  }

  type StageCounts {
    upcoming: Int!
    due_soon: Int!
    overdue: Int!
    done_on_time: Int!
    done_late: Int!
    suspended: Int!
  }

  type ExtensionCounts {
    asked: Int!
    granted: Int!
    refused: Int!
    pending: Int!
  }

  type StageBoard {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    "Rows per state, of those matching every filter but state."
    counts: StageCounts!
    extensions: ExtensionCounts!
    nodes: [StageRow!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type BoardEscalation {
    day: Date!
    level: Int!
    by: String!
  }

  type BlockageRow {
    id: ID!
    taskId: ID!
    taskTitle: String!
    section: String
    blockageId: ID!
    description: String!
    blockedUnitId: ID
    blockedUnitName: String
    waitingOnUnitId: ID
    waitingOnUnitName: String
    coordinatorUnitId: ID
    reportedOn: Date!
    openedOn: Date!
    ageDays: Int!
    level: BoardEscalationLevel!
    "The level the rules in force say it should have reached by the day."
    dueLevel: BoardEscalationLevel!
    escalations: [BoardEscalation!]!
    reopenedCount: Int!
    "Units waited on in turn: A waits on B, which waits on C…"
    chain: [ID!]!
    chainClosesCycle: Boolean!
    inCycle: Boolean!
  }

  type BlockageCounts {
    none: Int!
    responsible_leader: Int!
    main_leader: Int!
  }

  type LeadMove {
    day: Date!
    kind: String!
    fromUnitId: ID
    toUnitId: ID
    reason: String!
  }

  "A task bounced between units (踢皮球): moved by transfers or returns twice or more this year."
  type PingPong {
    taskId: ID!
    title: String!
    leadUnitId: ID
    moves: [LeadMove!]!
    unitIds: [ID!]!
    bouncedBack: Boolean!
  }

  type BlockageBoard {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    counts: BlockageCounts!
    "Units waiting on each other in a circle."
    cycles: [[ID!]!]!
    pingPongs: [PingPong!]!
    nodes: [BlockageRow!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type ProgressRow {
    taskId: ID!
    title: String!
    section: String
    leadUnitId: ID
    leadUnitName: String
    cooperatingUnitIds: [ID!]!
    responsibleLeader: String
    status: String!
    completion: String!
    plannedStart: Date!
    dueDate: Date!
    actual: Float!
    "序时进度 at the end of the day."
    expected: Float!
    behind: Float!
    "Null while the task is suspended."
    light: BoardLight
    reasons: [String!]!
    trend: BoardTrend!
    previousActual: Float!
    forecast: Float
    lastReportedOn: Date
  }

  type ProgressBoard {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    counts: LightCounts!
    nodes: [ProgressRow!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type BoardIndicatorValue {
    value: Float!
    asOf: Date!
    reportedOn: Date!
    reportedByUnitId: ID
  }

  type ResultRow {
    id: ID!
${taskColumnFields}    indicatorId: ID!
    name: String!
    unitOfMeasure: String!
    target: Float!
    comparison: String!
    baseline: Float
    dueDate: Date!
    selfReported: BoardIndicatorValue
    measured: BoardIndicatorValue
    "The value held against the target: measured when there is one."
    value: Float
    source: String
    discrepancy: Float
    attainment: Float
    attained: Boolean!
    expected: Float!
    light: BoardLight!
    reasons: [String!]!
  }

  type ResultsBoard {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    counts: LightCounts!
    nodes: [ResultRow!]!
    totalCount: Int!
    pageInfo: PageInfo!
  }

  type SectionLights {
    section: String
    green: Int!
    yellow: Int!
    red: Int!
    suspended: Int!
    total: Int!
  }

  type RankingEntry {
    rank: Int!
    unitId: ID!
    unitName: String
    score: Float!
  }

  type LightPoint {
    day: Date!
    green: Int!
    yellow: Int!
    red: Int!
  }

  type Overview {
    day: Date!
    rulesetVersion: Int!
    position: Int!
    period: String!
    totals: LightCounts!
    sections: [SectionLights!]!
    worstOverdue: [StageRow!]!
    oldestBlockages: [BlockageRow!]!
    ranking: [RankingEntry!]!
    "One point per month end of the year up to the day, then the day itself, each as known then."
    series: [LightPoint!]!
  }
`;
