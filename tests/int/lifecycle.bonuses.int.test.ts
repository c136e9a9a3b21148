import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, leader, office } from '../support/broker-calls.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** 10:00 in Beijing: the business day of the commands below. */
const at = (day: string) => `${day}T02:00:00.000Z`;
const clock = settableClock(at('2021-11-15'));

let sys: TestSystem;
const { call, refused } = brokerCalls(() => sys);

beforeAll(async () => {
  sys = await startTestSystem({ SUPERVISION_CLOCK_INTERVAL_MS: '0' }, { clock });
  for (const id of ['edu', 'env', 'tech']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
  await call(
    'directory.registerUnit',
    { id: 'sup', name: '督查室', category: 'supervision' },
    office,
  );
});
afterAll(() => sys.stop());

/** A task led by edu with env and the supervising office cooperating, due 2021-12-31. */
const assignedTask = async (): Promise<string> => {
  const { id } = await call(
    'tasks.registerTask',
    { title: '学校建设', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  const taskId = id as string;
  await call(
    'tasks.assignTask',
    { taskId, leadUnitId: 'edu', cooperatingUnitIds: ['env', 'sup'] },
    office,
  );
  return taskId;
};

/** The task done and its completion accepted (办结) today, before its limit of 12-31. */
const closedTask = async (): Promise<string> => {
  const taskId = await assignedTask();
  const { milestoneId } = await call(
    'tasks.planMilestone',
    { taskId, title: '竣工验收', dueDate: '2021-11-30', weight: 1 },
    office,
  );
  await call('tasks.completeMilestone', { taskId, milestoneId }, head('edu'));
  await call('tasks.reportTaskCompletion', { taskId, summary: '已竣工' }, head('edu'));
  await call('tasks.acceptTaskCompletion', { taskId }, office);
  return taskId;
};

type Item = { rule: string; points: number; ref: string; bonusKind: string | null };
type Row = {
  unitId: string;
  score: number;
  rank: number | null;
  bonusPoints: number;
  deductions: Item[];
};

const boardRows = async (params: Record<string, unknown> = {}): Promise<Row[]> => {
  await sys.settled();
  const board = await call<{ nodes: Row[] }>(
    'boards.responsibilityBoard',
    { first: 50, ...params },
    office,
  );
  return board.nodes;
};

const rowOf = (rows: readonly Row[], unitId: string): Row => {
  const row = rows.find((r) => r.unitId === unitId);
  if (!row) throw new Error(`expected a row for ${unitId}`);
  return row;
};

describe('a leader awarding bonus points (加分)', () => {
  let taskId: string;
  beforeAll(async () => {
    taskId = await closedTask();
  });

  it('counts on the responsibility board up to the year’s cap, each award listed', async () => {
    const early = await call(
      'tasks.awardBonus',
      { taskId, unitId: 'edu', kind: 'early_completion', points: 2, reason: '提前一个半月完成' },
      leader,
    );
    const praised = await call(
      'tasks.awardBonus',
      { taskId, unitId: 'edu', kind: 'commendation', points: 4, reason: '市领导肯定性批示' },
      leader,
    );
    expect(early).toMatchObject({ bonusId: expect.any(String) });
    const edu = rowOf(await boardRows(), 'edu');
    expect(edu).toMatchObject({ score: 105, rank: 1, bonusPoints: 5 });
    expect(edu.deductions.map((item) => [item.rule, item.ref, item.points])).toEqual([
      ['bonus', `${taskId}/${early.bonusId}`, 2],
      ['bonus', `${taskId}/${praised.bonusId}`, 4],
      ['bonus_capped', `${taskId}/${praised.bonusId}`, -1],
    ]);
  });

  it('shows the awards on the task page and in the history', async () => {
    const page = await call<{ bonuses: unknown[] }>('views.task', { id: taskId }, office);
    expect(page.bonuses).toEqual([
      expect.objectContaining({
        unitId: 'edu',
        unit: { id: 'edu', name: 'Bureau edu' },
        kind: 'early_completion',
        points: 2,
        awardedOn: '2021-11-15',
        awardedBy: leader.id,
      }),
      expect.objectContaining({ kind: 'commendation', points: 4 }),
    ]);
    const history = await call<{ edges: { node: { type: string; data: unknown } }[] }>(
      'views.taskHistory',
      { id: taskId, first: 200 },
      office,
    );
    const types = history.edges.map((edge) => edge.node.type);
    expect(types.filter((type) => type === 'BonusAwarded')).toHaveLength(2);
    expect(
      history.edges.find((edge) => edge.node.type === 'TaskCompletionAccepted')?.node.data,
    ).toMatchObject({ acceptedOn: '2021-11-15' });
  });

  it('returns the same bonus id for a retry with the same key, and appends once', async () => {
    const params = {
      taskId,
      unitId: 'env',
      kind: 'commendation',
      points: 1,
      reason: '配合有力',
      idempotencyKey: 'bonus-retry',
    };
    const before = await sys.lastPosition();
    const first = await call('tasks.awardBonus', params, leader);
    const retry = await call('tasks.awardBonus', params, leader);
    expect(retry.bonusId).toBe(first.bonusId);
    expect((await sys.lastPosition()) - before).toBe(1);
  });

  it.each([
    {
      name: 'is refused as FORBIDDEN to the office',
      change: {},
      actor: office,
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as FORBIDDEN to a department head',
      change: {},
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming unitId for a unit with no part in the task',
      change: { unitId: 'tech' },
      actor: leader,
      code: 'VALIDATION',
      field: 'unitId',
    },
    {
      name: 'is refused as VALIDATION naming unitId for the supervising office, not ranked',
      change: { unitId: 'sup' },
      actor: leader,
      code: 'VALIDATION',
      field: 'unitId',
    },
    {
      name: 'is refused as VALIDATION naming points above the ruleset’s 5 per award',
      change: { points: 6 },
      actor: leader,
      code: 'VALIDATION',
      field: 'points',
    },
    {
      name: 'is refused as VALIDATION naming kind for a kind it does not know',
      change: { kind: 'praise' },
      actor: leader,
      code: 'VALIDATION',
      field: 'kind',
    },
  ])('$name', async ({ change, actor, code, field }) => {
    const params = { taskId, unitId: 'env', kind: 'commendation', points: 1, reason: '好' };
    await refused('tasks.awardBonus', { ...params, ...change }, actor, code, field);
  });

  it('is refused as ILLEGAL_STATE for an early completion of a task not accepted', async () => {
    const open = await assignedTask();
    const params = {
      taskId: open,
      unitId: 'edu',
      kind: 'early_completion',
      points: 1,
      reason: '快',
    };
    await refused('tasks.awardBonus', params, leader, 'ILLEGAL_STATE', 'kind');
  });
});

describe('bonus points and the year’s settlement (年度结算)', () => {
  it('count in the year they were awarded: the settled 2021 leaves out a 2022 award', async () => {
    const taskId = await closedTask();
    // env's 1 point of 2021 (the retried award above).
    const env2021 = rowOf(await boardRows(), 'env');
    expect(env2021).toMatchObject({ score: 101, bonusPoints: 1 });
    clock.set(at('2022-01-04'));
    const { bonusId } = await call(
      'tasks.awardBonus',
      { taskId, unitId: 'env', kind: 'commendation', points: 3, reason: '年度考核表扬' },
      leader,
    );
    const run = await call<{ settled: number }>('supervision.runClock', {}, office);
    expect(run.settled).toBe(1);
    const settled = rowOf(await boardRows({ period: '2021' }), 'env');
    expect(settled).toMatchObject({ score: 101, bonusPoints: 1 });
    expect(settled.deductions.map((item) => item.ref)).not.toContain(`${taskId}/${bonusId}`);
    expect(rowOf(await boardRows(), 'env')).toMatchObject({ score: 103, bonusPoints: 3 });
  });

  it('follow the ruleset in force: a version may raise the maximum of one award', async () => {
    const taskId = await closedTask();
    await refused(
      'tasks.awardBonus',
      { taskId, unitId: 'edu', kind: 'commendation', points: 8, reason: '省政府通报表扬' },
      leader,
      'VALIDATION',
      'points',
    );
    await call(
      'rules.publishRuleset',
      {
        version: 1,
        inForceFrom: '2022-01-01',
        lights: { yellowBehindPoints: 10, redBehindPoints: 30, yellowDueWithinDays: 3 },
        reminderLeadDays: 3,
        escalation: { toResponsibleLeaderAfterDays: 3, toMainLeaderAfterDays: 7 },
        scoring: {
          leadUnitFailedTask: -5,
          cooperatingUnitFailedTask: -3,
          pingPongPerUnit: -1,
          bonusPerAwardMax: 8,
          bonusCapPerPeriod: 10,
        },
      },
      office,
    );
    await call(
      'tasks.awardBonus',
      { taskId, unitId: 'edu', kind: 'commendation', points: 8, reason: '省政府通报表扬' },
      leader,
    );
    expect(rowOf(await boardRows(), 'edu')).toMatchObject({ bonusPoints: 8 });
  });
});
