import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { readiness, unready } from '../support/http-calls.ts';
import { openForTampering } from '../support/tampering.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * Every event the system writes carries a MAC under a write key the database's
 * administrators do not hold. A row an insider writes into events.sqlite by
 * hand — here a TaskTerminated "by a leader", a command leaders may not send —
 * is found as the audit indexes it: no head is signed over it and /readyz
 * names its position.
 */

const env = { AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' };
const registerTask = `mutation { registerTask(input: {title: "新建学校", section: "教育", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }`;
const signTreeHead = 'mutation { signTreeHead { treeSize } }';

type Row = Record<string, string | number>;

/** Appends `row` at the end of the stored log, as someone with the file (not the system) would. */
const insertByHand = (dataDir: string, change: (last: Row, taskRow: Row) => Row) => {
  const db = new DatabaseSync(path.join(dataDir, 'events.sqlite'));
  const last = db.prepare('SELECT * FROM events ORDER BY position DESC LIMIT 1').get() as Row;
  const taskRow = db
    .prepare("SELECT * FROM events WHERE type = 'TaskRegistered' ORDER BY position DESC LIMIT 1")
    .get() as Row;
  const row = change(last, taskRow);
  db.prepare(
    'INSERT INTO events (position, stream_id, revision, event_id, type, version, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    Number(last.position) + 1,
    row.stream_id!,
    row.revision!,
    row.event_id!,
    row.type!,
    row.version!,
    row.data!,
    row.metadata!,
    row.recorded_at!,
  );
  db.close();
  return Number(last.position) + 1;
};

/** A TaskTerminated "by a leader", on the last task's stream, with `writer` as its MAC (if any). */
const terminatedByLeader = (taskRow: Row, writer?: unknown): Row => {
  const metadata = JSON.parse(String(taskRow.metadata));
  const { writer: _genuine, ...rest } = metadata;
  return {
    stream_id: taskRow.stream_id!,
    revision: Number(taskRow.revision) + 1,
    event_id: randomUUID(),
    type: 'TaskTerminated',
    version: 1,
    data: JSON.stringify({
      taskId: JSON.parse(String(taskRow.data)).taskId,
      reason: '领导决定撤销',
    }),
    metadata: JSON.stringify({
      ...rest,
      actor: { id: 'leader-1', role: 'leader' },
      ...(writer ? { writer } : {}),
    }),
    recorded_at: String(taskRow.recorded_at),
  };
};

/** `npm run audit:check` on a data folder, as an inspector would run it. */
const auditCheck = (dataDir: string, args: string[] = []) =>
  new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [
      path.join('scripts', 'audit-check.ts'),
      '--data',
      dataDir,
      ...args,
    ]);
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('close', (status) => resolve({ status, stdout }));
  });

/** A system with a few genuine events and a signed head, stopped, its data kept. */
const stoppedSystem = async (): Promise<string> => {
  const sys = await startTestSystem(env);
  const office = await sys.token('office');
  for (let i = 0; i < 3; i++)
    expect((await sys.gql(registerTask, {}, office)).errors).toBeUndefined();
  expect((await sys.gql(signTreeHead, {}, await sys.token('inspector'))).errors).toBeUndefined();
  await sys.stop({ keepData: true });
  return sys.dataDir;
};

describe('events the system did not write', () => {
  const systems: TestSystem[] = [];
  afterAll(async () => {
    for (const sys of systems) await sys.stop().catch(() => undefined);
  });

  it('pass audit:check when every one was written by the system', async () => {
    const dataDir = await stoppedSystem();
    const checked = await auditCheck(dataDir);
    expect(checked.stdout).toMatch(/write MACs: \d+ events, every one written by the system/);
    expect(checked.status).toBe(0);
  });

  it('carry every genuine event’s write MAC', async () => {
    const sys = await startTestSystem(env);
    systems.push(sys);
    await sys.gql(registerTask, {}, await sys.token('office'));
    const [event] = await sys.system.stores.eventStore.readAll({ after: 0, limit: 1 });
    expect(event?.metadata.writer).toEqual({
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      mac: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect((await readiness(sys)).status).toBe(200);
  });

  it('are found when a row without a MAC is appended by hand: no head over it, /readyz names it', async () => {
    const dataDir = await stoppedSystem();
    const position = insertByHand(dataDir, (_, taskRow) => terminatedByLeader(taskRow));
    const checked = await auditCheck(dataDir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('write MACs: 1 events the system did not write:');
    expect(checked.stdout).toContain(`position ${position}: TaskTerminated in task-`);
    const again = await startTestSystem(env, { dataDir });
    systems.push(again);
    const answer = await unready(again);
    expect(answer.status).toBe(503);
    expect(answer.body.missing).toContainEqual(
      expect.stringContaining(
        `audit: the stored log was altered at position ${position}: TaskTerminated in task-`,
      ),
    );
    expect(answer.body.missing?.join()).toContain('carries no write MAC');
    const refused = await again.gql(signTreeHead, {}, await again.token('inspector'));
    expect(refused.errors?.[0]?.message).toContain(
      `signing stopped: the stored log was altered at position ${position}`,
    );
  });

  it('are found when every MAC is stripped and the audit index deleted: the heads say no event predates authenticated writes', async () => {
    const dataDir = await stoppedSystem();
    const db = openForTampering(dataDir);
    const head = db
      .prepare("SELECT data FROM events WHERE type = 'TreeHeadSigned' ORDER BY position DESC")
      .get() as Row;
    const { treeSize, legacyUpTo } = JSON.parse(String(head.data)) as {
      treeSize: number;
      legacyUpTo: number;
    };
    expect(legacyUpTo).toBe(0);
    // Made to look like events written before writes were authenticated.
    db.prepare(
      "UPDATE events SET metadata = json_remove(metadata, '$.writer') WHERE position <= ?",
    ).run(treeSize);
    db.close();
    rmSync(path.join(dataDir, 'audit.sqlite'));
    const again = await startTestSystem(env, { dataDir });
    systems.push(again);
    const answer = await unready(again);
    expect(answer.body.missing?.join()).toContain('altered at position 1: ');
    expect(answer.body.missing?.join()).toContain('carries no write MAC');
  });

  it('are found when the row carries a MAC copied from a genuine event', async () => {
    const dataDir = await stoppedSystem();
    const position = insertByHand(dataDir, (last, taskRow) =>
      terminatedByLeader(taskRow, JSON.parse(String(last.metadata)).writer),
    );
    const again = await startTestSystem(env, { dataDir });
    systems.push(again);
    const answer = await unready(again);
    expect(answer.body.missing?.join()).toContain(`position ${position}: TaskTerminated in task-`);
    expect(answer.body.missing?.join()).toContain(
      'its write MAC does not verify: it was altered or forged',
    );
  });
});
