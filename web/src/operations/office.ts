/** The supervision office's workbench (督查室工作台): what needs its hand, and the task it works on. */

/** 红灯 tasks and 超期 milestones: where a notice or an urge is one click away. */
export const attentionQuery = /* GraphQL */ `query OfficeAttention {
  red: progressBoard(filter: { light: RED }, first: 50) { day
    nodes { taskId title leadUnitId leadUnitName actual expected behind dueDate } }
  overdue: stageBoard(filter: { state: OVERDUE }, first: 50) { day
    nodes { taskId taskTitle leadUnitId leadUnitName milestoneId title dueDate percent daysOverdue } } }`;

/**
 * What waits on the office's ruling: completion reports (办结报告), tasks without
 * a lead unit (never assigned, or returned, 退回), and extension requests: the
 * milestones' and the tasks' own, which the office reviews first (初审) and then
 * follows while the responsible leader decides.
 */
export const rulingsQuery = /* GraphQL */ `query OfficeRulings {
  reported: tasks(filter: { statuses: [COMPLETION_REPORTED] }, first: 50) {
    edges { node { id title leadUnit { id name } dueDate } } }
  unassigned: tasks(filter: { statuses: [REGISTERED] }, first: 50) {
    edges { node { id title dueDate } } }
  returns: tasks(filter: { returnRequested: true }, first: 50) {
    edges { node { id title dueDate leadUnit { id name } } } }
  proposals: tasks(filter: { proposed: true }, first: 50) {
    edges { node { id title dueDate leadUnit { id name } responsibleLeader } } }
  extensions: stageBoard(filter: { withExtensions: true }, first: 100) {
    nodes { taskId taskTitle leadUnitName milestoneId title dueDate
      extensions { requestId status requestedOn requestedDueDate reason } } }
  taskExtensions: progressBoard(filter: { withExtensions: true }, first: 100) {
    nodes { taskId title leadUnitName dueDate
      extensions { requestId status requestedOn requestedDueDate reason } } } }`;

/**
 * The pending completion reports as the office reviews them, and who held each
 * task without a lead unit and why it was given back: every task in one request.
 */
export const rulingDetailsQuery = /* GraphQL */ `query OfficeRulingDetails($reported: [ID!]!, $anyReported: Boolean!, $unassigned: [ID!]!, $anyUnassigned: Boolean!, $returns: [ID!]!, $anyReturns: Boolean!) {
  returns: tasksById(ids: $returns) @include(if: $anyReturns) { id
    cooperatingUnits { id name } returnRequests { reason ruling requestedAt } }
  reported: tasksById(ids: $reported) @include(if: $anyReported) { id
    completion { summary reportedAt reportedBy evidence { fileName sha256 size } rejections { reason rejectedAt } } }
  unassigned: tasksById(ids: $unassigned) @include(if: $anyUnassigned) { id
    cooperatingUnits { id name } responsibleLeader handovers { kind fromUnit { id name } reason at by } } }`;

/** Every task, the latest activity first: the office picks the one to work on. */
export const officeTasksQuery = /* GraphQL */ `query OfficeTasks {
  tasks(orderBy: { field: UPDATED_AT, direction: DESC }, first: 200) { totalCount
    edges { node { id title section status progress leadUnit { id name } dueDate nextDueDate
      overdueMilestones kind } } } }`;

/** The task the office works on: its assignment, plan, indicators, notices, urges and 问责. */
export const officeTaskQuery = /* GraphQL */ `query OfficeTask($id: ID!) {
  today: progressBoard(first: 1) { day }
  task(id: $id) {
  id title description section status plannedStart dueDate position
  leadUnit { id name } cooperatingUnits { id name } responsibleLeader
  milestones { id title dueDate weight progress status overdue ownerUnit { id name } }
  indicators { id name unitOfMeasure target comparison dueDate baseline tolerance }
  notices { id level toUnit { id name } subject replyDueDate answered }
  urges { urgeId unit { id name } message replyBy urgedOn }
  accountabilityRecords { id against { kind id unit { name } } kind reason scoreDeduction status recordedAt } } }`;
