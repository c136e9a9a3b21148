import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * A task's history a page at a time through the gateway: forwards with first/after,
 * backwards with last/before, the same pages from the task's own page, and the
 * arguments a page refuses.
 */

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`;
const registerTask = `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }`;
const assignTask = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { revision } }`;
const planMilestone = `mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId } }`;
const reportProgress = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { revision } }`;

const connection =
  'edges { cursor node { revision type } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const historyQuery = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  taskHistory(taskId: $id, first: $first, after: $after, last: $last, before: $before) { ${connection} } }`;
const taskHistoryQuery = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  task(id: $id) { history(first: $first, after: $after, last: $last, before: $before) { ${connection} } } }`;

type Event = { revision: number; type: string };
type Page = {
  edges: { cursor: string; node: Event }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};
type PageArgs = { first?: number; after?: string | null; last?: number; before?: string | null };

/** Progress reports the task gets after its registration, assignment and one milestone. */
const reports = 7;
/** Registered, assigned, a milestone planned, then the reports. */
const eventCount = 3 + reports;

describe('a task history read a page at a time', () => {
  let sys: TestSystem;
  let office: string;
  let taskId: string;

  const ok = async (query: string, input: Record<string, unknown>, token = office) => {
    const result = await sys.gql<Record<string, Record<string, unknown>>>(query, { input }, token);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data ?? {})[0] as Record<string, unknown>;
  };

  const page = async (args: PageArgs, id = taskId): Promise<Page> => {
    const result = await sys.gql<{ taskHistory: Page }>(historyQuery, { id, ...args }, office);
    expect(result.errors).toBeUndefined();
    return result.data?.taskHistory as Page;
  };

  const refusal = async (args: PageArgs, id = taskId) => {
    const result = await sys.gql(historyQuery, { id, ...args }, office);
    expect(result.data ?? null).toBeNull();
    return result.errors?.[0]?.extensions;
  };

  const nodes = (p: Page) => p.edges.map((edge) => edge.node);

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    const eduHead = await sys.token('department_head', 'edu');
    await ok(registerUnit, { id: 'edu', name: '教育局' });
    const task = await ok(registerTask, {
      title: '新建学校3所',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
    taskId = task.id as string;
    await ok(assignTask, { taskId, leadUnitId: 'edu' });
    const milestone = await ok(planMilestone, { taskId, title: '完成选址', dueDate: '2021-10-31' });
    for (let report = 1; report <= reports; report += 1) {
      await ok(
        reportProgress,
        { taskId, milestoneId: milestone.milestoneId, percent: report * 10, note: `第${report}次` },
        eduHead,
      );
    }
  });
  afterAll(() => sys.stop());

  it('gives the whole history, oldest first, when no page is asked for', async () => {
    const whole = await page({});
    expect(nodes(whole).map((event) => event.revision)).toEqual(
      Array.from({ length: eventCount }, (_, revision) => revision),
    );
    expect(nodes(whole)[0]?.type).toBe('TaskRegistered');
    expect(nodes(whole).at(-1)?.type).toBe('MilestoneProgressReported');
    expect(whole.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: whole.edges[0]?.cursor,
      endCursor: whole.edges.at(-1)?.cursor,
    });
  });

  it('visits every event once, in revision order, three at a time forwards', async () => {
    const pages: Page[] = [];
    let after: string | null = null;
    for (;;) {
      const next = await page({ first: 3, after });
      pages.push(next);
      if (!next.pageInfo.hasNextPage || pages.length > eventCount) break;
      after = next.pageInfo.endCursor;
    }
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flatMap(nodes).map((event) => event.revision)).toEqual(
      Array.from({ length: eventCount }, (_, revision) => revision),
    );
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true]);
    for (const p of pages) {
      expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)?.cursor);
    }
  });

  it('gives the newest three with last, oldest first, and pages backwards to the beginning', async () => {
    const newest = await page({ last: 3 });
    expect(nodes(newest).map((event) => event.revision)).toEqual([
      eventCount - 3,
      eventCount - 2,
      eventCount - 1,
    ]);
    expect(newest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

    const pages: Page[] = [newest];
    let before = newest.pageInfo.startCursor;
    while (pages.at(-1)?.pageInfo.hasPreviousPage && pages.length <= eventCount) {
      const previous = await page({ last: 3, before });
      pages.push(previous);
      before = previous.pageInfo.startCursor;
    }
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 3, 1]);
    expect(
      pages
        .reverse()
        .flatMap(nodes)
        .map((event) => event.revision),
    ).toEqual(Array.from({ length: eventCount }, (_, revision) => revision));
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
  });

  it('gives from the task page the same events as taskHistory', async () => {
    await sys.settled();
    const result = await sys.gql<{ task: { history: Page } }>(
      taskHistoryQuery,
      { id: taskId, last: 2 },
      office,
    );
    expect(result.errors).toBeUndefined();
    const lastTwo = result.data?.task.history as Page;
    const whole = await page({ first: 200 });
    expect(lastTwo.edges).toEqual(whole.edges.slice(-2));
    expect(lastTwo.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: whole.edges.at(-2)?.cursor,
      endCursor: whole.edges.at(-1)?.cursor,
    });
  });

  it('refuses first and last together, naming last', async () => {
    expect(await refusal({ first: 3, last: 3 })).toMatchObject({
      code: 'VALIDATION',
      field: 'last',
    });
  });

  it.each([0, 201])('refuses first: %i, naming first', async (first) => {
    expect(await refusal({ first })).toMatchObject({ code: 'VALIDATION', field: 'first' });
  });

  it('refuses a cursor it did not give, naming after', async () => {
    expect(await refusal({ first: 3, after: 'not a cursor!' })).toMatchObject({
      code: 'VALIDATION',
      field: 'after',
    });
  });

  it('names an unknown task', async () => {
    expect(await refusal({ first: 3 }, 'no-such-task')).toMatchObject({
      code: 'NOT_FOUND',
      field: 'taskId',
    });
  });
});
