import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { addDays } from '../../domain/dates.ts';
import { type SettableClock, settableClock } from '../../infra/clock/clock.ts';
import { loadConfig } from '../../infra/config/config.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

type Counts = { green: number; yellow: number; red: number };
type Overview = { totals: Counts; ranking: { unitId: string; rank: number; score: number }[] };
type ProgressRow = { taskId: string; title: string; light: string | null; reasons: string[] };

const overviewQuery = `query($asOf: Date) { overview(asOf: $asOf, top: 50) {
  totals { green yellow red } ranking { unitId rank score } } }`;
const progressQuery = `query($asOf: Date, $section: String) { progressBoard(asOf: $asOf, filter: { section: $section }, first: 200) {
  nodes { taskId title light reasons } } }`;
const historyQuery = `query($id: ID!) { taskHistory(taskId: $id, first: 200) {
  edges { node { type recordedAt } } } }`;

/** The China Standard Time day of a timestamp. */
const cstDay = (timestamp: string) =>
  new Date(Date.parse(timestamp) + 8 * 3600_000).toISOString().slice(0, 10);

describe('the demo year of the 2021 plan', () => {
  let sys: TestSystem;
  let leader: string;
  let clock: SettableClock;

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-demo-'));
    await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
    clock = settableClock(demoNow);
    sys = await startTestSystem(
      { CLOCK: demoNow, SUPERVISION_CLOCK_INTERVAL_MS: '0' },
      { dataDir, clock },
    );
    leader = await sys.token('leader');
  });
  afterAll(() => sys.stop());

  const overviewOn = async (asOf: string) =>
    (await sys.gql<{ overview: Overview }>(overviewQuery, { asOf }, leader)).data!.overview;

  it('shows a different board at mid-year and at year end, as the events say', async () => {
    const june = await overviewOn('2021-06-30');
    const december = await overviewOn('2021-12-31');
    expect(june.totals).not.toEqual(december.totals);
    const total = (counts: Counts) => counts.green + counts.yellow + counts.red;
    expect(total(december.totals)).toBeGreaterThan(0);
  });

  it("names each unit's head by the unit's name in the history", async () => {
    const { data } = await sys.gql<{
      tasks: { edges: { node: { id: string } }[] };
    }>('{ tasks(first: 1) { edges { node { id } } } }', {}, leader);
    const history = await sys.gql<{
      taskHistory: { edges: { node: { type: string; actor: { role: string; name: string } } }[] };
    }>(
      `query($id: ID!) { taskHistory(taskId: $id, first: 200) { edges { node { type actor { role name } } } } }`,
      { id: data!.tasks.edges[0]!.node.id },
      leader,
    );
    const heads = history
      .data!.taskHistory.edges.map((edge) => edge.node.actor)
      .filter((actor) => actor.role === 'DEPARTMENT_HEAD');
    expect(heads.length).toBeGreaterThan(0);
    for (const head of heads) expect(head.name).toMatch(/^[\p{Script=Han}（）]+负责人$/u);
  });

  it('shows green, yellow and red', async () => {
    const seen = { green: 0, yellow: 0, red: 0 };
    for (const day of ['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31']) {
      const { totals } = await overviewOn(day);
      seen.green += totals.green;
      seen.yellow += totals.yellow;
      seen.red += totals.red;
    }
    expect(seen.green).toBeGreaterThan(0);
    expect(seen.yellow).toBeGreaterThan(0);
    expect(seen.red).toBeGreaterThan(0);
  });

  it("changes a unit's rank over the year", async () => {
    const rankIn = (overview: Overview) =>
      new Map(overview.ranking.map((entry) => [entry.unitId, entry.rank]));
    const june = rankIn(await overviewOn('2021-06-30'));
    const december = rankIn(await overviewOn('2021-12-31'));
    const moved = [...december].filter(([unitId, rank]) => june.get(unitId) !== rank);
    expect(moved.length).toBeGreaterThan(0);
  });

  it("explains every change of a late task's light by its events or by time passing its dates", async () => {
    const section = '聚焦绿色发展 促进生态环境持续改善';
    const title = '加快推进垃圾分类工作';
    const rowOn = async (asOf: string) => {
      const board = await sys.gql<{ progressBoard: { nodes: ProgressRow[] } }>(
        progressQuery,
        { asOf, section },
        leader,
      );
      return board.data!.progressBoard.nodes.find((row) => row.title === title)!;
    };
    const first = await rowOn('2021-01-20');
    const history = (
      await sys.gql<{
        taskHistory: { edges: { node: { type: string; recordedAt: string } }[] };
      }>(historyQuery, { id: first.taskId }, leader)
    ).data!.taskHistory.edges.map((edge) => edge.node);
    const lights: string[] = [];
    let previous = first;
    for (let day = '2021-01-27'; day <= '2021-12-31'; day = addDays(day, 7)) {
      const row = await rowOn(day);
      lights.push(row.light ?? 'none');
      if (row.light !== previous.light) {
        const from = addDays(day, -7);
        const events = history.filter((event) => {
          const on = cstDay(event.recordedAt);
          return on > from && on <= day;
        });
        // Without an event of its own, only time can have changed it: a date drew near or
        // passed, or the expected progress (序时进度) moved ahead of the reported one.
        const byTime =
          row.reasons.some((reason) => /due|overdue|behind/.test(reason)) || row.light === 'GREEN';
        expect({ day, light: row.light, explained: events.length > 0 || byTime }).toEqual({
          day,
          light: row.light,
          explained: true,
        });
      }
      previous = row;
    }
    expect(new Set(lights).size).toBeGreaterThan(1);
    expect(lights).toContain('RED');
  });

  it('awards 提前完成 to the lead units of the tasks accepted a month before their due date', async () => {
    type Item = { rule: string; points: number; bonusKind: string | null };
    type Row = { unitId: string; category: string; bonusPoints: number; deductions: Item[] };
    const board = await sys.gql<{ responsibilityBoard: { nodes: Row[] } }>(
      `query { responsibilityBoard(asOf: "2021-12-31", first: 50) {
        nodes { unitId category bonusPoints deductions { rule points bonusKind } } } }`,
      {},
      leader,
    );
    const rewarded = board.data!.responsibilityBoard.nodes.filter((row) => row.bonusPoints > 0);
    // 放管服 改革 (行政审批和政务信息管理局, last milestone 10-31) and 基层党建 (党群工作部):
    // both due 12-31, accepted in early November.
    expect(rewarded.map((row) => [row.unitId, row.category, row.bonusPoints])).toEqual([
      ['party', 'PARTY', 2],
      ['approval', 'GOVERNMENT', 2],
    ]);
    for (const row of rewarded) {
      expect(row.deductions.filter((item) => item.rule === 'BONUS')).toEqual([
        { rule: 'BONUS', points: 2, bonusKind: 'EARLY_COMPLETION' },
      ]);
    }
  });

  const taskTitled = async (title: string) => {
    const { data } = await sys.gql<{ tasks: { edges: { node: { id: string; title: string } }[] } }>(
      '{ tasks(first: 100) { edges { node { id title } } } }',
      {},
      leader,
    );
    return data!.tasks.edges.find((edge) => edge.node.title === title)!.node.id;
  };

  it('carries the work report’s 狠抓机关自身建设, led by the office, as the plan gives it', async () => {
    const id = await taskTitled('狠抓机关自身建设');
    const { data } = await sys.gql<{
      task: { leadUnit: { id: string }; assumed: string[]; milestones: { title: string }[] };
    }>(
      'query($id: ID!) { task(id: $id) { leadUnit { id } assumed milestones { title } } }',
      { id },
      leader,
    );
    expect(data!.task.leadUnit.id).toBe('office');
    expect(data!.task.assumed).toEqual(
      expect.arrayContaining(['PLANNED_START', 'LEAD_UNIT', 'COOPERATING_UNITS']),
    );
    expect(data!.task.milestones[0]!.title).toContain('盯责任、盯环节、盯堵点、盯进度、盯实效');
  });

  it('shows which values the plan assumed, and the tolerance of a target of 约', async () => {
    const id = await taskTitled('加快医疗卫生体系建设');
    const { data } = await sys.gql<{
      task: {
        milestones: { title: string; assumed: string[] }[];
        indicators: { name: string; tolerance: number; wholeNumbers: boolean; assumed: string[] }[];
      };
    }>(
      `query($id: ID!) { task(id: $id) { milestones { title assumed }
        indicators { name tolerance wholeNumbers assumed } } }`,
      { id },
      leader,
    );
    expect(data!.task.milestones.map((milestone) => milestone.assumed)).toEqual([
      ['WEIGHT'],
      ['WEIGHT'],
    ]);
    expect(data!.task.indicators[0]).toEqual({
      name: '公共卫生服务中心建筑面积',
      tolerance: 500,
      wholeNumbers: false,
      assumed: ['NAME', 'DUE_DATE', 'BASELINE', 'TOLERANCE'],
    });
  });

  it('refuses a fraction of a count, naming the value and the rule', async () => {
    const id = await taskTitled('计划投用垂柳路中学、欣阳路小学等7所中小学');
    const { data } = await sys.gql<{
      task: { indicators: { id: string; wholeNumbers: boolean }[] };
    }>('query($id: ID!) { task(id: $id) { indicators { id wholeNumbers } } }', { id }, leader);
    const [indicator] = data!.task.indicators;
    expect(indicator!.wholeNumbers).toBe(true);
    const head = await sys.token('department_head', 'education');
    const refused = await sys.gql(
      `mutation($input: ReportIndicatorValueInput!) { reportIndicatorValue(input: $input) { revision } }`,
      { input: { taskId: id, indicatorId: indicator!.id, value: 6.9, asOf: '2021-12-30' } },
      head,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION',
      field: 'value',
      rule: 'must be a whole number: the indicator counts 所',
    });
  });

  it('ranks by the facts: a red task not yet due below the all-green, a wait charged to the unit waited on, the supervising bodies unranked', async () => {
    type Item = { rule: string; points: number; ref: string };
    type Row = {
      unitId: string;
      category: string;
      rank: number | null;
      score: number;
      deductions: Item[];
    };
    const boardOn = async (asOf: string) =>
      (
        await sys.gql<{ responsibilityBoard: { nodes: Row[] } }>(
          `query($asOf: Date) { responsibilityBoard(asOf: $asOf, first: 50) {
            nodes { unitId category rank score deductions { rule points ref } } } }`,
          { asOf },
          leader,
        )
      ).data!.responsibilityBoard.nodes;
    const december = await boardOn('2021-12-31');
    const unit = (unitId: string) => december.find((row) => row.unitId === unitId)!;
    // 卫生健康委员会's hospitals are red on 12-31 and not yet due: the standing weighs it.
    const health = unit('health');
    expect(health.deductions.map((item) => item.rule)).toContain('RED_BEHIND');
    const allGreen = december.filter(
      (row) => row.category === 'GOVERNMENT' && row.deductions.length === 0,
    );
    expect(allGreen.length).toBeGreaterThan(0);
    for (const row of allGreen) expect(row.rank!).toBeLessThan(health.rank!);
    // 新建学校 waited on 自然资源和规划局 for the land approval: the wait's share of the
    // lateness is the planning bureau's, the rest the education bureau's, on one milestone.
    const [waited] = unit('planning').deductions.filter((item) => item.rule === 'WAITED_ON');
    const [late] = unit('education').deductions.filter((item) => item.rule === 'DEADLINE_LATE');
    expect(waited?.ref).toBe(late?.ref);
    expect(waited!.points).toBeLessThan(0);
    expect(late!.points).toBeLessThan(0);
    // The office and the discipline body are scored but not ranked.
    for (const row of december.filter((r) => r.category === 'SUPERVISION')) {
      expect(row.rank).toBeNull();
    }
    expect(
      december
        .filter((r) => r.category === 'SUPERVISION')
        .map((r) => r.unitId)
        .sort(),
    ).toEqual(['discipline', 'office']);
  });

  // Last: it moves the clock into 2022.
  it('settles 2021 on the first run of 2022: what was due on 12-31 and not done is deducted', async () => {
    type Row = { unitId: string; rank: number; score: number };
    const boardQuery = `query($period: String, $asOf: Date) {
      responsibilityBoard(period: $period, asOf: $asOf, first: 50) {
        day settlement { period closedOn } nodes { unitId rank score } } }`;
    const board = async (variables: Record<string, unknown>) => {
      const answer = await sys.gql<{
        responsibilityBoard: { day: string; settlement: unknown; nodes: Row[] };
      }>(boardQuery, variables, leader);
      return answer;
    };
    const refused = await board({ period: '2021' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION', field: 'period' });
    // A matter registered on 12-31, due that day, for a unit with no deduction: left open.
    const office = await sys.token('office');
    const registered = await sys.gql<{ registerTask: { id: string } }>(
      `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }`,
      {
        input: {
          title: '年底交办事项',
          section: '年底交办',
          plannedStart: '2021-12-31',
          dueDate: '2021-12-31',
        },
      },
      office,
    );
    const taskId = registered.data!.registerTask.id;
    const assigned = await sys.gql(
      `mutation($input: AssignTaskInput!) { assignTask(input: $input) { revision } }`,
      { input: { taskId, leadUnitId: 'safety' } },
      office,
    );
    expect(assigned.errors).toBeUndefined();
    await sys.settled();
    const yearEnd = (await board({ asOf: '2021-12-31' })).data!.responsibilityBoard;
    const safety = (rows: Row[]) => rows.find((row) => row.unitId === 'safety')?.score;
    // On 12-31 it is red and not yet due: that weighs on the day's standing (2 points).
    expect(safety(yearEnd.nodes)).toBe(98);

    clock.set('2022-01-04T09:00:00+08:00');
    const run = await sys.gql<{ runClock: { settled: number } }>(
      'mutation { runClock { settled } }',
      {},
      office,
    );
    expect(run.data!.runClock.settled).toBe(1);
    await sys.settled();
    const settled = (await board({ period: '2021' })).data!.responsibilityBoard;
    expect(settled).toMatchObject({
      day: '2021-12-31',
      settlement: { period: '2021', closedOn: '2022-01-04' },
    });
    const before = new Map(yearEnd.nodes.map((row) => [row.unitId, row.score]));
    for (const row of settled.nodes) {
      expect(row.score).toBeLessThanOrEqual(before.get(row.unitId) ?? 100);
    }
    // The matter due 12-31 and left open now counts against its unit, as does every
    // deadline of 12-31 missed in the demo: 城市管理局's, and 卫生健康委员会's (the
    // hospitals, pushed on all year as the report says, stalled).
    expect(safety(settled.nodes)).toBe(95);
    const lower = settled.nodes.filter((row) => row.score < (before.get(row.unitId) ?? 100));
    expect(lower.map((row) => row.unitId).sort()).toEqual(['health', 'safety', 'urban']);
    // A unit's full list of the settlement: 卫生健康委员会's hospitals, missed at the year's end.
    const items = await sys.gql<{ unitDeductions: { nodes: { rule: string; points: number }[] } }>(
      `{ unitDeductions(unitId: "health", period: "2021", first: 50) { nodes { rule points } } }`,
      {},
      leader,
    );
    expect(items.data!.unitDeductions.nodes.map((item) => item.rule)).toContain('DEADLINE_MISSED');
    const total = items.data!.unitDeductions.nodes.reduce((sum, item) => sum + item.points, 0);
    expect(100 + total).toBe(settled.nodes.find((row) => row.unitId === 'health')?.score);
    // The year's bonus points (加分) count in its settlement as they did on 12-31.
    const approval = (rows: Row[]) => rows.find((row) => row.unitId === 'approval')?.score;
    expect(approval(settled.nodes)).toBe(approval(yearEnd.nodes));
  });

  it('holds assumed matters of every source, on the boards by kind, one 提案 rated 不满意 and done again', async () => {
    type Node = { id: string; title: string; kind: string; status: string };
    const listed = async (kind: string) =>
      (
        await sys.gql<{ tasks: { edges: { node: Node }[] } }>(
          'query($kind: TaskKind) { tasks(filter: { kind: $kind }, first: 100) { edges { node { id title kind status } } } }',
          { kind },
          leader,
        )
      ).data!.tasks.edges.map((edge) => edge.node);
    // The plan's 26, and the matter of 12-31 the settlement test registers as the plan's.
    const plan = await listed('ANNUAL_PLAN');
    expect(plan.filter((node) => node.title !== '年底交办事项')).toHaveLength(26);
    for (const kind of [
      'LEADER_INSTRUCTION',
      'MEETING_DECISION',
      'LEADER_ASSIGNMENT',
      'DEPUTY_SUGGESTION',
      'CPPCC_PROPOSAL',
      'PUBLIC_CLUE',
    ]) {
      const matters = await listed(kind);
      expect(matters.length).toBeGreaterThanOrEqual(2);
      for (const matter of matters) expect(matter).toMatchObject({ kind, status: 'CLOSED' });
    }
    const progress = await sys.gql<{ progressBoard: { nodes: { taskId: string }[] } }>(
      '{ progressBoard(asOf: "2021-03-31", filter: { kind: CPPCC_PROPOSAL }, first: 50) { nodes { taskId } } }',
      {},
      leader,
    );
    expect(progress.data!.progressBoard.nodes).toHaveLength(2);
    const proposal = (await listed('CPPCC_PROPOSAL')).find(
      (node) => node.title === '加快建设社区养老服务中心',
    )!;
    const page = await sys.gql<{
      task: {
        assumed: string[];
        source: { documentNumber: string; issuer: string };
        replies: { text: string }[];
        evaluations: { rating: string }[];
        redos: { dueDate: string }[];
      };
    }>(
      'query($id: ID!) { task(id: $id) { assumed source { documentNumber issuer } replies { text } evaluations { rating } redos { dueDate } } }',
      { id: proposal.id },
      leader,
    );
    expect(page.data!.task).toMatchObject({
      assumed: expect.arrayContaining(['SOURCE']),
      source: { documentNumber: '提案第0123号', issuer: '张委员' },
    });
    expect(page.data!.task.replies).toHaveLength(2);
    expect(page.data!.task.evaluations.map((e) => e.rating)).toEqual(['DISSATISFIED', 'SATISFIED']);
    expect(page.data!.task.redos).toHaveLength(1);
    // The 不满意 is the one point the matters cost a unit: 民政局's, which answered it.
    const board = await sys.gql<{
      responsibilityBoard: {
        nodes: { unitId: string; deductions: { rule: string; points: number }[] }[];
      };
    }>(
      '{ responsibilityBoard(asOf: "2021-12-31", filter: { kind: CPPCC_PROPOSAL }, first: 50) { nodes { unitId deductions { rule points } } } }',
      {},
      leader,
    );
    const withItems = board.data!.responsibilityBoard.nodes.filter(
      (row) => row.deductions.length > 0,
    );
    expect(withItems).toEqual([
      { unitId: 'civil', deductions: [{ rule: 'PROPOSER_DISSATISFIED', points: -1 }] },
    ]);
  });
});
