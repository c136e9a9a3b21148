/**
 * `npm run bench`: figures from one run on this machine.
 *   (a) raw single-event appends/s of the embedded store, and 100-event batches;
 *   (b) end-to-end commands/s through broker.call (registerTask, reportProgress);
 *   (c) the same reportProgress through HTTP GraphQL, gateway in its own process;
 *   (d) projection lag p50/p99 (append acknowledged → applied to the read models)
 *       while (b) runs at full speed;
 *   (e) what an actor assertion costs a call that leaves its process (sign, check).
 * BENCH_SECONDS sets each phase's length (default 5); BENCH_RATE the paced rate.
 * BENCH_EVENT_STORE_URL=postgres://… runs (a), (b) and (d) on that PostgreSQL
 * (a fresh schema each, dropped afterwards) instead of the embedded store.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../contracts/actor.ts';
import { signToken } from '../infra/auth/tokens.ts';
import { loadConfig } from '../infra/config/config.ts';
import { openPostgresEventStore } from '../infra/event-store/postgres/postgres-event-store.ts';
import { openSqliteEventStore } from '../infra/event-store/sqlite/sqlite-event-store.ts';
import { createAsserter, verifyAssertion } from '../infra/identity/actor-assertions.ts';
import { processIdentity } from '../infra/identity/node-identity.ts';
import { createReplayGuard } from '../infra/identity/replay-guard.ts';
import { projectedEvent } from '../services/shared/deps.ts';
import { createSystem } from '../system/system.ts';
import { startChildSystem } from '../tests/support/child-system.ts';
import { dropSchemas, freshSchema, schemaUrl } from '../tests/support/postgres.ts';
import { line, percentile, rate, runAtRate, runFor } from './stats.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** The rate the foundation issue asks the projection lag to be measured at. */
const targetRate = Number(process.env.BENCH_RATE ?? 5000);
const phaseMs = seconds * 1000;
const office: Actor = { id: 'bench-office', role: 'office' };
const meta = { meta: { actor: office } };
const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'dubanju-bench-'));
const postgresUrl = process.env.BENCH_EVENT_STORE_URL ?? null;
const storeName = postgresUrl === null ? 'embedded store' : 'PostgreSQL store';
const benchSchemas: string[] = [];

/** A fresh schema of BENCH_EVENT_STORE_URL's server, as EVENT_STORE_URL names it. */
const postgresSchemaUrl = (base: string) => {
  const schema = freshSchema('bench');
  benchSchemas.push(schema);
  return schemaUrl(schema, base);
};

const benchRawAppends = async () => {
  const dir = tempDir();
  const store =
    postgresUrl === null
      ? openSqliteEventStore({ path: path.join(dir, 'events.sqlite') })
      : await openPostgresEventStore({ connectionString: postgresSchemaUrl(postgresUrl) });
  const event = () => ({
    id: randomUUID(),
    type: 'BenchEvent',
    version: 1,
    data: { value: 42, text: '基准测试' },
    metadata: {
      actor: office,
      correlationId: 'bench',
      causationId: 'bench',
      idempotencyKey: randomUUID(),
      recordedAt: new Date().toISOString(),
    },
    recordedAt: new Date().toISOString(),
  });
  const revisions = new Map<number, number>();
  const single = await runFor(phaseMs / 2, 1, async (index) => {
    const stream = index % 1000;
    const revision = revisions.get(stream) ?? -1;
    await store.appendToStream(`bench-${stream}`, [event()], {
      expectedRevision: revision === -1 ? 'no_stream' : revision,
    });
    revisions.set(stream, revision + 1);
  });
  line(`(a) ${storeName}, 1 event per append`, `${rate(single.count, single.elapsedMs)} events/s`);
  const batched = await runFor(phaseMs / 2, 1, async (index) => {
    const events = Array.from({ length: 100 }, event);
    await store.appendToStream(`batch-${index}`, events, { expectedRevision: 'no_stream' });
  });
  line(
    `(a) ${storeName}, 100 events per append`,
    `${rate(batched.count * 100, batched.elapsedMs)} events/s`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
};

const setUpTasks = async (
  call: (action: string, params: object) => Promise<Record<string, unknown>>,
  count: number,
) => {
  await call('directory.registerUnit', { id: 'bench-unit', name: '基准单位' });
  const tasks: { taskId: string; milestoneId: string }[] = [];
  for (let i = 0; i < count; i++) {
    const task = await call('tasks.registerTask', {
      title: `任务${i}`,
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
    const taskId = task.id as string;
    await call('tasks.assignTask', { taskId, leadUnitId: 'bench-unit' });
    const milestone = await call('tasks.planMilestone', {
      taskId,
      title: '节点',
      dueDate: '2021-06-30',
    });
    tasks.push({ taskId, milestoneId: milestone.milestoneId as string });
  }
  return tasks;
};

const progress = (tasks: { taskId: string; milestoneId: string }[], index: number) => {
  const task = tasks[index % tasks.length]!;
  // The office records for the unit (代录), so it names where the report came from.
  return {
    ...task,
    percent: index % 101,
    note: `bench ${index}`,
    proxySource: '基准单位联络员电话报送',
  };
};

const benchBroker = async () => {
  const dir = tempDir();
  const config = loadConfig({
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    SERVICES: 'tasks,directory,projector,views',
    ...(postgresUrl === null ? {} : { EVENT_STORE_URL: postgresSchemaUrl(postgresUrl) }),
  });
  const system = createSystem(config);
  const acknowledged = new Map<number, number>();
  const lags: number[] = [];
  system.broker.createService({
    name: 'bench-lag',
    events: {
      [projectedEvent]: {
        handler(ctx) {
          const reached = (ctx.params as { position: number }).position;
          const now = performance.now();
          for (const [position, at] of acknowledged) {
            if (position > reached) continue;
            lags.push(now - at);
            acknowledged.delete(position);
          }
        },
      },
    },
  });
  await system.start();
  const call = (action: string, params: object) =>
    system.broker.call<Record<string, unknown>, object>(action, params, meta);
  const tasks = await setUpTasks(call, 200);

  const registered = await runFor(phaseMs / 2, 64, async (index) => {
    await call('tasks.registerTask', {
      title: `新任务${index}`,
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
  });
  line(
    '(b) broker.call registerTask, 64 in flight',
    `${rate(registered.count, registered.elapsedMs)} commands/s`,
  );

  const measureLag = async (label: string, run: () => Promise<unknown>) => {
    await system.broker.call('projector.catchUp');
    acknowledged.clear();
    lags.length = 0;
    await run();
    await system.broker.call('projector.catchUp');
    lags.sort((x, y) => x - y);
    const figures = `p50 ${percentile(lags, 50).toFixed(1)} ms, p99 ${percentile(lags, 99).toFixed(1)} ms`;
    line(label, `${figures} (${lags.length} samples)`);
  };
  const report = async (index: number) => {
    const result = await call('tasks.reportProgress', progress(tasks, index));
    acknowledged.set(result.position as number, performance.now());
  };

  await measureLag('(d) projection lag during (b), append → read model', async () => {
    const reported = await runFor(phaseMs, 64, report);
    line(
      '(b) broker.call reportProgress, 64 in flight',
      `${rate(reported.count, reported.elapsedMs)} commands/s`,
    );
  });
  await measureLag(`(d) projection lag at a steady ${targetRate} commands/s`, async () => {
    const paced = await runAtRate(phaseMs, targetRate, 64, report);
    line('(d) reportProgress, paced', `${rate(paced.count, paced.elapsedMs)} commands/s achieved`);
  });
  await system.stop();
  rmSync(dir, { recursive: true, force: true });
};

const benchHttp = async () => {
  const dir = tempDir();
  // The benchmark measures throughput: the per-actor rate limit would only measure itself.
  const child = await startChildSystem({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: '0' });
  const { loadOrCreateSecret } = await import('../infra/auth/secret.ts');
  const token = await signToken(loadOrCreateSecret(dir, null), {
    sub: 'bench-office',
    role: 'office',
  });
  const gql = async (query: string, input: object) => {
    const response = await fetch(`${child.url}/graphql`, {
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
  const call = (action: string, params: object) => {
    const [, name] = action.split('.');
    const inputType = `${name![0]!.toUpperCase()}${name!.slice(1)}Input`;
    const fields: Record<string, string> = {
      registerUnit: 'id',
      registerTask: 'id',
      assignTask: 'revision',
      planMilestone: 'milestoneId',
      reportProgress: 'position',
    };
    return gql(
      `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields[name!]} } }`,
      params,
    );
  };
  const tasks = await setUpTasks(call, 200);
  for (const clients of [16, 64]) {
    const reported = await runFor(phaseMs / 2, clients, async (index) => {
      await call('tasks.reportProgress', progress(tasks, index));
    });
    line(
      `(c) HTTP GraphQL reportProgress, ${clients} clients`,
      `${rate(reported.count, reported.elapsedMs)} commands/s`,
    );
  }
  await child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};

process.stdout.write(
  `督查督办 benchmark — node ${process.version}, ${os.cpus().length} cores, ${seconds} s phases\n`,
);
/** What an actor assertion costs a call that leaves its process: signing, then checking. */
const benchAssertions = () => {
  const identity = processIdentity();
  const assert = createAsserter(identity);
  const replay = createReplayGuard();
  const params = { taskId: 'task-1', milestoneId: 'm1', percent: 40, idempotencyKey: randomUUID() };
  const rounds = 20_000;
  let signing = 0;
  let checking = 0;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const token = assert(office, 'tasks.reportProgress', params, null);
    const signed = performance.now();
    const proven = verifyAssertion(
      token,
      { action: 'tasks.reportProgress', params },
      identity.trusted,
      replay,
      Date.now(),
    );
    checking += performance.now() - signed;
    signing += signed - started;
    if ('refused' in proven) throw new Error(proven.refused);
  }
  line(
    '(e) actor assertion per call leaving its process',
    `sign ${((signing / rounds) * 1000).toFixed(0)} µs, check ${((checking / rounds) * 1000).toFixed(0)} µs`,
  );
};

process.stdout.write(`events in the ${storeName}\n`);
await benchRawAppends();
await benchBroker();
if (postgresUrl === null) await benchHttp();
else await dropSchemas(benchSchemas, postgresUrl);
benchAssertions();
