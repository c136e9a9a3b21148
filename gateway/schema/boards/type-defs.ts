import { taskColumnFields } from '../shared-fields.ts';
import {
  asOfArgument,
  boardReaders,
  boardStampFields,
  itemEdgeFields,
  orderDirectionField,
  pageArguments,
  pageFields,
  periodField,
  responsibilityStatFields,
  rowEdgeFields,
} from './shared-fields.ts';

/**
 * The five boards (钉钉子: 盯责任、盯环节、盯堵点、盯进度、盯实效) and the overview.
 * Every board takes `asOf`: the board as known at the end of that day (China
 * Standard Time), rebuilt from the events recorded by then; today's when absent.
 */
export const boardTypeDefs = /* GraphQL */ `
  extend type Query {
    """
    盯责任: per unit and per official — tasks, lights, on-time rate, overdue, blockages, score and rank.
    ${boardReaders}
    """
    responsibilityBoard(
${asOfArgument}      """
      A closed scoring period (a year, e.g. \`2021\`): its settlement (年度结算), the
      board of its last day with every limit up to that day counted. Refused until
      the clock has closed it (from the day after it ends) and together with asOf.
      """
      period: String
      "Which unit and which officials; absent: all."
      filter: ResponsibilityFilter
      "The order of the units; absent: by rank (category by category, each best first; the units not ranked last)."
      orderBy: ResponsibilityOrder
${pageArguments}    ): ResponsibilityBoard!
    """
    盯环节: milestones due soon, overdue, done on time or late; extensions asked and granted.
    ${boardReaders}
    """
    stageBoard(
${asOfArgument}      "Which milestones; absent: every milestone of the supervised tasks."
      filter: StageFilter
      "The order; absent: by current due date, earliest first."
      orderBy: StageOrder
${pageArguments}    ): StageBoard!
    """
    盯堵点: open blockages by age and level, whom each waits on, chains and cycles, ping-pong.
    ${boardReaders}
    """
    blockageBoard(
${asOfArgument}      "Which open blockages; absent: all."
      filter: BlockageFilter
      "The order; absent: by age, oldest first."
      orderBy: BlockageOrder
${pageArguments}    ): BlockageBoard!
    """
    盯进度: each task's actual vs expected progress (序时进度), light, trend, year-end forecast.
    ${boardReaders}
    """
    progressBoard(
${asOfArgument}      "Which tasks; absent: every supervised task."
      filter: ProgressFilter
      "The order; absent: by points behind, furthest behind first."
      orderBy: ProgressOrder
${pageArguments}    ): ProgressBoard!
    """
    盯实效: each indicator's target vs latest values, self-reported and measured, attainment.
    ${boardReaders}
    """
    resultsBoard(
${asOfArgument}      "Which indicators; absent: every indicator of the supervised tasks."
      filter: ResultFilter
      "The order; absent: by attainment, lowest first."
      orderBy: ResultOrder
${pageArguments}    ): ResultsBoard!
    """
    Lights per plan section, worst overdue, oldest blockages, unit ranking, lights month by month.
    ${boardReaders}
    """
    overview(
${asOfArgument}      "Only the tasks of this plan section; absent: all."
      section: String
      "Only the tasks of this kind (the plan's, or a matter's source); absent: all. The ranking stays the units' overall."
      kind: TaskKind
      "How many worst overdue milestones and oldest blockages to list, 1–50."
      top: Int = 10
    ): Overview!
    """
    Every point taken off a unit in the year to date, and every bonus point (加分) with what
    the cap took back, item by item (盯责任 shows the first 20). NOT_FOUND for an unknown
    unit. ${boardReaders}
    """
    unitDeductions(
      "The unit."
      unitId: ID!
${asOfArgument}      "A closed scoring period (a year): the items of its settlement (年度结算); not with asOf."
      period: String
${pageArguments}    ): ScoreDeductionConnection!
    """
    A unit's failed tasks of the year to date, as lead unit or co-unit (盯责任 shows the first 20).
    NOT_FOUND for an unknown unit. ${boardReaders}
    """
    unitFailedTasks(
      "The unit."
      unitId: ID!
${asOfArgument}      "A closed scoring period (a year): its settlement's failed tasks (年度结算); not with asOf."
      period: String
${pageArguments}    ): UnitFailureConnection!
    """
    The tasks an official answered for on the day as responsible leader (盯责任 shows the first 20).
    NOT_FOUND for an unknown official. ${boardReaders}
    """
    officialTasks(
      "The official."
      officialId: ID!
${asOfArgument}${pageArguments}    ): TaskIdConnection!
    """
    The year's accountability records (问责) against an official (盯责任 shows the first 20).
    NOT_FOUND for an unknown official. ${boardReaders}
    """
    officialRecords(
      "The official."
      officialId: ID!
${asOfArgument}${pageArguments}    ): OfficialRecordConnection!
  }

  """
  A light (红黄绿灯) under the ruleset in force on the board's day; the numbers below
  are the defaults (version 0). A done task or milestone is green.
  """
  enum BoardLight {
    "At most yellowBehindPoints (10) behind expected progress (序时进度), and not due soon; or done."
    GREEN
    "More than yellowBehindPoints (10) behind, or due within yellowDueWithinDays (3) days and not done."
    YELLOW
    "More than redBehindPoints (30) behind, or overdue."
    RED
  }

  """
  Which way a task moved against its expected progress (序时进度) between its last two report days
  (from no gap when there was one report; FLAT with none).
  """
  enum BoardTrend {
    "Catching up: the gap behind 序时进度 narrowed (or the lead grew)."
    UP
    "The gap unchanged, to 2 decimals."
    FLAT
    "Falling further behind 序时进度 (or the lead shrank)."
    DOWN
  }

  "Where a milestone (环节) stands on the board's day."
  enum BoardMilestoneState {
    "Open, due after the due-soon window."
    UPCOMING
    "Open, due within the ruleset's yellowDueWithinDays (the due date included)."
    DUE_SOON
    "Open past its due date."
    OVERDUE
    "Completed on or before its due date."
    DONE_ON_TIME
    "Completed after its due date."
    DONE_LATE
    "Open, its task suspended: its dates do not run."
    SUSPENDED
  }

  "How far up a blockage has gone: 分管领导 (responsible leader), then 主要领导 (main leader)."
  enum BoardEscalationLevel {
    "Not escalated."
    NONE
    "To the responsible leader (分管领导)."
    RESPONSIBLE_LEADER
    "To the main leader (主要领导)."
    MAIN_LEADER
  }

  "Which units (and officials) the responsibility board shows."
  input ResponsibilityFilter {
    "Only this unit's row, and only the officials holding a post in it on the day."
    unitId: ID
    "Only the rows of this unit and the units below it in the tree: a street with its 社区."
    unitSubtree: ID
    "Only this official among the officials; the unit rows stay as they are."
    officialId: ID
  }

  "Which milestones the stage board shows: every field given narrows it."
  input StageFilter {
    "Only milestones of tasks in this plan section."
    section: String
    "The task's lead unit."
    unitId: ID
    "Only tasks whose lead unit is this unit or one below it in the tree (a street and its 社区)."
    unitSubtree: ID
    "Only this task's milestones."
    taskId: ID
    "Only milestones in this state; the counts still cover every state."
    state: BoardMilestoneState
    "Due window on the current due date, both days included: due on or after this day."
    dueFrom: Date
    "Due on or before this day."
    dueTo: Date
    "true: only milestones with an extension asked; false or absent: all."
    withExtensions: Boolean
  }

  "Which blockages the blockage board shows: every field given narrows it."
  input BlockageFilter {
    "Only blockages of tasks in this plan section."
    section: String
    "The unit held up."
    unitId: ID
    "Only blockages of units at or below this unit in the tree (a street and its 社区)."
    unitSubtree: ID
    "Only blockages waiting on this unit."
    waitingOnUnitId: ID
    "Only blockages at this level; the counts still cover every level."
    level: BoardEscalationLevel
    "Only blockages open at least this many whole days, 0 or more."
    minAgeDays: Int
    "true: only blockages in a circle of waiting; false: only those outside one."
    inCycle: Boolean
  }

  "Which tasks the progress board shows: every field given narrows it."
  input ProgressFilter {
    "Only tasks in this plan section."
    section: String
    "Tasks the unit leads or co-owns."
    unitId: ID
    "Only tasks led or co-owned by this unit or one below it in the tree (a street and its 社区)."
    unitSubtree: ID
    "Only tasks of this light (suspended tasks have none); the counts still cover every light."
    light: BoardLight
    "Only tasks moving this way."
    trend: BoardTrend
    "true: only tasks with an extension asked for their own due date; false or absent: all."
    withExtensions: Boolean
  }

  "Which indicators the results board shows: every field given narrows it."
  input ResultFilter {
    "Only indicators of tasks in this plan section."
    section: String
    "The task's lead unit."
    unitId: ID
    "Only tasks whose lead unit is this unit or one below it in the tree (a street and its 社区)."
    unitSubtree: ID
    "Only indicators of this light; the counts still cover every light."
    light: BoardLight
    "true: only indicators whose target is met; false: only those not met."
    attained: Boolean
  }

  "What the responsibility board's units can be ordered by."
  enum ResponsibilityOrderField {
    "Place in the ranking, 1 best: category by category (党群, 政府, 国企, 园区/街道), the units not ranked last."
    RANK
    "Score (督查考核得分: 100 less the deductions)."
    SCORE
    "Red lights of the tasks it leads."
    RED
    "Overdue milestones of the tasks it leads."
    OVERDUE_MILESTONES
    "On-time rate; units without one come last."
    ON_TIME_RATE
    "Open blockages holding it up."
    OPEN_BLOCKAGES
    "Tasks it leads."
    TASKS_LED
  }

  """
  The responsibility board's order; rows without a value come last either way, ties are broken
  by unit id.
  """
  input ResponsibilityOrder {
    "What to order by."
    field: ResponsibilityOrderField!
${orderDirectionField}  }

  "What the stage board's milestones can be ordered by."
  enum StageOrderField {
    "The current due date."
    DUE_DATE
    "Days past the due date."
    DAYS_OVERDUE
    "Days left to the due date; completed milestones (none left) come last."
    DAYS_LEFT
    "Percent done."
    PERCENT
    "The milestone's title."
    TITLE
  }

  "The stage board's order; rows without a value come last either way, ties are broken by id."
  input StageOrder {
    "What to order by."
    field: StageOrderField!
${orderDirectionField}  }

  "What the blockage board's blockages can be ordered by."
  enum BlockageOrderField {
    "Whole days open since last opened."
    AGE_DAYS
    "Escalation level recorded: none, then responsible leader, then main leader."
    LEVEL
    "The day it was last opened (reported or reopened)."
    OPENED_ON
    "The day it was first reported."
    REPORTED_ON
  }

  "The blockage board's order; ties are broken by id."
  input BlockageOrder {
    "What to order by."
    field: BlockageOrderField!
${orderDirectionField}  }

  "What the progress board's tasks can be ordered by."
  enum ProgressOrderField {
    "Points behind expected progress (negative when ahead)."
    BEHIND
    "Actual progress."
    ACTUAL
    "Expected progress (序时进度)."
    EXPECTED
    "Forecast progress at the due date; tasks without one come last."
    FORECAST
    "The task's due date."
    DUE_DATE
    "The task's title."
    TITLE
  }

  "The progress board's order; rows without a value come last either way, ties are broken by task id."
  input ProgressOrder {
    "What to order by."
    field: ProgressOrderField!
${orderDirectionField}  }

  "What the results board's indicators can be ordered by."
  enum ResultOrderField {
    "Attainment; indicators without a value come last."
    ATTAINMENT
    "The indicator's due date."
    DUE_DATE
    "The indicator's name."
    NAME
    "Expected progress (序时进度) towards its due date."
    EXPECTED
  }

  "The results board's order; rows without a value come last either way, ties are broken by id."
  input ResultOrder {
    "What to order by."
    field: ResultOrderField!
${orderDirectionField}  }

  """
  Counts by light (红黄绿灯): of tasks, or of indicators on the results board. Suspended tasks are
  not lit, so not counted.
  """
  type LightCounts {
    "How many are green."
    green: Int!
    "How many are yellow."
    yellow: Int!
    "How many are red."
    red: Int!
  }

  """
  An itemised score item: which rule moved the score by how many points for what (ref: task,
  record or bonus). Deductions take points off (≤ 0); a bonus (加分, rule BONUS) adds its
  points (> 0), and where a unit's bonuses pass the period's cap a BONUS_CAPPED item after
  the award takes back what the cap leaves out (< 0): the items add up to the score.
  """
  type ScoreDeduction {
    "The unit whose score it moves."
    unitId: ID!
    "The rule that took or gave the points."
    rule: DeductionRule!
    """
    Points: ≤ 0 taken off (an accountability deduction past the ruleset's cap takes what was
    left, possibly 0); > 0 for a BONUS; < 0 for a BONUS_CAPPED taking back the excess.
    """
    points: Float!
    """
    The task's id, \`taskId/milestoneId\` for a milestone's deadline, the accountability
    record's id, or \`taskId/bonusId\` for a bonus (BonusAwarded) and what its cap took back.
    """
    ref: String!
    "Why, in words; for a BONUS, the leader's own reason."
    reason: String!
    "For BONUS and BONUS_CAPPED: the kind of bonus; null for a deduction."
    bonusKind: BonusKind
  }

  """
  Why a unit's score moved: the rules that take points off, and bonus points (加分). One task
  costs a unit at most what missing it outright costs its lead unit (the ruleset's
  leadUnitFailedTask): later items of the task take what is left.
  """
  enum DeductionRule {
    """
    A deadline it answers for (its milestone, or the task it leads) passed in the period and
    is still not done: the full points of its part (lead or cooperating unit), less the share
    of units it waited on.
    """
    DEADLINE_MISSED
    """
    A deadline it answers for was met late: graded by working days late (up to 3: 20% of a
    missed deadline, up to 10: 40%, up to 20: 60%, more: 80%), less the share of units it
    waited on.
    """
    DEADLINE_LATE
    """
    A deadline of another unit passed while a blockage (堵点) reported by then waited on this
    unit: its share of that deadline's points, by the working days its wait covered.
    """
    WAITED_ON
    "A task it leads is red and not yet due: far behind expected progress (40% of a missed task)."
    RED_BEHIND
    "A completion report (办结报告) of a task it leads was returned for rework (退回重办): 40%."
    RETURNED_FOR_REWORK
    "It returned a task (退回) in a transfer/return ping-pong (踢皮球); the office's own transfers cost no unit."
    PING_PONG
    "An accountability record (问责) against it."
    ACCOUNTABILITY
    """
    A proposer (人大代表, 政协委员) rated its answer to a 建议 or 提案 不满意: the ruleset's
    dissatisfiedDeduction (default −1) each time, even when a later answer satisfies.
    """
    PROPOSER_DISSATISFIED
    """
    加分: bonus points a leader awarded it on a task it is responsible for (a commendation,
    or an early completion), in the period; +points as awarded.
    """
    BONUS
    """
    The part of a bonus above the ruleset's bonusCapPerPeriod, taken back: a unit's bonuses
    add at most the cap in one period (100 − deductions + min(cap, bonuses)).
    """
    BONUS_CAPPED
    "未按期报送: a period of the task's reporting cycle passed with no progress report of the lead unit (the ruleset's missedReportPoints)."
    REPORT_MISSED
    "A 催办 or 督办单 to it was not answered by its reply-by (the ruleset's lateReplyPoints)."
    REPLY_OVERDUE
  }

  "A unit's part in a failed task."
  enum TaskPart {
    "牵头单位: the lead unit."
    LEAD
    "配合单位: a cooperating unit, answering for its own milestones."
    COOPERATING
    "A unit the task waited on (堵点) past a deadline."
    WAITED_ON
  }

  "A failed task of the year, as it counts against one unit."
  type UnitFailure {
    "The task."
    taskId: ID!
    "The task's title."
    title: String!
    "The unit's part in it."
    role: TaskPart!
    "Why it failed, in words: each deadline missed, each return for rework."
    reasons: [String!]!
  }

  "One unit on the responsibility board (盯责任), for the year to date."
  type UnitResponsibility {
    "The unit."
    unitId: ID!
    "The unit's name; null when the directory does not know it."
    unitName: String
    "What kind of body it is: units are ranked within their kind."
    category: UnitCategory!
    """
    Its place by score among the units of its category, 1 best; equal scores share a rank
    (1, 2, 2, 4). Null for the supervising office and the discipline bodies (SUPERVISION),
    which are scored but not ranked.
    """
    rank: Int
    "100 less the year's deductions, plus its bonus points (加分) up to the cap (督查考核得分)."
    score: Float!
    """
    The first 20 score items: deductions, then bonuses with what the cap took back;
    \`unitDeductions\` pages them all.
    """
    deductions: [ScoreDeduction!]!
    "How many score items there are in all."
    deductionCount: Int!
    "What its bonus points (加分) add to the score after the cap, 0 to bonusCapPerPeriod."
    bonusPoints: Float!
    "The first 20 failed tasks; \`unitFailedTasks\` pages them all."
    failedTasks: [UnitFailure!]!
    "How many failed tasks there are in all."
    failedTaskCount: Int!
    "Supervised (not terminated) tasks it leads (牵头单位)."
    tasksLed: Int!
    "Supervised tasks it cooperates on (配合单位)."
    tasksCoOwned: Int!
    "Lights of the tasks it leads."
    lights: LightCounts!
    "Lights of the tasks it cooperates on (counted under their lead unit in lights)."
    coOwnedLights: LightCounts!
${responsibilityStatFields('the tasks it leads')}    "Open blockages holding it up."
    openBlockages: Int!
    "Open blockages of other units waiting on it."
    waitedOnBlockages: Int!
    "The officials holding its responsible leader's post (分管领导) on the day."
    responsibleLeaderIds: [ID!]!
    "Times the office urged it (催办) in the period."
    timesUrged: Int!
    "How many units are below it in the tree (a street's 社区); null when none is."
    subUnits: Int
    """
    The points the units below it lost between them (≤ 0, bonuses left out); null when
    none is below it. Its own score stays its own: this is the subtree's, shown beside it.
    """
    subUnitDeductions: Float
  }

  "A post an official held on the board's day."
  type HeldPost {
    "The unit of the post."
    unitId: ID!
    "The unit's name; null when the directory does not know it."
    unitName: String
    "The post."
    post: Post!
    "The first day of the term."
    from: Date!
  }

  "An accountability record (问责) against an official, in the year."
  type OfficialRecord {
    "The record."
    recordId: ID!
    "The task it was recorded on."
    taskId: ID!
    "The business day (China Standard Time) it was recorded."
    day: Date!
    "How the official was held to account."
    kind: AccountabilityKind!
    "Why."
    reason: String!
    "Points (0–100) the record names; a person's, taken off no unit's score."
    scoreDeduction: Float!
    "A decision, or a recommendation (问责建议) the discipline bodies have yet to decide."
    status: AccountabilityStatus!
  }

  """
  One official on the responsibility board: the tasks they answered for on the day, and the
  records against them.
  """
  type OfficialResponsibility {
    "The official."
    officialId: ID!
    "The official's name."
    name: String!
    "The official's title."
    title: String!
    "Posts held on the board's day."
    posts: [HeldPost!]!
    """
    The first 20 tasks whose lead unit they were responsible leader (分管领导) of on the day;
    \`officialTasks\` pages them all.
    """
    taskIds: [ID!]!
    "How many such tasks there are in all."
    taskCount: Int!
    "Lights of those tasks."
    lights: LightCounts!
${responsibilityStatFields('those tasks')}    "Open blockages of those tasks."
    openBlockages: Int!
    "The first 20 records against them in the period; \`officialRecords\` pages them all."
    accountability: [OfficialRecord!]!
    "How many records there are in all."
    accountabilityCount: Int!
  }

  "A page of a unit's score items of the year (deductions and bonuses), on the responsibility board's day."
  type ScoreDeductionConnection {
${boardStampFields}${periodField}${pageFields('ScoreDeductionEdge', 'ScoreDeduction')}  }

  "A page of a unit's failed tasks of the year."
  type UnitFailureConnection {
${boardStampFields}${periodField}${pageFields('UnitFailureEdge', 'UnitFailure')}  }

  "A page of the ids of the tasks an official answered for on the day."
  type TaskIdConnection {
${boardStampFields}${periodField}${pageFields('TaskIdEdge', 'ID')}  }

  "A page of the accountability records against an official in the year."
  type OfficialRecordConnection {
${boardStampFields}${periodField}${pageFields('OfficialRecordEdge', 'OfficialRecord')}  }

  "A scoring period's settlement (年度结算), as the clock recorded it."
  type Settlement {
    "The period: a year, e.g. \`2021\`."
    period: String!
    "Its first day."
    from: Date!
    "Its last day: every limit up to it counts."
    to: Date!
    "The day the clock closed it."
    closedOn: Date!
    "The ruleset in force on its last day, which the settlement follows."
    rulesetVersion: Int!
  }

  "盯责任: the units, ranked for the year to date (or a settled year), and the officials answering for them."
  type ResponsibilityBoard {
${boardStampFields}${periodField}    "The settlement the scores are of (asked with \`period\`); null for the year to date."
    settlement: Settlement
${pageFields('UnitResponsibilityEdge', 'UnitResponsibility')}
    "Officials who held a post on the day, answered for a task, or were held to account; by id."
    officials: [OfficialResponsibility!]!
  }

  "Where a deadline extension (延期) stands on the stage board's day."
  enum BoardExtensionStatus {
    "Asked; the office had not reviewed it (初审) by the day."
    PENDING
    "Forwarded by the office; the responsible leader had not decided by the day."
    FORWARDED
    "Refused by the office at its review: closed, the due date unchanged."
    DECLINED
    "Granted: the requested date became the milestone's due date."
    APPROVED
    "Refused by the leader: the due date stayed."
    REJECTED
  }

  "A deadline extension (延期) of a milestone (stage board) or of a task's own due date (progress board)."
  type BoardExtension {
    "The request's id, unique within its task."
    requestId: ID!
    "The business day it was asked."
    requestedOn: Date!
    "The due date when it was asked: the date before."
    currentDueDate: Date!
    "The due date asked for."
    requestedDueDate: Date!
    "Why more time was asked."
    reason: String!
    "Where it stands."
    status: BoardExtensionStatus!
    "The business day the office reviewed it (初审); null before."
    reviewedOn: Date
    "Who at the office reviewed it; null before."
    reviewedBy: ID
    "The office's comment (初审意见); null before the review."
    reviewComment: String
    "The business day a leader decided; null while undecided."
    decidedOn: Date
    "The leader who decided; null while undecided."
    decidedBy: ID
    "Why the leader refused it; null unless rejected."
    rejectionReason: String
  }

  "One milestone (环节) on the stage board (盯环节)."
  type StageRow {
    "\`taskId/milestoneId\`: unique across tasks."
    id: ID!
${taskColumnFields}    "The milestone's id within its task."
    milestoneId: ID!
    "What is to be done."
    title: String!
    "Its relative weight in the task's progress."
    weight: Float!
    "The due date as first planned."
    plannedDueDate: Date!
    "The current due date, after any extension approved."
    dueDate: Date!
    "The last day of its time limit: the due date, or the first working day after it when it falls on a day off (weekend or holiday of the working-day calendar). Done by it is on time; overdue from the day after."
    limitDate: Date!
    "Percent done, 0–100."
    percent: Float!
    "Its stage on the board's day."
    state: BoardMilestoneState!
    "Days to the limit (0 on it, negative after); null once completed."
    daysLeft: Int
    "Days past the due date while open and its task not suspended; 0 otherwise."
    daysOverdue: Int!
    "The business day it was last completed; null while open."
    completedOn: Date
    "The day the clock reminded of the current due date; null before."
    remindedOn: Date
    "The day the clock recorded it overdue for the current due date; null before."
    overdueRecordedOn: Date
    "Times it was reopened."
    reopenedCount: Int!
    "Extensions asked for it, oldest first."
    extensions: [BoardExtension!]!
  }

  "Milestones per state, of those matching every filter but state."
  type StageCounts {
    "Upcoming."
    upcoming: Int!
    "Due soon."
    dueSoon: Int!
    "Overdue."
    overdue: Int!
    "Done on time."
    doneOnTime: Int!
    "Done late."
    doneLate: Int!
    "Of suspended tasks."
    suspended: Int!
  }

  "Deadline extensions asked for the milestones counted, and how they were decided."
  type ExtensionCounts {
    "Asked."
    asked: Int!
    "Approved by the leader."
    granted: Int!
    "Declined by the office at its review, or rejected by the leader."
    refused: Int!
    "Still open: awaiting the office's review or the leader's decision."
    pending: Int!
  }

  "盯环节: milestones by stage on the day, with the extensions asked."
  type StageBoard {
${boardStampFields}    "Rows per state, of those matching every filter but state."
    counts: StageCounts!
    "Extensions of the rows matching every filter but state."
    extensions: ExtensionCounts!
${pageFields('StageRowEdge', 'StageRow')}  }

  "One escalation recorded for a blockage."
  type BoardEscalation {
    "The business day it was escalated."
    day: Date!
    "1: to the responsible leader; 2: to the main leader."
    level: Int!
    "Who raised it: the system, by the rules' time limits, or a leader."
    by: Role!
  }

  "One open blockage (堵点) on the blockage board (盯堵点)."
  type BlockageRow {
    "\`taskId/blockageId\`: unique across tasks."
    id: ID!
    "The task held up."
    taskId: ID!
    "The task's title."
    taskTitle: String!
    "The task's plan section; null when none."
    section: String
    "The blockage's id within its task."
    blockageId: ID!
    "What blocks the task."
    description: String!
    """
    The unit held up: the one that reported it, or the task's lead unit when the office did;
    null without either.
    """
    blockedUnitId: ID
    "That unit's name; null when unknown."
    blockedUnitName: String
    "The unit it waits on; null when none was named."
    waitingOnUnitId: ID
    "That unit's name; null when unknown."
    waitingOnUnitName: String
    "The unit a leader named to coordinate it; null before any."
    coordinatorUnitId: ID
    "The business day it was first reported."
    reportedOn: Date!
    "The business day it was last opened: reported, or reopened."
    openedOn: Date!
    "Whole days open since openedOn, on the board's day."
    ageDays: Int!
    "The level recorded (escalations only go up, even across a reopening)."
    level: BoardEscalationLevel!
    "The level the rules in force say it should have reached by the day."
    dueLevel: BoardEscalationLevel!
    "Each escalation recorded, oldest first."
    escalations: [BoardEscalation!]!
    "Times it was reopened."
    reopenedCount: Int!
    """
    Units waited on in turn: A waits on B, which waits on C… (each unit's oldest open blockage);
    empty when it waits on none.
    """
    chain: [ID!]!
    "The chain comes back to a unit already in it, or to the unit held up: a cycle."
    chainClosesCycle: Boolean!
    "The unit held up is itself waited on further down the chains: a circle of waiting."
    inCycle: Boolean!
  }

  "Open blockages per level, of those matching every filter but level."
  type BlockageCounts {
    "Not escalated."
    none: Int!
    "At the responsible leader (分管领导)."
    responsibleLeader: Int!
    "At the main leader (主要领导)."
    mainLeader: Int!
  }

  "A move of a task's lead by a transfer or a return."
  type LeadMove {
    "The business day of the move."
    day: Date!
    "TRANSFERRED or RETURNED."
    kind: HandoverKind!
    "The lead unit before; null when there was none."
    fromUnitId: ID
    "The lead unit after; null after a return."
    toUnitId: ID
    "Why."
    reason: String!
  }

  "A task bounced between units (踢皮球): moved by transfers or returns twice or more this year."
  type PingPong {
    "The task."
    taskId: ID!
    "The task's title."
    title: String!
    "Its lead unit now; null after a return."
    leadUnitId: ID
    "The year's moves, in order."
    moves: [LeadMove!]!
    """
    The units that returned it (退回) this year: each loses pingPongPerUnit points. The
    office's transfers are its own decision and cost no unit.
    """
    unitIds: [ID!]!
    "A unit got the task back after handing it on."
    bouncedBack: Boolean!
  }

  "盯堵点: open blockages on the day, counted by level, with the circles of waiting and the ping-pong."
  type BlockageBoard {
${boardStampFields}    "Open blockages per level, of those matching every filter but level."
    counts: BlockageCounts!
    "Units waiting on each other in a circle, among all open blockages; each circle's unit ids sorted."
    cycles: [[ID!]!]!
    "Tasks bounced between units this year; with filter.unitId, those the unit took part in."
    pingPongs: [PingPong!]!
${pageFields('BlockageRowEdge', 'BlockageRow')}  }

  "Whether a task on the progress board is followed now."
  enum ProgressRowStatus {
    "Followed: its dates run."
    ACTIVE
    "Paused by the office: its dates do not run, and it is not lit."
    SUSPENDED
  }

  "One supervised task on the progress board (盯进度)."
  type ProgressRow {
    "The task."
    taskId: ID!
    "The task's title."
    title: String!
    "The task's plan section; null when none."
    section: String
    "Its lead unit (牵头单位); null while it has none."
    leadUnitId: ID
    "The lead unit's name; null without a lead unit, or when unknown."
    leadUnitName: String
    "Its cooperating units (配合单位)."
    cooperatingUnitIds: [ID!]!
    "The responsible leader (分管领导) as given at assignment; null when none."
    responsibleLeader: String
    "Active or suspended."
    status: ProgressRowStatus!
    "Where its completion report (办结报告) stands: NONE (also after a return), REPORTED or ACCEPTED."
    completion: CompletionState!
    "The first day of its planned span."
    plannedStart: Date!
    "Its due date now: as registered, or moved on by a pause or an extension granted."
    dueDate: Date!
    "The last day of its own time limit: the due date, or the first working day after it when it falls on a day off."
    limitDate: Date!
    "Actual progress: the milestones' weighted percent done, 0–100."
    actual: Float!
    "序时进度 at the end of the day."
    expected: Float!
    "Expected − actual, in points; negative when ahead."
    behind: Float!
    """
    Its own light (actual against expected, its due date), made worse by any open
    milestone due soon or overdue. Null while the task is suspended.
    """
    light: BoardLight
    "Why it is not green, in words; empty when green or suspended."
    reasons: [String!]!
    "Against 序时进度, between the last two report days: UP when the gap behind expected progress narrowed (catching up), DOWN when it widened, FLAT when it held; a first report is read against no gap."
    trend: BoardTrend!
    "Actual progress on the report day before the latest; 0 when there was none."
    previousActual: Float!
    """
    Forecast progress at the due date (the year end, for a year's task), 0–100: the rate
    between the last two days with a report carried on to the due date; the last actual once
    due or at 100. Null until two days with a report.
    """
    forecast: Float
    "The last business day with a report, a completion or a reopening; null before any."
    lastReportedOn: Date
    "Extensions (延期) asked for the task's own due date, oldest first; a milestone's are on the stage board."
    extensions: [BoardExtension!]!
  }

  "盯进度: the supervised tasks on the day, counted by light."
  type ProgressBoard {
${boardStampFields}
    "Tasks per light, of those matching every filter but light; suspended ones are not counted."
    counts: LightCounts!
${pageFields('ProgressRowEdge', 'ProgressRow')}  }

  "The latest value of one source for an indicator, by the day it speaks of."
  type BoardIndicatorValue {
    "The value, in the indicator's unitOfMeasure."
    value: Float!
    "The day the value speaks of."
    asOf: Date!
    "The business day it was reported."
    reportedOn: Date!
    "The unit whose department head reported it; null when the office did."
    reportedByUnitId: ID
  }

  "One indicator (实效) on the results board (盯实效)."
  type ResultRow {
    "\`taskId/indicatorId\`: unique across tasks."
    id: ID!
${taskColumnFields}    "The indicator's id within its task."
    indicatorId: ID!
    "What is measured."
    name: String!
    "The unit the values are in."
    unitOfMeasure: String!
    "The value to reach."
    target: Float!
    "How a value is held against the target."
    comparison: IndicatorComparison!
    "The value at the start; null when none was given."
    baseline: Float
    "How far from the target a value still meets it (a target of 约, about); 0: exact."
    tolerance: Float!
    "Counts: the values are whole numbers."
    wholeNumbers: Boolean!
    "Which of its terms are the plan's assumptions (假定: the work report does not state them)."
    assumed: [IndicatorAssumption!]!
    "The day by which the target is to be reached."
    dueDate: Date!
    "The latest self-reported value; null before any."
    selfReported: BoardIndicatorValue
    "The latest measured value; null before any."
    measured: BoardIndicatorValue
    "The value held against the target: measured when there is one."
    value: Float
    "Whose value is held against the target; null before any value."
    source: IndicatorSource
    "Measured − self-reported, when both are known; null otherwise."
    discrepancy: Float
    """
    How far the value has come, 0–100 to 2 decimals; 100 only when the target is met.
    Short of it: GTE, the share of the way from the baseline (below the target) or from 0;
    LTE, the share of the way down from the baseline (above it), else target ÷ value; EQ,
    100 less the distance from the target against the baseline's. A value within the
    tolerance of the target meets it. Null before any value.
    """
    attainment: Float
    "Whether the value held meets the target, to within its tolerance."
    attained: Boolean!
    "序时进度 towards the indicator's due date, from the task's planned start, 0–100."
    expected: Float!
    "Judged like progress: attainment against expected; green once attained."
    light: BoardLight!
    "Why it is not green, in words; empty when green."
    reasons: [String!]!
  }

  "盯实效: the indicators of the supervised tasks on the day, counted by light."
  type ResultsBoard {
${boardStampFields}    "Indicators per light, of those matching every filter but light."
    counts: LightCounts!
${pageFields('ResultRowEdge', 'ResultRow')}  }

  "The lights of one plan section's supervised tasks."
  type SectionLights {
    "The plan section; null for the tasks without one."
    section: String
    "Tasks lit green."
    green: Int!
    "Tasks lit yellow."
    yellow: Int!
    "Tasks lit red."
    red: Int!
    "Suspended tasks: counted in total, not lit."
    suspended: Int!
    "Tasks whose completion (办结) the office accepted: the 办结率 is this of total."
    accepted: Int!
    "Supervised tasks of the section."
    total: Int!
  }

  "One unit's place in the ranking (督查考核排名)."
  type RankingEntry {
    "Its place by score among the units of its category, 1 best; equal scores share a rank."
    rank: Int!
    "The unit."
    unitId: ID!
    "The unit's name; null when unknown."
    unitName: String
    "Its category; the supervising and discipline bodies are not in the ranking."
    category: UnitCategory!
    "100 less the year's deductions, plus its bonus points up to the cap."
    score: Float!
  }

  "The lights of the supervised tasks as known at the end of one day."
  type LightPoint {
    "The day."
    day: Date!
    "Tasks lit green."
    green: Int!
    "Tasks lit yellow."
    yellow: Int!
    "Tasks lit red."
    red: Int!
  }

  """
  The overview: lights per plan section, the worst overdue, the oldest blockages, the ranking,
  the lights month by month.
  """
  type Overview {
${boardStampFields}${periodField}    "Tasks per light: of the section asked, or of all."
    totals: LightCounts!
    "Lights per plan section, by section; the tasks without one last."
    sections: [SectionLights!]!
    "The top overdue milestones, furthest past their due date first."
    worstOverdue: [StageRow!]!
    "The top open blockages, open longest first."
    oldestBlockages: [BlockageRow!]!
    "Every unit, ranked by score (督查考核排名)."
    ranking: [RankingEntry!]!
    "One point per month end of the year up to the day, then the day itself, each as known then."
    series: [LightPoint!]!
  }

  "A deduction of a unit's list, with its cursor."
  type ScoreDeductionEdge {
${itemEdgeFields('ScoreDeduction')}  }

  "A failed task of a unit's list, with its cursor."
  type UnitFailureEdge {
${itemEdgeFields('UnitFailure')}  }

  "A task id of an official's list, with its cursor."
  type TaskIdEdge {
${itemEdgeFields('ID')}  }

  "An accountability record of an official's list, with its cursor."
  type OfficialRecordEdge {
${itemEdgeFields('OfficialRecord')}  }

  "A unit of the responsibility board, with its cursor."
  type UnitResponsibilityEdge {
${rowEdgeFields('UnitResponsibility')}  }

  "A milestone of the stage board, with its cursor."
  type StageRowEdge {
${rowEdgeFields('StageRow')}  }

  "A blockage of the blockage board, with its cursor."
  type BlockageRowEdge {
${rowEdgeFields('BlockageRow')}  }

  "A task of the progress board, with its cursor."
  type ProgressRowEdge {
${rowEdgeFields('ProgressRow')}  }

  "An indicator of the results board, with its cursor."
  type ResultRowEdge {
${rowEdgeFields('ResultRow')}  }
`;
