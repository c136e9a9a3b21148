import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../../contracts/actor.ts';
import type { TaskEvent } from '../../contracts/events/task-events.ts';
import { taskStreamId, unitStreamId } from '../../contracts/streams.ts';
import type { EventStore, NewEvent } from '../../infra/event-store/port.ts';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { freePort } from '../support/nats-server.ts';

/*
 * `node main.ts` on a data directory holding a long log it has never projected:
 * /healthz answers 200 at every poll from the first answer on, catch-up included,
 * and /readyz answers 503 with the read models' progress until they reach the
 * log's end, then 200.
 */

const tasks = 400;
const reportsPerTask = 122;
/** One unit, then per task: registered, assigned, a milestone planned, its reports. */
const logLength = 1 + tasks * (3 + reportsPerTask);

const office: Actor = { id: 'office', role: 'office' };
const recordedAt = '2021-03-01T08:00:00.000Z';

const stored = (type: string, version: number, data: unknown): NewEvent => {
  const key = randomUUID();
  return {
    id: randomUUID(),
    type,
    version,
    data,
    metadata: {
      actor: office,
      correlationId: key,
      causationId: key,
      idempotencyKey: key,
      recordedAt,
    },
    recordedAt,
  };
};

const taskYear = (taskId: string): NewEvent[] => {
  const milestoneId = `${taskId}-m1`;
  const events: TaskEvent[] = [
    {
      type: 'TaskRegistered',
      data: {
        taskId,
        title: `Task ${taskId}`,
        description: null,
        section: null,
        plannedStart: '2021-01-04',
        dueDate: '2021-12-31',
      },
    },
    {
      type: 'TaskAssigned',
      data: { taskId, leadUnitId: 'edu', cooperatingUnitIds: [], responsibleLeader: null },
    },
    {
      type: 'MilestonePlanned',
      data: { taskId, milestoneId, title: 'the one milestone', dueDate: '2021-12-31', weight: 1 },
    },
  ];
  for (let report = 0; report < reportsPerTask; report++) {
    events.push({
      type: 'MilestoneProgressReported',
      data: {
        taskId,
        milestoneId,
        percent: (report % 99) + 1,
        previousPercent: report % 99,
        note: null,
        reportedByUnitId: 'edu',
        evidence: [],
      },
    });
  }
  return events.map((event) =>
    stored(event.type, event.type === 'MilestoneProgressReported' ? 2 : 1, event.data),
  );
};

/** Writes the log straight into the store, one append per task: seconds, not minutes. */
const writeLog = async (store: EventStore) => {
  const unit = stored('UnitRegistered', 1, { unitId: 'edu', name: '教育局' });
  await store.appendToStream(unitStreamId('edu'), [unit], { expectedRevision: 'no_stream' });
  for (let task = 0; task < tasks; task++) {
    const taskId = `t${task}`;
    await store.appendToStream(taskStreamId(taskId), taskYear(taskId), {
      expectedRevision: 'no_stream',
    });
  }
};

type Poll = { at: number; status: number | string; body: Record<string, unknown> | null };

/** As an orchestrator's probe would: an answer later than this is a failure. */
const probeTimeoutMs = 2000;

/** One probe; a refused connection or a timeout is a status of its own. */
const probe = async (port: number, name: 'healthz' | 'readyz', started: number): Promise<Poll> => {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/${name}`, {
      signal: AbortSignal.timeout(probeTimeoutMs),
    });
    const body = (await response.json()) as Record<string, unknown>;
    return { at: performance.now() - started, status: response.status, body };
  } catch (error) {
    // ECONNREFUSED before the port listens, TimeoutError for a late answer.
    const { cause, name } = error as { cause?: { code?: string }; name?: string };
    return { at: performance.now() - started, status: cause?.code ?? name ?? 'error', body: null };
  }
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a process starting on a long log it has not projected yet', () => {
  let dataDir: string;
  let child: ChildProcess | null = null;
  const output: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-start-up-'));
    const store = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
    await writeLog(store);
    expect(await store.lastPosition()).toBe(logLength);
    await store.close();
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  /** `node main.ts` on the folder, its output kept for a failure's message. */
  const startMain = (port: number): ChildProcess => {
    const started = spawn(process.execPath, ['main.ts'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        // Small pages stretch the catch-up: many commits, many turns to poll in.
        PROJECTOR_BATCH_SIZE: '100',
        SUPERVISION_CLOCK_INTERVAL_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [started.stdout, started.stderr]) {
      stream?.on('data', (chunk) => output.push(String(chunk)));
    }
    return started;
  };

  it('is alive at every poll and ready only once the read models reach the end of the log', async () => {
    const port = await freePort();
    const started = performance.now();
    child = startMain(port);

    const health: Poll[] = [];
    const readiness: Poll[] = [];
    while (performance.now() - started < 60_000 && child.exitCode === null) {
      const [alive, ready] = await Promise.all([
        probe(port, 'healthz', started),
        probe(port, 'readyz', started),
      ]);
      health.push(alive);
      readiness.push(ready);
      if (ready.status === 200) break;
      await pause(100);
    }

    expect({ last: readiness.at(-1)?.status, output: output.join('') }).toMatchObject({
      last: 200,
    });
    // Before the front door listens the connection is refused, and while the modules
    // load an answer may come late; from the first 200 on, 200 at every poll.
    const first = health.findIndex((poll) => poll.status === 200);
    expect(first).toBeGreaterThanOrEqual(0);
    for (const poll of health.slice(0, first)) {
      expect(['ECONNREFUSED', 'TimeoutError']).toContain(poll.status);
    }
    expect(health.slice(first).map((poll) => poll.status)).toEqual(
      health.slice(first).map(() => 200),
    );

    const catchingUp = readiness.filter((poll) => poll.body?.reason === 'catching up');
    expect(catchingUp.length).toBeGreaterThanOrEqual(3);
    // Alive whenever it said it was catching up.
    for (const [index, poll] of readiness.entries()) {
      if (poll.body?.reason === 'catching up') expect(health[index]?.status).toBe(200);
    }
    for (const poll of catchingUp) {
      expect(poll.status).toBe(503);
      expect(poll.body).toMatchObject({ status: 'unavailable', end: logLength });
      expect(poll.body?.position).toBeLessThan(logLength);
    }
    const positions = catchingUp.map((poll) => poll.body?.position as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.at(-1)).toBeGreaterThan(positions[0] ?? 0);
    // Every answer before the last was a 503: never ready before the end.
    const answered = readiness.findIndex((poll) => typeof poll.status === 'number');
    const before = readiness.slice(answered, -1).map((poll) => poll.status);
    expect(before).toEqual(before.map(() => 503));

    process.stdout.write(
      `start-up on ${logLength} events: first /healthz answer after ${Math.round(health[first]?.at ?? 0)} ms, ` +
        `${catchingUp.length} answers 'catching up', /readyz 200 after ${Math.round(readiness.at(-1)?.at ?? 0)} ms\n`,
    );
  }, 90_000);

  it('says how far the audit index is while it is built again at start, the read models current', async () => {
    expect(child).not.toBeNull();
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child?.kill('SIGTERM');
    await exited;
    // A folder restored without its audit index: the index is built again from the log.
    for (const file of readdirSync(dataDir).filter((name) => name.startsWith('audit.sqlite'))) {
      rmSync(path.join(dataDir, file));
    }
    const port = await freePort();
    const started = performance.now();
    child = startMain(port);
    const readiness: Poll[] = [];
    while (performance.now() - started < 60_000 && child.exitCode === null) {
      const ready = await probe(port, 'readyz', started);
      readiness.push(ready);
      if (ready.status === 200) break;
      await pause(100);
    }
    expect(readiness.at(-1)?.status).toBe(200);
    const indexing = readiness.filter((poll) => poll.body?.reason === 'catching up');
    expect(indexing.length).toBeGreaterThanOrEqual(3);
    for (const poll of indexing) {
      expect(poll.status).toBe(503);
      expect(poll.body).toMatchObject({ of: 'audit index', missing: ['audit index'] });
      // The log and what the first start appended to it (the audit's own records).
      expect(poll.body?.end).toBeGreaterThanOrEqual(logLength);
    }
    const positions = indexing.map((poll) => poll.body?.position as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.at(-1)).toBeGreaterThan(positions[0] ?? 0);
  }, 90_000);
});
