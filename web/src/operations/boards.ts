/**
 * The boards (钉钉子) and the overview as the console asks for them. Each board
 * is one document: its filters travel in `$filter`, its order in `$orderBy`.
 */

const boardPage = 'day rulesetVersion totalCount pageInfo { hasNextPage endCursor }';

export const overviewQuery = /* GraphQL */ `query Overview($asOf: Date) { overview(asOf: $asOf) {
  day rulesetVersion totals { green yellow red }
  sections { section green yellow red suspended total }
  worstOverdue { taskId taskTitle title leadUnitName dueDate daysOverdue
    extensions { requestId status requestedDueDate } }
  oldestBlockages { taskId taskTitle blockageId description waitingOnUnitName ageDays level }
  ranking { rank unitId unitName score }
  series { day green yellow red } } }`;

export const responsibilityBoardQuery = /* GraphQL */ `query ResponsibilityBoard($asOf: Date, $first: Int, $after: String, $filter: ResponsibilityFilter, $orderBy: ResponsibilityOrder) {
  board: responsibilityBoard(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    nodes { unitId unitName rank score tasksLed tasksCoOwned lights { green yellow red } onTimeRate overdueMilestones openBlockages }
    officials { officialId name title lights { green yellow red } onTimeRate overdueMilestones openBlockages } } }`;

export const stageBoardQuery = /* GraphQL */ `query StageBoard($asOf: Date, $first: Int, $after: String, $filter: StageFilter, $orderBy: StageOrder) {
  board: stageBoard(asOf: $asOf, filter: $filter, orderBy: $orderBy, first: $first, after: $after) { ${boardPage}
    counts { upcoming dueSoon overdue doneOnTime doneLate suspended }
    nodes { taskId taskTitle leadUnitName milestoneId title dueDate percent state daysLeft daysOverdue
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
    nodes { taskId taskTitle name unitOfMeasure target comparison
      selfReported { value asOf } measured { value asOf } attainment attained light dueDate } } }`;

/** The plan's sections, as the overview lists them. */
export const sectionsQuery =
  /* GraphQL */ 'query Sections { overview(top: 1) { sections { section } } }';

/** A unit's own tasks with their lights, and their milestones' stages. */
export const myTasksQuery = /* GraphQL */ `query MyTasks($unitId: ID) {
  progressBoard(filter: { unitId: $unitId }, first: 100) { nodes { taskId title leadUnitId light dueDate actual expected } }
  stageBoard(filter: { unitId: $unitId }, first: 200) { nodes { taskId state dueDate } } }`;
