/**
 * `npm run bench:distributed`: commands/s through the gateway (HTTP GraphQL
 * reportProgress, the same client and concurrency) with
 *   (1) every service in one process, no transporter, and
 *   (2) the services on three processes over a local nats-server: the gateway;
 *       tasks, directory, rules, supervision; projector, views, boards, audit —
 * both on the embedded stores, from the same run on this machine; and, with
 * BENCH_POSTGRES_URL=postgres://…,
 *   (3) over NATS on PostgreSQL (events, read models and leases, a fresh schema
 *       each, dropped afterwards) with 1, 2 and 3 command nodes.
 * BENCH_SECONDS sets each phase's length (default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signToken } from '../infra/auth/tokens.ts';
import type { ChildSystem } from '../tests/support/child-system.ts';
import { startChildSystem } from '../tests/support/child-system.ts';
import type { NatsServer } from '../tests/support/nats-server.ts';
import { natsUnavailableReason, startNatsServer } from '../tests/support/nats-server.ts';
import { dropSchemas, schemaUrl } from '../tests/support/postgres.ts';
import { line, rate, runFor } from './stats.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const concurrencies = [16, 64];
const secret = 'bench-distributed-secret-0123456789abcdef';
const servicesReady = /services .* ready/;

/** What each setup needs besides its processes: one process, or one of several. */
const common = (dataDir: string) => ({
  DATA_DIR: dataDir,
  JWT_SECRET: secret,
  // The bench is one client as fast as it can go: no per-actor limit.
  RATE_LIMIT_PER_MINUTE: '0',
});

type Target = { taskId: string; milestoneId: string };

const graphql = (url: string, token: string) => async (query: string, input: object) => {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { input } }),
  });
  const body = (await response.json()) as {
    data?: Record<string, Record<string, unknown>>;
    errors?: unknown;
  };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return Object.values(body.data ?? {})[0] ?? {};
};

const setUpTasks = async (gql: ReturnType<typeof graphql>, count: number): Promise<Target[]> => {
  await gql('mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }', {
    id: 'bench-unit',
    name: '基准单位',
  });
  const targets: Target[] = [];
  for (let i = 0; i < count; i++) {
    const task = await gql(
      'mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }',
      { title: `任务${i}`, plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    );
    const taskId = task.id as string;
    await gql('mutation($input: AssignTaskInput!) { assignTask(input: $input) { revision } }', {
      taskId,
      leadUnitId: 'bench-unit',
    });
    const milestone = await gql(
      'mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId } }',
      { taskId, title: '节点', dueDate: '2021-06-30' },
    );
    targets.push({ taskId, milestoneId: milestone.milestoneId as string });
  }
  return targets;
};

/** The same client for both setups: reportProgress from `clients` loops for one phase. */
const measure = async (label: string, url: string) => {
  const token = await signToken(secret, { sub: 'bench-office', role: 'office' });
  const gql = graphql(url, token);
  const targets = await setUpTasks(gql, 200);
  const figures: Record<number, number> = {};
  for (const clients of concurrencies) {
    const reported = await runFor(seconds * 1000, clients, async (index) => {
      const target = targets[index % targets.length]!;
      await gql(
        'mutation($input: ReportProgressInput!) { reportProgress(input: $input) { position } }',
        // The office records the units' reports (代录), naming their source.
        { ...target, percent: index % 100, note: `bench ${index}`, proxySource: 'bench' },
      );
    });
    figures[clients] = rate(reported.count, reported.elapsedMs);
    line(`${label}, ${clients} clients`, `${figures[clients]} commands/s`);
  }
  return figures;
};

const oneProcess = async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-one-'));
  const child = await startChildSystem(common(dir), 60_000);
  try {
    return await measure('one process, no transporter', child.url);
  } finally {
    await child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * The gateway, `commandNodes` nodes of tasks, directory, rules and supervision,
 * and one of projector, views, boards and audit, over a local nats-server, on
 * the stores `stores` names (the embedded ones in a shared DATA_DIR by default).
 */
const overNats = async (label: string, commandNodes: number, stores: Record<string, string>) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-nats-'));
  const nats: NatsServer = await startNatsServer({ user: 'bench', password: 'bench-pass' });
  const nodes: ChildSystem[] = [];
  try {
    const env = (services: string) => ({
      ...common(dir),
      SERVICES: services,
      TRANSPORTER: nats.url,
      LEASE_STORE: 'embedded',
      ...stores,
    });
    nodes.push(
      ...(await Promise.all([
        startChildSystem(env('gateway'), 60_000),
        ...Array.from({ length: commandNodes }, () =>
          startChildSystem(env('tasks,directory,rules,supervision'), 60_000, {
            ready: servicesReady,
          }),
        ),
        startChildSystem(env('projector,views,boards,audit'), 60_000, { ready: servicesReady }),
      ])),
    );
    const url = nodes[0]?.url ?? '';
    // The gateway answers once every service it forwards to has a node.
    while ((await fetch(`${url}/readyz`)).status !== 200) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await measure(label, url);
  } finally {
    for (const node of nodes) await node.kill('SIGTERM');
    await nats.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
};

const threeProcesses = () => overNats('three processes over NATS', 1, {});

/** (3): on PostgreSQL, with 1, 2 and 3 command nodes, each run on a schema of its own. */
const onPostgres = async (base: string) => {
  const schemas: string[] = [];
  try {
    for (const commandNodes of [1, 2, 3]) {
      const schema = `bench_cluster_${process.pid}_${commandNodes}`;
      schemas.push(schema);
      const at = schemaUrl(schema, base);
      await overNats(`PostgreSQL over NATS, ${commandNodes} command node(s)`, commandNodes, {
        EVENT_STORE_URL: at,
        READ_MODEL_STORE_URL: at,
        LEASE_STORE: 'postgres',
      });
    }
  } finally {
    await dropSchemas(schemas, base);
  }
};

const skip = natsUnavailableReason();
process.stdout.write(
  `督查督办 distributed benchmark — node ${process.version}, ${os.cpus().length} cores, ` +
    `${seconds} s phases, HTTP GraphQL reportProgress through the gateway\n`,
);
const single = await oneProcess();
if (skip) {
  process.stdout.write(`three processes over NATS: skipped, ${skip}\n`);
} else {
  const spread = await threeProcesses();
  for (const clients of concurrencies) {
    const ratio = (spread[clients] ?? 0) / (single[clients] || 1);
    line(`three processes / one process, ${clients} clients`, `${ratio.toFixed(2)}×`);
  }
  const postgresUrl = process.env.BENCH_POSTGRES_URL;
  if (postgresUrl) await onPostgres(postgresUrl);
}
