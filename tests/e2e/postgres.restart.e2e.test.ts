import {
  type PrivatePostgres,
  privatePostgresUnavailableReason,
  startPrivatePostgres,
} from '../support/private-postgres.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const reportProgress = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { position } }`;
const taskQuery = `query($id: ID!) { task(id: $id) { position milestones { progress } } }`;
const historyQuery = `query($id: ID!, $after: String) { taskHistory(taskId: $id, first: 200, after: $after) {
  edges { node { position type data } } pageInfo { hasNextPage endCursor } } }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const eventually = async (what: string, look: () => Promise<boolean>, ms = 30_000) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await look().catch(() => false)) return;
    await pause(100);
  }
  throw new Error(`${what}: not within ${ms} ms`);
};

const reason = privatePostgresUnavailableReason();
if (reason) console.warn(`a PostgreSQL restart under load: skipped, ${reason}`);

(reason ? describe.skip : describe)('a PostgreSQL restart under load', () => {
  let server: PrivatePostgres;
  let sys: TestSystem;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    sys = await startTestSystem({
      EVENT_STORE_URL: server.url,
      READ_MODEL_STORE_URL: server.url,
    });
  }, 60_000);
  afterAll(async () => {
    await sys?.stop();
    await server?.dispose();
  });

  it('answers UNAVAILABLE while it is down, loses and doubles nothing acknowledged, and converges after', async () => {
    const office = await sys.token('office');
    const must = async (query: string, variables: Record<string, unknown>, token = office) => {
      const result = await sys.gql(query, variables, token);
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return Object.values(result.data ?? {})[0] as Record<string, unknown>;
    };
    await must('mutation { registerUnit(input: {id: "edu", name: "教育局"}) { id } }', {});
    const task = await must(
      'mutation { registerTask(input: {title: "新建学校", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
      {},
    );
    const taskId = task.id as string;
    await must(
      'mutation($t: ID!) { assignTask(input: {taskId: $t, leadUnitId: "edu"}) { revision } }',
      { t: taskId },
    );
    const milestone = await must(
      'mutation($t: ID!) { planMilestone(input: {taskId: $t, title: "节点", dueDate: "2021-06-30"}) { milestoneId } }',
      { t: taskId },
    );
    const edu = await sys.token('department_head', 'edu');

    const acknowledged = new Map<string, number>();
    const codes: string[] = [];
    let stopped = false;
    let n = 0;
    const writer = async () => {
      while (!stopped) {
        const note = `w-${n++}`;
        const result = await sys.gql(
          reportProgress,
          { input: { taskId, milestoneId: milestone.milestoneId, percent: n % 100, note } },
          edu,
        );
        const answer = Object.values(result.data ?? {})[0] as { position: number } | undefined;
        if (answer) acknowledged.set(note, answer.position);
        else codes.push(String(result.errors?.[0]?.extensions?.code));
        await pause(5);
      }
    };
    const writers = [writer(), writer()];
    await eventually('writes before', async () => acknowledged.size >= 20);
    await server.stop();
    const whileDown = acknowledged.size;
    await eventually('a refusal while down', async () => codes.length >= 5);
    const readiness = await fetch(`${sys.url}/readyz`);
    expect(readiness.status).toBe(503);
    await server.start();
    await eventually('writes after', async () => acknowledged.size >= whileDown + 20);
    stopped = true;
    await Promise.all(writers);
    process.stdout.write(
      `PostgreSQL restart: ${acknowledged.size} acknowledged, ${codes.length} refused (${[...new Set(codes)].join(', ')})\n`,
    );
    expect(codes.filter((code) => code !== 'UNAVAILABLE')).toEqual([]);

    const stored = new Map<string, number[]>();
    let after: string | null = null;
    let last = 0;
    for (;;) {
      const page = (await must(historyQuery, { id: taskId, after })) as {
        edges: { node: { position: number; type: string; data: { note?: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      for (const { node } of page.edges) {
        last = node.position;
        if (node.type !== 'MilestoneProgressReported') continue;
        const key = node.data.note ?? '';
        stored.set(key, [...(stored.get(key) ?? []), node.position]);
      }
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    for (const [note, position] of acknowledged) expect(stored.get(note)).toEqual([position]);
    for (const positions of stored.values()) expect(positions).toHaveLength(1);
    await eventually('the task view reaching the end of the log', async () => {
      const view = await must(taskQuery, { id: taskId });
      return view.position === last;
    });
    await eventually('ready again', async () => (await fetch(`${sys.url}/readyz`)).status === 200);
  }, 120_000);
});
