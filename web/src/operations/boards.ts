/**
 * The boards (钉钉子) and the overview as the console asks for them. Each board
 * is one document: its filters travel in `$filter`, its order in `$orderBy`.
 */

const boardPage = 'day rulesetVersion totalCount pageInfo { hasNextPage endCursor }';

/**
 * The leadership cockpit in one request: the overview's lights and series; the
 * worst units first; every red task (the rows behind the red count); the
 * overdue milestones, whose board also counts every state (按期率, 逾期数); the
 * open blockages, oldest first. The sections count the tasks accepted as done (办结率).
 */
export const overviewQuery = /* GraphQL */ `query Overview($asOf: Date, $kind: TaskKind) {
  overview(asOf: $asOf, kind: $kind, top: 1) { day rulesetVersion totals { green yellow red }
    sections { section green yellow red suspended accepted total } series { day green yellow red } }
  units: responsibilityBoard(asOf: $asOf, filter: { kind: $kind }, orderBy: { field: SCORE, direction: ASC }, first: 10) {
    totalCount nodes { unitId unitName rank category score tasksLed tasksCoOwned lights { red } overdueMilestones openBlockages } }
  red: progressBoard(asOf: $asOf, filter: { light: RED, kind: $kind }, orderBy: { field: BEHIND, direction: DESC }, first: 50) {
    totalCount nodes { taskId title section leadUnitName actual expected behind dueDate } }
  overdue: stageBoard(asOf: $asOf, filter: { state: OVERDUE, kind: $kind }, orderBy: { field: DAYS_OVERDUE, direction: DESC }, first: 200) {
    totalCount counts { doneOnTime doneLate overdue }
    nodes { taskId responsibleLeader title dueDate daysOverdue extensions { requestId status requestedDueDate } } }
  blockages: blockageBoard(asOf: $asOf, filter: { kind: $kind }, first: 50) {
    totalCount nodes { taskId taskTitle blockageId description waitingOnUnitName ageDays level } } }`;

/** The responsibility board: each unit's score with its first score items (deductions and 加分). */
export const responsibilityBoardQuery = /* GraphQL */ `query ResponsibilityBoard($asOf: Date, $period: String, $first: Int, $after: String, $filter: ResponsibilityFilter, $orderBy: ResponsibilityOrder) {
  board: responsibilityBoard(asOf: $asOf, period: $period, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    settlement { period closedOn }
    nodes { unitId unitName rank category score deductionCount deductions { rule points ref reason bonusKind }
      tasksLed tasksCoOwned lights { green yellow red } onTimeRate overdueMilestones openBlockages subUnitDeductions }
    officials { officialId name title lights { green yellow red } onTimeRate overdueMilestones openBlockages } } }`;

export const stageBoardQuery = /* GraphQL */ `query StageBoard($asOf: Date, $first: Int, $after: String, $filter: StageFilter, $orderBy: StageOrder) {
  board: stageBoard(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    counts { upcoming dueSoon overdue doneOnTime doneLate suspended }
    nodes { taskId taskTitle leadUnitName responsibleLeader milestoneId title dueDate percent state daysLeft daysOverdue
      extensions { requestId status requestedDueDate reason } } } }`;

export const blockageBoardQuery = /* GraphQL */ `query BlockageBoard($asOf: Date, $first: Int, $after: String, $filter: BlockageFilter, $orderBy: BlockageOrder) {
  board: blockageBoard(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    cycles pingPongs { taskId title unitIds }
    nodes { taskId taskTitle blockageId description blockedUnitName waitingOnUnitName ageDays level chain inCycle } } }`;

export const progressBoardQuery = /* GraphQL */ `query ProgressBoard($asOf: Date, $first: Int, $after: String, $filter: ProgressFilter, $orderBy: ProgressOrder) {
  board: progressBoard(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    counts { green yellow red }
    nodes { taskId title section leadUnitName actual expected behind light trend forecast dueDate } } }`;

export const resultsBoardQuery = /* GraphQL */ `query ResultsBoard($asOf: Date, $first: Int, $after: String, $filter: ResultFilter, $orderBy: ResultOrder) {
  board: resultsBoard(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    nodes { taskId taskTitle name unitOfMeasure target comparison tolerance
      selfReported { value asOf } measured { value asOf } attainment attained light dueDate } } }`;

/**
 * The plan's sections, as the overview lists them, for a board opened before
 * the overview (which leaves its own in the lookups).
 */
export const sectionsQuery =
  /* GraphQL */ 'query Sections { overview(top: 1) { sections { section } } }';

/** A unit's own tasks with their lights, and their milestones' stages. */
export const myTasksQuery = /* GraphQL */ `query MyTasks($unitId: ID) {
  progressBoard(filter: { unitId: $unitId }, first: 100) { nodes { taskId title leadUnitId light dueDate actual expected } }
  stageBoard(filter: { unitId: $unitId }, first: 200) { nodes { taskId state dueDate } } }`;

/** The unit head's pending drafts (待审核): the liaisons' drafts on the unit's tasks. */
export const pendingDraftsQuery = /* GraphQL */ `query PendingDrafts($ids: [ID!]!) {
  tasksById(ids: $ids) { id title drafts { draftId unit { id } percent status draftedBy draftedAt draftedByName } } }`;
