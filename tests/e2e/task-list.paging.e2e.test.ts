import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * The task list a page at a time: keyset cursors (the last item's sort value and
 * id) that visit every task once in the order one whole read gives, on every sort
 * field and direction, nulls included, and the cursors a page refuses.
 */

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`;
const registerTask = `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }`;
const planMilestone = `mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId } }`;
const tasksQuery = `query($first: Int, $after: String, $orderBy: TaskOrder) {
  tasks(first: $first, after: $after, orderBy: $orderBy) {
    totalCount edges { cursor node { id nextDueDate } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

type Page = {
  totalCount: number;
  edges: { cursor: string; node: { id: string; nextDueDate: string | null } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

const dueDates = [
  '2021-06-30',
  '2021-03-31',
  '2021-06-30',
  '2021-12-31',
  '2021-03-31',
  '2021-09-30',
  '2021-06-30',
];

describe('the task list read a page at a time', () => {
  let sys: TestSystem;
  let office: string;

  const page = async (variables: Record<string, unknown>): Promise<Page> => {
    const result = await sys.gql<{ tasks: Page }>(tasksQuery, variables, office);
    expect(result.errors).toBeUndefined();
    return result.data?.tasks as Page;
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    await sys.gql(registerUnit, { input: { id: 'edu', name: '教育局' } }, office);
    for (const [index, dueDate] of dueDates.entries()) {
      const registered = await sys.gql<{ registerTask: { id: string } }>(
        registerTask,
        { input: { title: `任务 ${index % 3}`, plannedStart: '2021-01-01', dueDate } },
        office,
      );
      // Some tasks have an open milestone (a next due date), the others none (null).
      if (index % 2 === 0) {
        await sys.gql(
          planMilestone,
          {
            input: {
              taskId: registered.data?.registerTask.id,
              title: '阶段',
              dueDate: dueDates[(index + 3) % dueDates.length],
            },
          },
          office,
        );
      }
    }
    await sys.settled();
  });
  afterAll(() => sys.stop());

  it.each([
    ['DUE_DATE', 'ASC'],
    ['DUE_DATE', 'DESC'],
    ['NEXT_DUE_DATE', 'ASC'],
    ['NEXT_DUE_DATE', 'DESC'],
    ['TITLE', 'DESC'],
    ['UPDATED_AT', 'ASC'],
    ['PROGRESS', 'DESC'],
  ])('visits every task once, two at a time, sorted on %s %s', async (field, direction) => {
    const orderBy = { field, direction };
    const whole = await page({ first: 200, orderBy });
    expect(whole.totalCount).toBe(dueDates.length);
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages <= dueDates.length; pages++) {
      const next = await page({ first: 2, after, orderBy });
      expect(next.totalCount).toBe(dueDates.length);
      expect(next.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(next.pageInfo.startCursor).toBe(next.edges[0]?.cursor ?? null);
      seen.push(...next.edges.map((edge) => edge.node.id));
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((edge) => edge.node.id));
  });

  it('has tasks with a next due date and tasks without one (null), ties on the due date', async () => {
    const whole = await page({ first: 200 });
    const next = whole.edges.map((edge) => edge.node.nextDueDate);
    expect(next.filter((day) => day === null).length).toBeGreaterThan(0);
    expect(next.filter((day) => day !== null).length).toBeGreaterThan(0);
  });

  it('knows a full last page has nothing after it', async () => {
    const first = await page({ first: dueDates.length - 2 });
    const last = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(last.edges).toHaveLength(2);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['not base64url', '%%%'],
    ['not a cursor it gave', Buffer.from('o:3').toString('base64url')],
    ['a cursor of a forged shape', Buffer.from('["k","dueDate",{},"t"]').toString('base64url')],
  ])('refuses a cursor that is %s, naming after', async (_, after) => {
    const result = await sys.gql(tasksQuery, { first: 2, after }, office);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'after' });
  });

  it('refuses a cursor of a page in another order', async () => {
    const byTitle = await page({ first: 2, orderBy: { field: 'TITLE' } });
    const result = await sys.gql(
      tasksQuery,
      { first: 2, after: byTitle.pageInfo.endCursor, orderBy: { field: 'DUE_DATE' } },
      office,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'after' });
    expect(result.errors?.[0]?.message).toMatch(/same order/);
  });
});
