import type { Actor } from '../../contracts/actor.ts';
import { dayOf } from '../../contracts/dates.ts';
import type { Ruleset } from '../../contracts/events/index.ts';
import {
  officialStreamId,
  rulesStreamId,
  taskStreamId,
  unitStreamId,
} from '../../contracts/streams.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';
import { type SettableClock, settableClock } from '../../infra/clock/clock.ts';
import { unitDecider } from '../../services/directory/domain/decider.ts';
import { officialDecider } from '../../services/directory/domain/officials/decider.ts';
import { rulesetDecider } from '../../services/rulesets/domain/decider.ts';
import {
  type CommandHandler,
  createCommandHandler,
} from '../../services/shared/command-handler.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

const office: Actor = { id: 'office-1', role: 'office' };
const reader: Actor = { id: 'head-env', role: 'department_head', unitId: 'env' };

/** `time` (China Standard Time) of `day`, as the clock port gives it. */
const cst = (day: string, time = '10:00:00'): string =>
  new Date(`${day}T${time}+08:00`).toISOString();

let requests = 0;
const request = () => {
  requests += 1;
  return { actor: office, correlationId: `c-${requests}`, causationId: `c-${requests}` };
};

/** The office's commands through the real deciders and the system's own event store. */
const commandsOf = (handle: CommandHandler) => ({
  task: (command: TaskCommand) =>
    handle(taskDecider, { streamId: taskStreamId(command.data.taskId), command, ...request() }),
  unit: (unitId: string, name: string) =>
    handle(unitDecider, {
      streamId: unitStreamId(unitId),
      command: { type: 'RegisterUnit', data: { unitId, name } },
      ...request(),
    }),
  official: async (officialId: string, unitId: string, from: string) => {
    const streamId = officialStreamId(officialId);
    await handle(officialDecider, {
      streamId,
      command: {
        type: 'RegisterOfficial',
        data: { officialId, name: '王副主任', title: '副主任' },
      },
      ...request(),
    });
    await handle(officialDecider, {
      streamId,
      command: {
        type: 'AssignPost',
        data: { officialId, unitId, post: 'responsible_leader', from, knownUnitIds: [unitId] },
      },
      ...request(),
    });
  },
  ruleset: (ruleset: Ruleset) =>
    handle(rulesetDecider, {
      streamId: rulesStreamId,
      command: { type: 'PublishRuleset', data: ruleset },
      ...request(),
    }),
});

type Commands = ReturnType<typeof commandsOf>;

const registerTask = (taskId: string, section: string): TaskCommand => ({
  type: 'RegisterTask',
  data: {
    taskId,
    title: `Task ${taskId}`,
    description: null,
    section,
    plannedStart: '2021-01-01',
    dueDate: '2021-12-31',
  },
});

const assignTask = (taskId: string, lead: string, cooperating: string[] = []): TaskCommand => ({
  type: 'AssignTask',
  data: {
    taskId,
    leadUnitId: lead,
    cooperatingUnitIds: cooperating,
    responsibleLeader: null,
    knownUnitIds: [lead, ...cooperating],
  },
});

const planMilestone = (taskId: string, milestoneId: string, dueDate: string): TaskCommand => ({
  type: 'PlanMilestone',
  data: { taskId, milestoneId, title: `Milestone ${milestoneId}`, dueDate, weight: 1 },
});

/** The source the office names: these reports are recorded by it for the unit (代录). */
const proxySource = '联络员报送（测试）';

/** Reports recorded by the office for the unit (代录). */
const reportProgress = (taskId: string, milestoneId: string, percent: number): TaskCommand => ({
  type: 'ReportProgress',
  data: { taskId, milestoneId, percent, note: null, proxySource },
});

/** Starts a system with only what the boards need: no scheduled clock records facts meanwhile. */
const start = async (clock: SettableClock) => {
  const system = await startTestSystem(
    { SERVICES: 'gateway,projector,boards,directory' },
    { clock },
  );
  const handle = createCommandHandler({ store: system.system.stores.eventStore, clock });
  return { system, commands: commandsOf(handle) };
};

/** A board action called over the broker as `actor`, once the read models are settled. */
const boardOf = async <T = Record<string, unknown>>(
  system: TestSystem,
  action: string,
  params: Record<string, unknown> = {},
  actor: Actor = reader,
): Promise<T> => {
  await system.settled();
  return system.system.broker.call<T, Record<string, unknown>>(`boards.${action}`, params, {
    meta: { actor },
  });
};

type Row = Record<string, unknown>;
type Board = { nodes: Row[]; position: number; day: string } & Row;

/**
 * The supervision year up to 2021-05-10 (today): two tasks, progress, a late
 * report on the last minute of a day, a blockage, a milestone completed late,
 * stricter lights published for a day already past, a measured indicator value.
 */
const playYear = async (clock: SettableClock, commands: Commands) => {
  const on = (day: string, time?: string) => clock.set(cst(day, time));
  on('2021-01-04');
  await commands.unit('edu', '教育局');
  await commands.unit('env', '生态环境局');
  await commands.official('wang', 'edu', '2021-01-01');
  await commands.task(registerTask('t1', '民生实事'));
  await commands.task(assignTask('t1', 'edu', ['env']));
  await commands.task(planMilestone('t1', 'm1', '2021-03-31'));
  await commands.task(planMilestone('t1', 'm2', '2021-12-31'));
  await commands.task(registerTask('t2', '生态环境'));
  await commands.task(assignTask('t2', 'env'));
  // One milestone due at the year end: t2's plan expects a line over the year.
  await commands.task(planMilestone('t2', 'm1', '2021-12-31'));
  await commands.task({
    type: 'DefineIndicator',
    data: {
      taskId: 't2',
      indicatorId: 'water',
      name: '监测断面水质达标率',
      unitOfMeasure: '%',
      target: 89,
      comparison: 'gte',
      dueDate: '2021-12-31',
      baseline: null,
    },
  });
  on('2021-02-01');
  await commands.task(reportProgress('t1', 'm1', 40));
  on('2021-02-01', '23:59:00');
  await commands.task(reportProgress('t2', 'm1', 20));
  on('2021-02-02', '00:00:00');
  await commands.task(reportProgress('t2', 'm1', 25));
  on('2021-03-01');
  await commands.task({
    type: 'ReportBlockage',
    data: {
      taskId: 't1',
      blockageId: 'b1',
      description: '用地手续待批',
      waitingOnUnitId: 'env',
      knownUnitIds: ['env'],
    },
  });
  on('2021-04-10');
  await commands.task({
    type: 'CompleteMilestone',
    data: { taskId: 't1', milestoneId: 'm1', note: null, proxySource },
  });
  on('2021-04-15');
  // Stricter lights, published on 04-15 to apply from 04-01: known from 04-15 only.
  await commands.ruleset({
    ...defaultRuleset,
    version: 1,
    inForceFrom: '2021-04-01',
    lights: { yellowBehindPoints: 5, redBehindPoints: 10, yellowDueWithinDays: 3 },
    note: null,
  });
  on('2021-04-20');
  await commands.task({
    type: 'ReportIndicatorValue',
    data: { taskId: 't2', indicatorId: 'water', value: 90, asOf: '2021-03-31', evidence: [] },
  });
  on('2021-05-10');
};

describe('the boards of a supervision year, today and as known on earlier days', () => {
  const clock = settableClock(cst('2021-01-04'));
  let system: TestSystem;

  beforeAll(async () => {
    const started = await start(clock);
    system = started.system;
    await playYear(clock, started.commands);
  });

  afterAll(async () => {
    await system.stop();
  });

  const byTask = (board: Board) => new Map(board.nodes.map((row) => [row.taskId, row]));

  it('shows today’s progress, and an earlier day’s as it was then', async () => {
    const today = byTask(await boardOf<Board>(system, 'progressBoard'));
    const then = byTask(await boardOf<Board>(system, 'progressBoard', { asOf: '2021-02-15' }));
    // t1: m1 completed since (100 + 0) / 2; then at 40 (40 + 0) / 2. Its plan expects
    // m1's half by 03-31, then m2's half by 12-31: 25.56 on 02-15 (5.56 behind, green),
    // 57.27 on 05-10 (7.27 behind: yellow under the stricter rules in force, above 5).
    expect(today.get('t1')).toMatchObject({ actual: 50, expected: 57.27, light: 'yellow' });
    expect(then.get('t1')).toMatchObject({ actual: 20, expected: 25.56, light: 'green' });
    // t2 has not moved since 02-02: 25 is 10.62 behind the 35.62 expected on 05-10,
    // more than the 10 points of the stricter rules in force now.
    expect(today.get('t2')).toMatchObject({ actual: 25, expected: 35.62, light: 'red' });
    expect(then.get('t2')).toMatchObject({ actual: 25, expected: 12.6, light: 'green' });
  });

  it('answers for the day asked, under the rules of that day, at the position of that day', async () => {
    const board = await boardOf<Board>(system, 'progressBoard', { asOf: '2021-02-15' });
    const events = await system.system.stores.eventStore.readAll({ after: 0, limit: 1000 });
    const recordedBy = events.filter((event) => dayOf(event.recordedAt) <= '2021-02-15');
    expect(board).toMatchObject({ day: '2021-02-15', rulesetVersion: 0 });
    expect(board.position).toBe(recordedBy.at(-1)?.position);
    expect(board.position).toBeLessThan(events.at(-1)?.position ?? 0);
  });

  it('judges a day under the rules known and in force by its end', async () => {
    const before = await boardOf<Board>(system, 'progressBoard', { asOf: '2021-04-10' });
    const after = await boardOf<Board>(system, 'progressBoard', { asOf: '2021-04-20' });
    expect(before.rulesetVersion).toBe(0);
    expect(after.rulesetVersion).toBe(1);
    const later = byTask(await boardOf<Board>(system, 'progressBoard', { asOf: '2021-04-25' }));
    // 6.51 behind on 04-25: yellow under version 1 (more than 5), green under the defaults.
    expect(later.get('t2')).toMatchObject({ behind: 6.51, light: 'yellow' });
  });

  it('replays only the events recorded by the end of the day, China Standard Time', async () => {
    const lastMinute = byTask(
      await boardOf<Board>(system, 'progressBoard', { asOf: '2021-02-01' }),
    );
    const nextDay = byTask(await boardOf<Board>(system, 'progressBoard', { asOf: '2021-02-02' }));
    expect(lastMinute.get('t2')?.actual).toBe(20);
    expect(nextDay.get('t2')?.actual).toBe(25);
  });

  it('knows the blockage only from the day it was reported, older every day', async () => {
    const before = await boardOf<Board>(system, 'blockageBoard', { asOf: '2021-02-28' });
    const after = await boardOf<Board>(system, 'blockageBoard', { asOf: '2021-03-05' });
    const today = await boardOf<Board>(system, 'blockageBoard');
    expect(before.nodes).toEqual([]);
    expect(after.nodes[0]).toMatchObject({
      blockageId: 'b1',
      blockedUnitId: 'edu',
      waitingOnUnitId: 'env',
      ageDays: 4,
      dueLevel: 'responsible_leader',
    });
    expect(today.nodes[0]).toMatchObject({ ageDays: 70, dueLevel: 'main_leader', chain: ['env'] });
  });

  it('follows a milestone from due soon to overdue to done late', async () => {
    const stateOn = async (asOf?: string) => {
      const board = await boardOf<Board>(
        system,
        'stageBoard',
        asOf ? { asOf, taskId: 't1' } : { taskId: 't1' },
      );
      return board.nodes.find((row) => row.milestoneId === 'm1')?.state;
    };
    expect(await stateOn('2021-03-27')).toBe('upcoming');
    expect(await stateOn('2021-03-29')).toBe('due_soon');
    expect(await stateOn('2021-04-01')).toBe('overdue');
    expect(await stateOn()).toBe('done_late');
  });

  it('scores the units as the year went', async () => {
    const scores = async (asOf?: string) => {
      const board = await boardOf<Board>(system, 'responsibilityBoard', asOf ? { asOf } : {});
      return Object.fromEntries(board.nodes.map((row) => [row.unitId, [row.score, row.rank]]));
    };
    expect(await scores('2021-03-31')).toEqual({ edu: [100, 1], env: [100, 1] });
    // m1 (edu's, due 03-31) waited on env's blockage since 03-01: the points are env's.
    expect(await scores('2021-04-01')).toEqual({ edu: [100, 1], env: [95, 2] });
    // Done 04-10, 6 working days late (2 of 5 points, all env's); env's own t2 is red
    // under the stricter lights and not yet due (2 more).
    expect(await scores()).toEqual({ edu: [100, 1], env: [96, 2] });
  });

  it('names the official responsible for the task on the day', async () => {
    const board = await boardOf<Board>(system, 'responsibilityBoard', { officialId: 'wang' });
    expect(board.officials).toEqual([
      expect.objectContaining({ officialId: 'wang', taskIds: ['t1'], overdueMilestones: 0 }),
    ]);
  });

  it('shows the measured value of an indicator from the day it was reported', async () => {
    const before = await boardOf<Board>(system, 'resultsBoard', { asOf: '2021-04-19' });
    const today = await boardOf<Board>(system, 'resultsBoard');
    expect(before.nodes[0]).toMatchObject({ value: null, attainment: null });
    expect(today.nodes[0]).toMatchObject({
      value: 90,
      source: 'measured',
      attainment: 100,
      attained: true,
      light: 'green',
    });
  });

  it('gives the same board for today whether asked by date or not', async () => {
    const live = await boardOf<Board>(system, 'progressBoard');
    const dated = await boardOf<Board>(system, 'progressBoard', { asOf: '2021-05-10' });
    expect(dated).toEqual(live);
  });

  it('refuses a day after today, naming asOf', async () => {
    await expect(boardOf(system, 'overview', { asOf: '2021-05-11' })).rejects.toMatchObject({
      type: 'VALIDATION',
      data: { field: 'asOf' },
    });
  });

  it('charts the lights month by month as known at each month end, over GraphQL', async () => {
    await system.settled();
    const token = await system.token('leader');
    const response = await system.gql<{ overview: { series: Row[]; ranking: Row[] } }>(
      `{ overview { series { day green yellow red } ranking { rank unitId unitName score } } }`,
      {},
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.overview.series).toEqual([
      // t1 behind its plan (m1's half due 03-31): 17.22 points on 01-31, 12.78 on 02-28.
      { day: '2021-01-31', green: 1, yellow: 1, red: 0 },
      { day: '2021-02-28', green: 1, yellow: 1, red: 0 },
      // t1's first milestone is due that day (yellow); it is done, late, on 04-10.
      { day: '2021-03-31', green: 1, yellow: 1, red: 0 },
      // Then t1 is 5.45 behind on 04-30 and 7.27 on 05-10; t2, unmoved since 02-02,
      // 7.88 and 10.62: judged by the stricter rules (yellow above 5, red above 10).
      { day: '2021-04-30', green: 0, yellow: 2, red: 0 },
      { day: '2021-05-10', green: 0, yellow: 1, red: 1 },
    ]);
    expect(response.data?.overview.ranking).toEqual([
      { rank: 1, unitId: 'edu', unitName: '教育局', score: 100 },
      { rank: 2, unitId: 'env', unitName: '生态环境局', score: 96 },
    ]);
  });

  it('answers a board query over GraphQL, and refuses a future day with VALIDATION', async () => {
    const token = await system.token('department_head', 'edu');
    const ok = await system.gql<{ progressBoard: { day: string; totalCount: number } }>(
      `{ progressBoard(asOf: "2021-02-15", filter: { unitId: "edu" }) { day totalCount nodes { taskId light } } }`,
      {},
      token,
    );
    expect(ok.data?.progressBoard).toMatchObject({ day: '2021-02-15', totalCount: 1 });
    const refused = await system.gql(`{ stageBoard(asOf: "2030-01-01") { day } }`, {}, token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'asOf' });
  });

  it('serves every field of every board over GraphQL', async () => {
    const token = await system.token('inspector');
    const page = 'totalCount pageInfo { hasNextPage endCursor }';
    const stage = `id taskId taskTitle section leadUnitId leadUnitName milestoneId title weight
      plannedDueDate dueDate percent state daysLeft daysOverdue completedOn remindedOn
      overdueRecordedOn reopenedCount extensions { requestId requestedOn currentDueDate
      requestedDueDate reason status decidedOn decidedBy rejectionReason }`;
    const blockage = `id taskId taskTitle section blockageId description blockedUnitId
      blockedUnitName waitingOnUnitId waitingOnUnitName coordinatorUnitId reportedOn openedOn
      ageDays level dueLevel escalations { day level by } reopenedCount chain chainClosesCycle
      inCycle`;
    const stats = `lights { green yellow red } milestonesCompleted milestonesOnTime onTimeRate
      overdueMilestones openBlockages`;
    const response = await system.gql(
      `{
        responsibilityBoard(asOf: "2021-04-30", orderBy: { field: SCORE, direction: DESC }) {
          day rulesetVersion position period ${page}
          nodes { unitId unitName rank score tasksLed tasksCoOwned coOwnedLights { red }
            deductions { unitId rule points ref reason } failedTasks { taskId title role reasons }
            waitedOnBlockages responsibleLeaderIds ${stats} }
          officials { officialId name title taskIds ${stats}
            posts { unitId unitName post from }
            accountability { recordId taskId day kind reason scoreDeduction } }
        }
        stageBoard(filter: { state: DONE_LATE }, orderBy: { field: DUE_DATE }) {
          day rulesetVersion position ${page}
          counts { upcoming dueSoon overdue doneOnTime doneLate suspended }
          extensions { asked granted refused pending }
          nodes { ${stage} }
        }
        blockageBoard(filter: { level: NONE, minAgeDays: 1 }) {
          day rulesetVersion position ${page} cycles
          counts { none responsibleLeader mainLeader }
          pingPongs { taskId title leadUnitId unitIds bouncedBack
            moves { day kind fromUnitId toUnitId reason } }
          nodes { ${blockage} }
        }
        progressBoard(
          filter: { light: RED, trend: UP }
          orderBy: { field: BEHIND, direction: DESC }
        ) {
          day rulesetVersion position ${page} counts { green yellow red }
          nodes { taskId title section leadUnitId leadUnitName cooperatingUnitIds
            responsibleLeader status completion plannedStart dueDate actual expected behind
            light reasons trend previousActual forecast lastReportedOn }
        }
        resultsBoard(filter: { attained: true }) {
          day rulesetVersion position ${page} counts { green yellow red }
          nodes { id taskId taskTitle section leadUnitId leadUnitName indicatorId name
            unitOfMeasure target comparison baseline dueDate value source discrepancy
            attainment attained expected light reasons
            selfReported { value asOf reportedOn reportedByUnitId }
            measured { value asOf reportedOn reportedByUnitId } }
        }
        overview(asOf: "2021-04-05", section: "民生实事", top: 3) {
          day rulesetVersion position period totals { green yellow red }
          sections { section green yellow red suspended total }
          worstOverdue { ${stage} }
          oldestBlockages { ${blockage} }
          ranking { rank unitId unitName score }
          series { day green yellow red }
        }
      }`,
      {},
      token,
    );
    expect(response.errors).toBeUndefined();
    const data = response.data as Record<string, Board>;
    expect(data.stageBoard?.nodes.map((row) => row.id)).toEqual(['t1/m1']);
    expect(data.progressBoard?.nodes.map((row) => row.taskId)).toEqual(['t2']);
    expect(data.overview?.worstOverdue).toEqual([
      expect.objectContaining({ id: 't1/m1', daysOverdue: 5 }),
    ]);
  });

  it('is refused to a caller without an actor', async () => {
    await expect(
      system.system.broker.call('boards.progressBoard', {}, { meta: {} }),
    ).rejects.toMatchObject({ type: 'FORBIDDEN' });
  });
});

describe('a light changed by the passing of a due date alone', () => {
  const clock = settableClock(cst('2021-03-27'));
  let system: TestSystem;

  beforeAll(async () => {
    const started = await start(clock);
    system = started.system;
    await started.commands.unit('edu', '教育局');
    await started.commands.task(registerTask('t1', '民生实事'));
    await started.commands.task(assignTask('t1', 'edu'));
    await started.commands.task(planMilestone('t1', 'm1', '2021-03-31'));
    // On its plan's pace: 95 of the 95.56 expected on 03-27.
    await started.commands.task(reportProgress('t1', 'm1', 95));
  });

  afterAll(async () => {
    await system.stop();
  });

  const todayOn = async (day: string) => {
    clock.set(cst(day));
    const board = await boardOf<Board>(system, 'progressBoard');
    return board.nodes[0];
  };

  it('goes from green to yellow to red as the days pass, with no new event', async () => {
    const position = await system.lastPosition();
    expect(await todayOn('2021-03-27')).toMatchObject({ light: 'green', reasons: [] });
    expect(await todayOn('2021-03-28')).toMatchObject({
      light: 'yellow',
      reasons: ['milestone "Milestone m1" due in 3 days'],
    });
    expect(await todayOn('2021-04-01')).toMatchObject({
      light: 'red',
      reasons: ['milestone "Milestone m1" overdue since 2021-04-01'],
    });
    expect(await system.lastPosition()).toBe(position);
  });

  it('shows the earlier days as they were, asked afterwards', async () => {
    clock.set(cst('2021-04-02'));
    const board = await boardOf<Board>(system, 'progressBoard', { asOf: '2021-03-28' });
    expect(board.nodes[0]).toMatchObject({ light: 'yellow' });
  });
});
