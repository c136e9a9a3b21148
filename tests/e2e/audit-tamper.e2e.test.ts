import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AuditBundle, BundleEvent } from '../../tools/audit/bundle.ts';
import { openForTampering } from '../support/tampering.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

// The audit tools run as real processes, on copies of a data directory the system
// wrote and then let go of. Only this test updates or deletes events, and only in
// those copies, with the append-only triggers dropped first.

const mutations = {
  registerUnit: `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`,
  registerTask: `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }`,
  assignTask: `mutation($input: AssignTaskInput!) { assignTask(input: $input) { revision } }`,
  planMilestone: `mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId } }`,
  reportProgress: `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { revision } }`,
  reportBlockage: `mutation($input: ReportBlockageInput!) { reportBlockage(input: $input) { blockageId } }`,
  resolveBlockage: `mutation($input: ResolveBlockageInput!) { resolveBlockage(input: $input) { revision } }`,
};
const signTreeHead = 'mutation { signTreeHead { treeSize position } }';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const script = (name: string) => path.join('scripts', `${name}.ts`);

/** Runs an audit script without blocking this process, whose system may still be serving. */
const runAsync = (name: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [script(name), ...args], (error, stdout, stderr) => {
      const status = error ? ((error as { code?: number }).code ?? null) : 0;
      resolve({ status, stdout, stderr });
    });
  });

const run = (name: string, args: string[]): Run => {
  const result = spawnSync(process.execPath, [script(name), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

/** Sends a mutation and returns its one result, failing the test on any error. */
const send = async (
  sys: TestSystem,
  query: string,
  input: Record<string, unknown>,
  token: string,
): Promise<Record<string, unknown>> => {
  const result = await sys.gql<Record<string, Record<string, unknown>>>(query, { input }, token);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0]!;
};

/** One supervised task's year: registered, assigned, planned, progress, a blockage resolved. */
const superviseTask = async (sys: TestSystem, index: number, office: string, unit: string) => {
  const head = await sys.token('department_head', unit);
  const task = await send(
    sys,
    mutations.registerTask,
    {
      title: `重点任务${index}`,
      section: '民生实事',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    },
    office,
  );
  const taskId = task.id as string;
  await send(
    sys,
    mutations.assignTask,
    { taskId, leadUnitId: unit, cooperatingUnitIds: [] },
    office,
  );
  const planned = await send(
    sys,
    mutations.planMilestone,
    { taskId, title: '完成选址', dueDate: '2021-06-30', weight: 1 },
    office,
  );
  const milestoneId = planned.milestoneId as string;
  for (const percent of [10, 25, 40, 60, 80]) {
    await send(sys, mutations.reportProgress, { taskId, milestoneId, percent }, head);
  }
  const blockage = await send(
    sys,
    mutations.reportBlockage,
    { taskId, description: '用地手续待批' },
    head,
  );
  await send(
    sys,
    mutations.resolveBlockage,
    { taskId, blockageId: blockage.blockageId, resolution: '已协调' },
    head,
  );
};

type Row = Record<string, string | number>;
const columns =
  'position, stream_id, revision, event_id, type, version, data, metadata, recorded_at';

const rowAt = (db: DatabaseSync, position: number): Row =>
  db.prepare(`SELECT ${columns} FROM events WHERE position = ?`).get(position) as Row;

/** Puts `row`'s content at `position`. */
const insertAt = (db: DatabaseSync, position: number, row: Row) =>
  db
    .prepare(`INSERT INTO events (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(
      position,
      row.stream_id!,
      row.revision!,
      row.event_id!,
      row.type!,
      row.version!,
      row.data!,
      row.metadata!,
      row.recorded_at!,
    );

const tamperings: Record<string, (db: DatabaseSync, at: Positions) => void> = {
  edit: (db, at) => {
    db.prepare("UPDATE events SET data = json_set(data, '$.percent', 100) WHERE position = ?").run(
      at.edited,
    );
  },
  delete: (db, at) => {
    db.prepare('DELETE FROM events WHERE position = ?').run(at.deleted);
  },
  swap: (db, at) => {
    const [a, b] = [rowAt(db, at.swapped[0]), rowAt(db, at.swapped[1])];
    db.prepare('DELETE FROM events WHERE position IN (?, ?)').run(...at.swapped);
    insertAt(db, at.swapped[0], b);
    insertAt(db, at.swapped[1], a);
  },
  truncate: (db, at) => {
    db.prepare('DELETE FROM events WHERE position > ?').run(at.keptUpTo);
  },
};

/** The same four tamperings, done to an exported bundle's JSON. */
const bundleTamperings: Record<string, (bundle: AuditBundle, at: Positions) => void> = {
  edit: (bundle, at) => {
    (eventAt(bundle, at.edited).data as { percent: number }).percent = 100;
  },
  delete: (bundle, at) => {
    bundle.events = bundle.events.filter((event) => event.position !== at.deleted);
  },
  swap: (bundle, at) => {
    // The contents change places; each place (position, leaf index) stays.
    const [a, b] = at.swapped.map((position) => eventAt(bundle, position));
    const { position: positionA, leafIndex: leafA, ...contentA } = a!;
    const { position: positionB, leafIndex: leafB, ...contentB } = b!;
    Object.assign(a!, contentB, { position: positionA, leafIndex: leafA });
    Object.assign(b!, contentA, { position: positionB, leafIndex: leafB });
  },
  truncate: (bundle, at) => {
    bundle.events = bundle.events.filter((event) => event.position <= at.keptUpTo);
  },
};

const eventAt = (bundle: AuditBundle, position: number): BundleEvent => {
  const found = bundle.events.find((event) => event.position === position);
  if (!found) throw new Error(`the bundle holds no event at ${position}`);
  return found;
};

interface Positions {
  edited: number;
  deleted: number;
  swapped: [number, number];
  keptUpTo: number;
}

/** What each tampering must be reported as, by check and by verify. */
const expected = (at: Positions) => ({
  edit: {
    check: [`first divergence at position ${at.edited}:`],
    verify: [`position ${at.edited}: leaf hash does not match`],
  },
  delete: {
    check: [`first divergence at position ${at.deleted}: event missing`],
    verify: [`position ${at.deleted}: missing from the bundle`],
  },
  swap: {
    check: [`first divergence at position ${at.swapped[0]}:`, `also at position ${at.swapped[1]}:`],
    verify: [
      `position ${at.swapped[0]}: leaf hash does not match`,
      `position ${at.swapped[1]}: leaf hash does not match`,
    ],
  },
  truncate: {
    check: [`first divergence at position ${at.keptUpTo + 1}:`],
    verify: [`positions ${at.keptUpTo + 1}–`],
  },
});

describe('a log tampered with behind the system’s back', () => {
  let sys: TestSystem;
  let work: string;
  let bundleFile: string;
  let at: Positions;
  let headSize: number;

  const copyOfData = (name: string): string => {
    const copy = path.join(work, name);
    cpSync(sys.dataDir, copy, { recursive: true });
    return copy;
  };

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-tamper-'));
    sys = await startTestSystem({ AUDIT_SIGN_EVERY: '50', AUDIT_SIGN_SECONDS: '86400' });
    const office = await sys.token('office');
    for (const [id, name] of [
      ['edu', '教育局'],
      ['env', '生态环境局'],
      ['uc', '城管局'],
    ]) {
      await send(sys, mutations.registerUnit, { id, name }, office);
    }
    for (let index = 0; index < 30; index++) {
      await superviseTask(sys, index, office, ['edu', 'env', 'uc'][index % 3]!);
    }
    const inspector = await sys.token('inspector');
    const signed = await sys.gql<{ signTreeHead: { treeSize: number } }>(
      signTreeHead,
      {},
      inspector,
    );
    expect(signed.errors).toBeUndefined();
    headSize = signed.data!.signTreeHead.treeSize;
    bundleFile = path.join(work, 'bundle.json');
    const exported = await runAsync('audit-export', ['--data', sys.dataDir, '--out', bundleFile]);
    expect(exported.stderr).toMatch(/selected events? after tree size \d+ left out/);
    expect(exported.status).toBe(0);
    await sys.stop({ keepData: true });
    at = { edited: 131, deleted: 207, swapped: [88, 253], keptUpTo: headSize - 17 };
  }, 120_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(sys.dataDir, { recursive: true, force: true });
  });

  it('was built from a few hundred events of real commands, with heads signed along the way', () => {
    const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as AuditBundle;
    expect(headSize).toBeGreaterThanOrEqual(300);
    expect(bundle.head.treeSize).toBe(headSize);
    expect(bundle.events).toHaveLength(headSize);
    expect(bundle.heads.length).toBeGreaterThanOrEqual(6);
  });

  it('checks and verifies clean when nothing was touched', () => {
    const check = run('audit-check', ['--data', copyOfData('untouched')]);
    expect(check.stdout).toMatch(
      /^The log of \d+ events, recomputed from the events, matches all \d+ signed tree heads/,
    );
    expect(check.status).toBe(0);
    const verify = run('audit-verify', [bundleFile]);
    expect(verify.stdout).toMatch(/^Verified \d+ events against the signed tree head/);
    expect(verify.status).toBe(0);
  });

  const cases = [
    ['one event edited', 'edit'],
    ['one event deleted', 'delete'],
    ['two events swapped', 'swap'],
    ['its tail cut off', 'truncate'],
  ] as const;

  describe.each(cases)('the log, with %s', (_what, kind) => {
    it('fails audit:check, naming the first position that diverges', () => {
      const copy = copyOfData(kind);
      const db = openForTampering(copy);
      tamperings[kind]!(db, at);
      db.close();
      const check = run('audit-check', ['--data', copy]);
      expect(check.status).toBe(1);
      const want = expected(at)[kind].check;
      const lines = check.stdout.split('\n');
      expect(lines[0]).toContain(want[0]!);
      for (const line of want.slice(1)) expect(check.stdout).toContain(line);
    });
  });

  describe.each(cases)('a bundle exported before, with %s', (_what, kind) => {
    it('fails audit:verify, naming the position', () => {
      const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as AuditBundle;
      bundleTamperings[kind]!(bundle, at);
      const file = path.join(work, `bundle-${kind}.json`);
      writeFileSync(file, JSON.stringify(bundle));
      const verify = run('audit-verify', [file]);
      expect(verify.status).toBe(1);
      const want = expected(at)[kind].verify;
      for (const line of want) expect(verify.stdout).toContain(line);
      expect(verify.stdout).toMatch(/verification FAILED/);
    });
  });

  it('fails audit:check on an edit whose audit record was altered to match, naming a window holding it', () => {
    const copy = copyOfData('edit-and-record');
    const db = openForTampering(copy);
    tamperings.edit!(db, at);
    db.close();
    const edited = run('audit-check', ['--data', copy]);
    expect(edited.stdout).toContain(`first divergence at position ${at.edited}:`);
    const record = new DatabaseSync(path.join(copy, 'audit.sqlite'));
    record.prepare('UPDATE leaves SET hash = randomblob(32) WHERE position = ?').run(at.edited);
    record.close();
    const check = run('audit-check', ['--data', copy]);
    expect(check.status).toBe(1);
    const window = /^first divergence at position (\d+): somewhere in positions (\d+)–(\d+) /m.exec(
      check.stdout,
    );
    expect(window).not.toBeNull();
    expect(Number(window![2])).toBeLessThanOrEqual(at.edited);
    expect(Number(window![3])).toBeGreaterThanOrEqual(at.edited);
  });

  it('names a tail cut off together with the audit record, from the heads of an earlier bundle', () => {
    const copy = copyOfData('truncate-all');
    const db = openForTampering(copy);
    tamperings.truncate!(db, at);
    db.close();
    rmSync(path.join(copy, 'audit.sqlite'));
    const check = run('audit-check', ['--data', copy, '--bundle', bundleFile]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(
      `first divergence at position ${at.keptUpTo + 1}: the log ends at position ${at.keptUpTo}, but the signed head`,
    );
  });

  it('refuses to export a tampered log, naming the first bad position', () => {
    const copy = copyOfData('export-refused');
    const db = openForTampering(copy);
    tamperings.edit!(db, at);
    db.close();
    const exported = run('audit-export', ['--data', copy, '--out', path.join(work, 'no.json')]);
    expect(exported.status).toBe(1);
    expect(exported.stderr).toContain(`divergence at position ${at.edited}:`);
    expect(() => readFileSync(path.join(work, 'no.json'))).toThrow();
  });
});
