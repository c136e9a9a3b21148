import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerTask = `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id revision position } }`;
const assignTask = `mutation($input: AssignTaskInput!) { assignTask(input: $input) { revision position } }`;
const planMilestone = `mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId revision position } }`;
const reportProgress = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { revision position } }`;
const reportBlockage = `mutation($input: ReportBlockageInput!) { reportBlockage(input: $input) { blockageId revision position } }`;
const declareBlockagePartDone = `mutation($input: DeclareBlockagePartDoneInput!) { declareBlockagePartDone(input: $input) { revision } }`;
const resolveBlockage = `mutation($input: ResolveBlockageInput!) { resolveBlockage(input: $input) { revision position } }`;
const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id position } }`;
const taskQuery = `query($id: ID!) { task(id: $id) {
  id title status progress position leadUnit { id name } cooperatingUnits { id name }
  milestones { id title dueDate progress status } blockages { id description status waitingOnUnitId }
} }`;
const historyQuery = `query($id: ID!) { taskHistory(taskId: $id, first: 200) {
  edges { node { position revision type recordedAt actor { id role unitId } data } } } }`;

/** A history connection of nodes shaped `T`. */
type History<T> = { taskHistory: { edges: { node: T }[] } };

type Data = Record<string, Record<string, unknown>>;

describe('the foundation scenario through GraphQL', () => {
  let sys: TestSystem;
  let office: string;
  let eduHead: string;
  let envHead: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    office = await sys.token('office');
    eduHead = await sys.token('department_head', 'edu');
    envHead = await sys.token('department_head', 'env');
    await ok(registerUnit, { id: 'edu', name: '教育局' });
    await ok(registerUnit, { id: 'env', name: '生态环境局' });
    await ok(registerUnit, { id: 'water', name: '水务局' });
  });
  afterAll(() => sys.stop());

  const ok = async (query: string, input: Record<string, unknown>, token = office) => {
    const result = await sys.gql<Data>(query, { input }, token);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data ?? {})[0] as Record<string, unknown>;
  };

  const setUpTask = async () => {
    const task = await ok(registerTask, {
      title: '新建学校3所',
      section: '二、民生实事',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
    const taskId = task.id as string;
    await ok(assignTask, {
      taskId,
      leadUnitId: 'edu',
      cooperatingUnitIds: ['env'],
      responsibleLeader: '王副区长',
    });
    const first = await ok(planMilestone, {
      taskId,
      title: '完成选址',
      dueDate: '2021-03-31',
      weight: 1,
    });
    const second = await ok(planMilestone, {
      taskId,
      title: '主体封顶',
      dueDate: '2021-10-31',
      weight: 3,
    });
    return { taskId, first: first.milestoneId as string, second: second.milestoneId as string };
  };

  it('records every step and shows it in the task view and the history', async () => {
    const { taskId, first, second } = await setUpTask();
    await ok(
      reportProgress,
      { taskId, milestoneId: first, percent: 60, note: '已选址两处' },
      eduHead,
    );
    const blockage = await ok(
      reportBlockage,
      { taskId, description: '用地手续待批', waitingOnUnitId: 'env' },
      eduHead,
    );
    await ok(
      declareBlockagePartDone,
      { taskId, blockageId: blockage.blockageId, note: '用地手续已批复' },
      envHead,
    );
    const last = await ok(
      resolveBlockage,
      { taskId, blockageId: blockage.blockageId, resolution: '已协调办结' },
      eduHead,
    );

    await sys.settled();
    const view = await sys.gql<Data>(taskQuery, { id: taskId }, office);
    const task = view.data?.task ?? {};
    expect(task.position).toBe(last.position);
    expect(task).toMatchObject({
      title: '新建学校3所',
      status: 'IN_PROGRESS',
      progress: 15,
      leadUnit: { id: 'edu', name: '教育局' },
      cooperatingUnits: [{ id: 'env', name: '生态环境局' }],
      milestones: [
        { id: first, progress: 60, status: 'OPEN', dueDate: '2021-03-31' },
        { id: second, progress: 0, status: 'OPEN' },
      ],
      blockages: [{ id: blockage.blockageId, status: 'RESOLVED', waitingOnUnitId: 'env' }],
    });

    const history = await sys.gql<History<Record<string, unknown>>>(
      historyQuery,
      { id: taskId },
      office,
    );
    const events = (history.data?.taskHistory.edges ?? []).map((edge) => edge.node);
    expect(events.map((event) => event.type)).toEqual([
      'TaskRegistered',
      'TaskAssigned',
      'MilestonePlanned',
      'MilestonePlanned',
      'MilestoneProgressReported',
      'BlockageReported',
      'BlockagePartDeclaredDone',
      'BlockageResolved',
    ]);
    expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const positions = events.map((event) => event.position as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(events[0]?.actor).toEqual({ id: 'office', role: 'OFFICE', unitId: null });
    expect(events[4]?.actor).toEqual({
      id: 'department_head-edu',
      role: 'DEPARTMENT_HEAD',
      unitId: 'edu',
    });
    expect(events[6]?.actor).toMatchObject({ role: 'DEPARTMENT_HEAD', unitId: 'env' });
    expect(events[7]?.actor).toMatchObject({ role: 'DEPARTMENT_HEAD', unitId: 'edu' });
  });

  it('shows a mutation in the task view without waiting for a poll', async () => {
    const { taskId, first } = await setUpTask();
    const written = await ok(reportProgress, { taskId, milestoneId: first, percent: 30 }, eduHead);
    const deadline = Date.now() + 5000;
    let seen = 0;
    while (Date.now() < deadline) {
      const view = await sys.gql<Data>(taskQuery, { id: taskId }, office);
      seen = (view.data?.task?.position as number) ?? 0;
      if (seen >= (written.position as number)) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(seen).toBe(written.position);
  });

  it('keeps every one of 50 concurrent progress reports that succeeds, and no other', async () => {
    const { taskId, first } = await setUpTask();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        sys.gql(
          reportProgress,
          { input: { taskId, milestoneId: first, percent: index, note: `第${index}次` } },
          eduHead,
        ),
      ),
    );
    const succeeded = results.filter((result) => !result.errors);
    const failed = results.filter((result) => result.errors);
    for (const failure of failed) expect(failure.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const history = await sys.gql<History<{ type: string; data: { note: string } }>>(
      historyQuery,
      { id: taskId },
      office,
    );
    const reports = (history.data?.taskHistory.edges ?? [])
      .map((edge) => edge.node)
      .filter((event) => event.type === 'MilestoneProgressReported');
    expect(reports).toHaveLength(succeeded.length);
    expect(new Set(reports.map((event) => event.data.note)).size).toBe(reports.length);
  });

  it('answers a retried command with its first result and stores it once', async () => {
    const { taskId } = await setUpTask();
    const input = { taskId, description: '资金未到位', idempotencyKey: 'retry-1' };
    const once = await ok(reportBlockage, input, eduHead);
    const twice = await ok(reportBlockage, input, eduHead);
    expect(twice).toEqual(once);
    const history = await sys.gql<History<{ type: string }>>(historyQuery, { id: taskId }, office);
    expect(
      history.data?.taskHistory.edges
        .map((edge) => edge.node)
        .filter((event) => event.type === 'BlockageReported'),
    ).toHaveLength(1);
  });

  describe('bad input', () => {
    const refused = async (
      query: string,
      input: Record<string, unknown>,
      code: string,
      field: string | undefined,
      token = office,
    ) => {
      const before = await sys.lastPosition();
      const result = await sys.gql(query, { input }, token);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field } : {}) });
      if (field) expect(result.errors?.[0]?.message).toContain(field);
      expect(await sys.lastPosition()).toBe(before);
    };

    it('names a missing title', () =>
      refused(
        registerTask,
        { plannedStart: '2021-01-01', dueDate: '2021-02-01' },
        'VALIDATION',
        'title',
      ));

    it('names a due date that is not a date', () =>
      refused(
        registerTask,
        { title: '任务', plannedStart: '2021-01-01', dueDate: 'yesterday' },
        'VALIDATION',
        'dueDate',
      ));

    it('names a due date before the start', () =>
      refused(
        registerTask,
        { title: '任务', plannedStart: '2021-05-01', dueDate: '2021-04-01' },
        'VALIDATION',
        'dueDate',
      ));

    it('names a percentage over 100', async () => {
      const { taskId, first } = await setUpTask();
      await refused(
        reportProgress,
        { taskId, milestoneId: first, percent: 140 },
        'VALIDATION',
        'percent',
        eduHead,
      );
    });

    it('names an unknown task', () =>
      refused(
        reportProgress,
        { taskId: 'no-such-task', milestoneId: 'm1', percent: 10 },
        'NOT_FOUND',
        'taskId',
      ));

    it('names an unregistered lead unit', async () => {
      const { taskId } = await setUpTask();
      await refused(assignTask, { taskId, leadUnitId: 'nobody' }, 'NOT_FOUND', 'leadUnitId');
    });

    it('refuses backwards progress without a reason', async () => {
      const { taskId, first } = await setUpTask();
      await ok(reportProgress, { taskId, milestoneId: first, percent: 50 }, eduHead);
      await refused(
        reportProgress,
        { taskId, milestoneId: first, percent: 40 },
        'VALIDATION',
        'note',
        eduHead,
      );
    });
  });

  describe('who may act', () => {
    it('refuses a department head of an unrelated unit', async () => {
      const { taskId, first } = await setUpTask();
      const other = await sys.token('department_head', 'water');
      const before = await sys.lastPosition();
      const result = await sys.gql(
        reportProgress,
        { input: { taskId, milestoneId: first, percent: 10 } },
        other,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await sys.lastPosition()).toBe(before);
    });

    it('refuses registration by anyone but the office', async () => {
      const leader = await sys.token('leader');
      const result = await sys.gql(
        registerTask,
        { input: { title: 't', plannedStart: '2021-01-01', dueDate: '2021-02-01' } },
        leader,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('answers UNAUTHENTICATED without a token or with a bad one', async () => {
      const none = await sys.gql('{ units { id } }');
      expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const bad = await sys.gql('{ units { id } }', {}, `${office.slice(0, -4)}AAAA`);
      expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(bad.status).toBe(401);
    });
  });

  describe('the HTTP front door', () => {
    it('reports health', async () => {
      const response = await fetch(`${sys.url}/healthz`);
      expect(response.status).toBe(200);
    });

    it('serves GraphiQL from local assets only', async () => {
      const response = await fetch(`${sys.url}/graphql`, { headers: { accept: 'text/html' } });
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(html).toContain('<div id="root">');
      expect(html).not.toMatch(/(src|href)=["']https?:/);
    });

    it('refuses an oversized page naming the field', async () => {
      const result = await sys.gql('{ tasks(first: 100000) { totalCount } }', {}, office);
      expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION');
      expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
    });
  });
});
