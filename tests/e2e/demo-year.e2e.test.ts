import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoNow, runDemo } from '../../demo/run-demo.ts';
import { addDays } from '../../domain/dates.ts';
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

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-demo-'));
    await runDemo(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLOCK: demoNow }));
    sys = await startTestSystem(
      { CLOCK: demoNow, SUPERVISION_CLOCK_INTERVAL_MS: '0' },
      { dataDir },
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
});
