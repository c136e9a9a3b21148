import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateSecret } from '../../infra/auth/secret.ts';
import { signToken } from '../../infra/auth/tokens.ts';
import type { ChildSystem } from '../support/child-system.ts';
import { startChildSystem } from '../support/child-system.ts';

type Result = { data?: Record<string, Record<string, unknown>>; errors?: { message: string }[] };

const post = async (
  url: string,
  token: string,
  query: string,
  variables: object,
): Promise<Result> => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result;
};

const must = async (url: string, token: string, query: string, variables: object) => {
  const result = await post(url, token, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data ?? {})[0] as Record<string, unknown>;
};

const reportProgress = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { position } }`;
const historyQuery = `query($id: ID!, $after: String) { taskHistory(taskId: $id, first: 200, after: $after) {
  edges { node { position type data } } pageInfo { hasNextPage endCursor } } }`;
type HistoryPage = {
  edges: { node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

/** Every event of a task's history, page after page. */
const wholeHistory = async (url: string, token: string, id: string) => {
  const events: Record<string, unknown>[] = [];
  let after: string | null = null;
  for (;;) {
    const page = (await must(url, token, historyQuery, { id, after })) as unknown as HistoryPage;
    events.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return events;
    after = page.pageInfo.endCursor;
  }
};

const taskQuery = `query($id: ID!) { task(id: $id) { position milestones { progress } } }`;

describe('a process killed with SIGKILL during a burst of writes', () => {
  let dataDir: string;
  let running: ChildSystem | null = null;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-crash-'));
  });
  afterAll(async () => {
    await running?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged mutation, and the views catch up without doubles', async () => {
    const env = { DATA_DIR: dataDir };
    running = await startChildSystem(env);
    const secret = loadOrCreateSecret(dataDir, null);
    const office = await signToken(secret, { sub: 'office', role: 'office' });
    let url = running.url;

    await must(
      url,
      office,
      'mutation { registerUnit(input: {id: "edu", name: "教育局"}) { id } }',
      {},
    );
    const task = await must(
      url,
      office,
      'mutation { registerTask(input: {title: "新建学校", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
      {},
    );
    const taskId = task.id as string;
    await must(
      url,
      office,
      'mutation($t: ID!) { assignTask(input: {taskId: $t, leadUnitId: "edu"}) { revision } }',
      {
        t: taskId,
      },
    );
    const milestone = await must(
      url,
      office,
      'mutation($t: ID!) { planMilestone(input: {taskId: $t, title: "开工", dueDate: "2021-06-30"}) { milestoneId } }',
      { t: taskId },
    );

    // Writers keep going until the process dies under them; every answer is an acknowledgement.
    const acknowledged = new Map<string, number>();
    let sent = 0;
    const writer = async () => {
      for (;;) {
        const note = `report-${sent++}`;
        // The office records the unit's reports (代录), naming their source.
        const input = {
          taskId,
          milestoneId: milestone.milestoneId,
          percent: sent % 101,
          note,
          proxySource: '联络员电话报送',
        };
        try {
          const result = await post(url, office, reportProgress, { input });
          if (result.errors) continue;
          acknowledged.set(note, result.data?.reportProgress?.position as number);
        } catch {
          return; // connection refused or reset: the process is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    while (acknowledged.size < 150) await new Promise((resolve) => setTimeout(resolve, 5));
    await running.kill('SIGKILL');
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    running = await startChildSystem(env);
    url = running.url;
    type HistoryEvent = { position: number; type: string; data: { note: string; percent: number } };
    const history = (await wholeHistory(url, office, taskId)) as unknown as HistoryEvent[];
    const reports = history.filter((event) => event.type === 'MilestoneProgressReported');
    const stored = new Map(reports.map((event) => [event.data.note, event.position]));
    for (const [note, position] of acknowledged) expect(stored.get(note)).toBe(position);
    expect(stored.size).toBe(reports.length);

    const last = history.at(-1);
    const deadline = Date.now() + 10_000;
    let view: Record<string, unknown> = {};
    while (Date.now() < deadline) {
      view = await must(url, office, taskQuery, { id: taskId });
      if (view.position === last?.position) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(view.position).toBe(last?.position);
    expect((view.milestones as { progress: number }[])[0]?.progress).toBe(last?.data.percent);
  });

  it('stops cleanly on SIGTERM and starts again on the same data', async () => {
    await running?.kill('SIGTERM');
    running = await startChildSystem({ DATA_DIR: dataDir });
    expect(await running.kill('SIGTERM')).toBe(0);
    running = null;
  });
});
