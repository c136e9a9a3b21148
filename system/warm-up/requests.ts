/** A task of the scratch year, as the warm-up asks for and reports on it. */
export interface WarmTask {
  id: string;
  leadUnitId: string;
  indicatorIds: readonly string[];
}

/** Who sends a request: a leader, or the head of a task's lead unit. */
export type WarmCaller = { role: 'leader' } | { role: 'department_head'; unit: string };

/** One GraphQL request of the warm-up. */
export interface WarmRequest {
  caller: WarmCaller;
  query: string;
  variables: Record<string, unknown>;
}

/** The queries of a working day's mix (the soak sends them too). */
export const workdayQueries = {
  taskPage: `query($id: ID!) { task(id: $id) { id title status progress
  milestones { id title dueDate progress status } blockages { id status } indicators { id name }
  history(last: 100) { edges { node { position type recordedAt actor { id role } } } } } }`,
  taskList: `query($unit: ID) { tasks(first: 50, filter: { leadUnitId: $unit },
  orderBy: { field: UPDATED_AT, direction: DESC }) {
  totalCount edges { node { id title status progress } } } }`,
  boards: [
    '{ overview { totals { green yellow red } ranking { unitId score } series { day red } } }',
    '{ responsibilityBoard(first: 50) { totalCount nodes { unitId score rank } } }',
    '{ stageBoard(first: 50) { totalCount nodes { id state } } }',
    '{ blockageBoard(first: 50) { totalCount nodes { id ageDays } } }',
    '{ progressBoard(first: 50) { totalCount nodes { taskId light } } }',
    '{ resultsBoard(first: 50) { totalCount nodes { id attainment } } }',
  ],
  reportValue:
    'mutation($input: ReportIndicatorValueInput!) { reportIndicatorValue(input: $input) { revision } }',
} as const;

const { taskPage, taskList, boards, reportValue } = workdayQueries;

/** The tasks of the scratch year, with the lead unit of each. */
export const warmTasksQuery = '{ tasks(first: 200) { edges { node { id leadUnit { id } } } } }';

/** A task's indicators. */
export const taskIndicatorsQuery = 'query($id: ID!) { task(id: $id) { indicators { id } } }';

const leader: WarmCaller = { role: 'leader' };

/**
 * The `i`th request of the warm-up, in the mix a working day sends: a quarter
 * task pages, task lists, the six boards in turn, and indicator values
 * reported by the lead unit (whole numbers, valid for every indicator), on
 * `asOf`. Writes go only to tasks with an indicator; without one, a board.
 */
export const warmRequest = (i: number, tasks: readonly WarmTask[], asOf: string): WarmRequest => {
  const kind = i % 20;
  const task = tasks[(i * 7919) % tasks.length] as WarmTask;
  if (kind < 5) return { caller: leader, query: taskPage, variables: { id: task.id } };
  if (kind < 8) {
    const unit = i % 3 === 0 ? null : task.leadUnitId;
    return { caller: leader, query: taskList, variables: { unit } };
  }
  const reported = tasks.filter((one) => one.indicatorIds.length > 0);
  const board = { caller: leader, query: boards[i % boards.length] as string, variables: {} };
  if (kind < 14 || reported.length === 0) return board;
  const on = reported[i % reported.length] as WarmTask;
  const indicatorId = on.indicatorIds[i % on.indicatorIds.length] as string;
  return {
    caller: { role: 'department_head', unit: on.leadUnitId },
    query: reportValue,
    variables: { input: { taskId: on.id, indicatorId, value: 1 + (i % 50), asOf } },
  };
};
