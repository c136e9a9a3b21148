import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, office } from '../support/broker-calls.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** 10:00 in Beijing on 1 March 2021: the business day of every urge below. */
const clock = settableClock('2021-03-01T02:00:00.000Z');

let sys: TestSystem;
const { call, refused } = brokerCalls(() => sys);

beforeAll(async () => {
  sys = await startTestSystem(
    { SERVICES: 'tasks,directory,rules,views,boards,projector' },
    { clock },
  );
  for (const id of ['edu', 'env', 'tech']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
});
afterAll(() => sys.stop());

/** A task led by edu with env cooperating. */
const assignedTask = async (): Promise<string> => {
  const { id } = await call(
    'tasks.registerTask',
    { title: '老旧小区改造', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  const taskId = id as string;
  await call(
    'tasks.assignTask',
    { taskId, leadUnitId: 'edu', cooperatingUnitIds: ['env'] },
    office,
  );
  return taskId;
};

type Row = { unitId: string; timesUrged: number };

/** Times urged per unit on today's responsibility board, once the read models caught up. */
const timesUrged = async (): Promise<Record<string, number>> => {
  await sys.settled();
  const board = await call<{ nodes: Row[] }>('boards.responsibilityBoard', {}, office);
  return Object.fromEntries(board.nodes.map((row) => [row.unitId, row.timesUrged]));
};

describe('urging a task (催办)', () => {
  it('shows on the task page, in the history and on the responsibility board', async () => {
    const taskId = await assignedTask();
    const before = await timesUrged();

    const first = await call(
      'tasks.urgeTask',
      { taskId, message: ' 请于本周报送进展 ', replyBy: '2021-03-05' },
      office,
    );
    const second = await call(
      'tasks.urgeTask',
      { taskId, unitId: 'env', message: '请配合提供资金计划' },
      office,
    );
    expect(first).toMatchObject({ urgeId: expect.any(String), revision: 2 });
    expect(second).toMatchObject({ revision: 3 });

    const after = await timesUrged();
    expect({
      edu: (after.edu ?? 0) - (before.edu ?? 0),
      env: (after.env ?? 0) - (before.env ?? 0),
      tech: (after.tech ?? 0) - (before.tech ?? 0),
    }).toEqual({ edu: 1, env: 1, tech: 0 });

    const page = await call<{ urges: unknown[] }>('views.task', { id: taskId }, office);
    expect(page.urges).toEqual([
      {
        urgeId: first.urgeId,
        unitId: 'edu',
        unit: { id: 'edu', name: 'Bureau edu' },
        message: '请于本周报送进展',
        replyBy: '2021-03-05',
        urgedOn: '2021-03-01',
        by: office.id,
        cause: null,
        answer: null,
        answeredOn: null,
        overdueOn: null,
        escalatedTo: null,
      },
      {
        urgeId: second.urgeId,
        unitId: 'env',
        unit: { id: 'env', name: 'Bureau env' },
        message: '请配合提供资金计划',
        replyBy: null,
        urgedOn: '2021-03-01',
        by: office.id,
        cause: null,
        answer: null,
        answeredOn: null,
        overdueOn: null,
        escalatedTo: null,
      },
    ]);

    const history = (
      await call<{ edges: { node: { type: string; data: unknown } }[] }>(
        'views.taskHistory',
        { id: taskId, first: 200 },
        office,
      )
    ).edges.map((edge) => edge.node);
    expect(history.filter((event) => event.type === 'TaskUrged').map((e) => e.data)).toEqual([
      {
        taskId,
        urgeId: first.urgeId,
        unitId: 'edu',
        message: '请于本周报送进展',
        replyBy: '2021-03-05',
        urgedOn: '2021-03-01',
      },
      {
        taskId,
        urgeId: second.urgeId,
        unitId: 'env',
        message: '请配合提供资金计划',
        replyBy: null,
        urgedOn: '2021-03-01',
      },
    ]);
  });

  it('returns the same urge id for a retry with the same key, and appends once', async () => {
    const taskId = await assignedTask();
    const params = { taskId, message: '请尽快签收', idempotencyKey: 'urge-retry' };
    const before = await sys.lastPosition();
    const first = await call('tasks.urgeTask', params, office);
    const retry = await call('tasks.urgeTask', params, office);
    expect(retry.urgeId).toBe(first.urgeId);
    expect((await sys.lastPosition()) - before).toBe(1);
  });

  it.each([
    {
      name: 'is refused as FORBIDDEN to a department head, even of the lead unit',
      change: {},
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as NOT_FOUND naming unitId for a unit the directory does not know',
      change: { unitId: 'ghost' },
      actor: office,
      code: 'NOT_FOUND',
      field: 'unitId',
    },
    {
      name: 'is refused as VALIDATION naming unitId for a unit with no part in the task',
      change: { unitId: 'tech' },
      actor: office,
      code: 'VALIDATION',
      field: 'unitId',
    },
    {
      name: 'is refused as VALIDATION naming replyBy for a day already past',
      change: { replyBy: '2021-02-28' },
      actor: office,
      code: 'VALIDATION',
      field: 'replyBy',
    },
    {
      name: 'is refused as VALIDATION naming message when it is blank',
      change: { message: '  ' },
      actor: office,
      code: 'VALIDATION',
      field: 'message',
    },
  ])('$name', async ({ change, actor, code, field }) => {
    const taskId = await assignedTask();
    await refused('tasks.urgeTask', { taskId, message: '请加快', ...change }, actor, code, field);
  });

  it('is refused as ILLEGAL_STATE for a task with no lead unit yet', async () => {
    const { id } = await call(
      'tasks.registerTask',
      { title: '未交办的任务', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
      office,
    );
    await refused('tasks.urgeTask', { taskId: id, message: '请加快' }, office, 'ILLEGAL_STATE');
  });
});
