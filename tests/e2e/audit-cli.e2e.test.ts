import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { signingKeyOf } from '../../infra/keys/signing-key.ts';
import { signTreeHead } from '../../services/audit/tree-heads.ts';
import type { AuditBundle } from '../../tools/audit/bundle.ts';
import { signSelection } from '../../tools/audit/selection.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const repository = process.cwd();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const run = (
  name: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Run => {
  const result = spawnSync(
    process.execPath,
    [path.join(repository, 'scripts', `${name}.ts`), ...args],
    {
      encoding: 'utf8',
      cwd: options.cwd ?? repository,
      env: { ...process.env, ...options.env },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const mutations = {
  registerUnit: `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`,
  registerTask: `mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }`,
  assignTask: `mutation($input: AssignTaskInput!) { assignTask(input: $input) { revision } }`,
  planMilestone: `mutation($input: PlanMilestoneInput!) { planMilestone(input: $input) { milestoneId } }`,
  reportProgress: `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { revision } }`,
};

/** A stored event as the test reads it straight from the file, to know what a filter must select. */
interface Row {
  position: number;
  streamId: string;
  type: string;
  actorId: string;
  unitId: string | null;
  recordedAt: string;
}

const readRows = (dataDir: string): Row[] => {
  const db = new DatabaseSync(path.join(dataDir, 'events.sqlite'), { readOnly: true });
  const rows = db
    .prepare(
      'SELECT position, stream_id, type, metadata, recorded_at FROM events ORDER BY position',
    )
    .all() as {
    position: number;
    stream_id: string;
    type: string;
    metadata: string;
    recorded_at: string;
  }[];
  db.close();
  return rows.map((row) => {
    const { actor } = JSON.parse(row.metadata) as { actor: { id: string; unitId?: string } };
    return {
      position: row.position,
      streamId: row.stream_id,
      type: row.type,
      actorId: actor.id,
      unitId: actor.unitId ?? null,
      recordedAt: row.recorded_at,
    };
  });
};

const readBundle = (file: string): AuditBundle => JSON.parse(readFileSync(file, 'utf8'));

describe('the audit command line', () => {
  let sys: TestSystem;
  let work: string;
  let rows: Row[];
  let headSize: number;
  let taskStream: string;

  const exportTo = (name: string, filters: string[]): { run: Run; file: string } => {
    const file = path.join(work, `${name}.json`);
    return { run: run('audit-export', ['--data', sys.dataDir, '--out', file, ...filters]), file };
  };

  /** Exports with the filters, checks the bundle verifies, and returns its positions. */
  const exportedPositions = (name: string, filters: string[]): number[] => {
    const exported = exportTo(name, filters);
    expect(exported.run.stderr).not.toContain('refused');
    expect(exported.run.status).toBe(0);
    const verified = run('audit-verify', [exported.file]);
    expect(verified.stdout).toMatch(/^Verified /);
    expect(verified.status).toBe(0);
    return readBundle(exported.file).events.map((event) => event.position);
  };

  const covered = (keep: (row: Row) => boolean) =>
    rows.filter((row) => row.position <= headSize && keep(row)).map((row) => row.position);

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-audit-cli-'));
    sys = await startTestSystem({ AUDIT_SIGN_EVERY: '20', AUDIT_SIGN_SECONDS: '86400' });
    const office = await sys.token('office');
    const send = async (query: string, input: Record<string, unknown>, token = office) => {
      const result = await sys.gql<Record<string, Record<string, unknown>>>(
        query,
        { input },
        token,
      );
      expect(result.errors).toBeUndefined();
      return Object.values(result.data ?? {})[0]!;
    };
    const plans: { taskId: string; milestoneId: string; unit: string }[] = [];
    for (const unit of ['edu', 'env']) {
      await send(mutations.registerUnit, {
        id: unit,
        name: unit === 'edu' ? '教育局' : '生态环境局',
      });
      for (let index = 0; index < 3; index++) {
        const task = await send(mutations.registerTask, {
          title: `${unit}任务${index}`,
          plannedStart: '2021-01-01',
          dueDate: '2021-12-31',
        });
        const taskId = task.id as string;
        await send(mutations.assignTask, { taskId, leadUnitId: unit, cooperatingUnitIds: [] });
        const planned = await send(mutations.planMilestone, {
          taskId,
          title: '完成选址',
          dueDate: '2021-06-30',
          weight: 1,
        });
        plans.push({ taskId, milestoneId: planned.milestoneId as string, unit });
      }
    }
    const report = async (percent: number) => {
      for (const { taskId, milestoneId, unit } of plans) {
        const head = await sys.token('department_head', unit);
        await send(mutations.reportProgress, { taskId, milestoneId, percent }, head);
      }
    };
    await report(30);
    await report(60);
    const signed = await sys.gql<{ signTreeHead: { treeSize: number } }>(
      'mutation { signTreeHead { treeSize } }',
      {},
      await sys.token('inspector'),
    );
    expect(signed.errors).toBeUndefined();
    headSize = signed.data!.signTreeHead.treeSize;
    // Events after the last head: selected, but not provable yet.
    const [late] = plans;
    await send(
      mutations.reportProgress,
      { taskId: late!.taskId, milestoneId: late!.milestoneId, percent: 90 },
      await sys.token('department_head', 'edu'),
    );
    taskStream = `task-${plans[4]!.taskId}`;
    await sys.stop({ keepData: true });
    rows = readRows(sys.dataDir);
  }, 60_000);

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(sys.dataDir, { recursive: true, force: true });
  });

  describe('export with filters', () => {
    it('exports every covered event without filters, saying how many later ones were left out', () => {
      const exported = exportTo('all', []);
      expect(exported.run.status).toBe(0);
      expect(exported.run.stderr).toMatch(
        new RegExp(`audit:export: 2 selected events after tree size ${headSize} left out`),
      );
      expect(readBundle(exported.file).events.map((event) => event.position)).toEqual(
        covered(() => true),
      );
    });

    it('selects one event type', () => {
      const positions = exportedPositions('type', ['--type', 'MilestoneProgressReported']);
      expect(positions).toHaveLength(12);
      expect(positions).toEqual(covered((row) => row.type === 'MilestoneProgressReported'));
    });

    it('selects what the people of one unit did', () => {
      const positions = exportedPositions('unit', ['--unit', 'env']);
      expect(positions).toHaveLength(6);
      expect(positions).toEqual(covered((row) => row.unitId === 'env'));
    });

    it('selects one actor, one stream, and both combined', () => {
      expect(exportedPositions('actor', ['--actor', 'office'])).toEqual(
        covered((row) => row.actorId === 'office'),
      );
      const stream = exportedPositions('stream', ['--stream', taskStream]);
      expect(stream).toHaveLength(5);
      expect(stream).toEqual(covered((row) => row.streamId === taskStream));
      expect(
        exportedPositions('both', ['--stream', taskStream, '--actor', 'department_head-env']),
      ).toEqual(covered((row) => row.streamId === taskStream && row.actorId !== 'office'));
    });

    it('selects a recorded-at range, both ends inclusive', () => {
      const from = rows[9]!.recordedAt;
      const to = rows[24]!.recordedAt;
      const positions = exportedPositions('range', ['--from', from, '--to', to]);
      expect(positions[0]).toBeLessThanOrEqual(10);
      expect(positions).toEqual(covered((row) => row.recordedAt >= from && row.recordedAt <= to));
    });

    it.each([
      [['--data', 'x'], '--out FILE is required'],
      [['--out', 'x.json', '--from', 'soon'], '--from soon: must be an ISO timestamp'],
      [['--out', 'x.json', '--colour', 'red'], "Unknown option '--colour'"],
    ])('refuses %j with exit 2, saying why', (args, reason) => {
      const result = run('audit-export', args, { cwd: work });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(reason);
    });

    it('refuses a data directory without an event store, and creates nothing there', () => {
      const missing = path.join(work, 'no-such-data');
      for (const [name, args] of [
        ['audit-export', ['--data', missing, '--out', path.join(work, 'x.json')]],
        ['audit-check', ['--data', missing]],
      ] as const) {
        const result = run(name, [...args]);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(`no event store at ${path.join(missing, 'events.sqlite')}`);
      }
      expect(existsSync(missing)).toBe(false);
    });
  });

  describe('key pinning', () => {
    const otherKey = signingKeyOf(generateKeyPairSync('ed25519').privateKey);

    /** The same events and proofs, every head and the selection re-signed by another key. */
    const resignedBundle = (): string => {
      const bundle = readBundle(exportTo('to-resign', []).file);
      const resign = <T extends AuditBundle['head']>(head: T): T => ({
        ...head,
        ...signTreeHead(otherKey, head),
      });
      bundle.heads = bundle.heads.map(resign);
      bundle.head = resign(bundle.head);
      bundle.publicKey = {
        keyId: otherKey.keyId,
        algorithm: 'Ed25519',
        publicKey: otherKey.publicKeyRaw.toString('base64'),
      };
      bundle.selection = signSelection(
        { ...bundle.selection, keyId: otherKey.keyId },
        otherKey.privateKey,
      );
      const file = path.join(work, 'resigned.json');
      writeFileSync(file, JSON.stringify(bundle));
      return file;
    };

    it('accepts the system’s own key, as base64 or as the key file', () => {
      const file = exportTo('pinned', []).file;
      const { publicKey } = readBundle(file).publicKey;
      const keyFile = path.join(sys.dataDir, 'audit-signing-key.pem');
      for (const key of [publicKey, keyFile]) {
        const result = run('audit-verify', [file, '--key', key]);
        expect(result.stdout).toContain('(pinned)');
        expect(result.status).toBe(0);
      }
    });

    it('rejects a bundle signed by another key, though it holds together by itself', () => {
      const file = resignedBundle();
      expect(run('audit-verify', [file]).status).toBe(0);
      const ownKey = path.join(sys.dataDir, 'audit-signing-key.pem');
      const pinned = run('audit-verify', [file, '--key', ownKey]);
      expect(pinned.status).toBe(1);
      expect(pinned.stdout).toContain(
        `publicKey: the bundle's key ${otherKey.keyId} is not the pinned key`,
      );
      const heads = pinned.stdout.split('\n').filter((line) => line.startsWith('head at position'));
      expect(heads.length).toBe(readBundle(file).heads.length);
      expect(heads[0]).toContain(`signed by key ${otherKey.keyId}, not the trusted key`);
    });

    it('refuses a --key that is no key, with exit 2', () => {
      const result = run('audit-verify', [exportTo('bad-key', []).file, '--key', 'not-a-key']);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(
        '--key not-a-key: neither base64 of a raw 32-byte key nor a PEM file',
      );
    });
  });

  describe('a forged head signature', () => {
    it('fails verification, naming the head', () => {
      const bundle = readBundle(exportTo('forged', []).file);
      expect(bundle.heads.length).toBeGreaterThanOrEqual(2);
      const head = bundle.heads[0]!;
      const signature = Buffer.from(head.signature, 'base64');
      signature[10] = signature[10]! ^ 0x01;
      head.signature = signature.toString('base64');
      const file = path.join(work, 'forged-edited.json');
      writeFileSync(file, JSON.stringify(bundle));
      const result = run('audit-verify', [file]);
      expect(result.status).toBe(1);
      expect(result.stdout.split('\n')).toEqual([
        `head at position ${head.position} (tree size ${head.treeSize}): signature does not verify`,
        'verification FAILED: 1 problem',
        '',
      ]);
    });
  });

  describe('verification', () => {
    it('needs no database: it runs where no data directory exists and creates none', () => {
      const file = exportTo('offline', []).file;
      const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'dubanju-offline-'));
      const nowhere = path.join(elsewhere, 'nowhere');
      try {
        const result = run('audit-verify', [file], { cwd: elsewhere, env: { DATA_DIR: nowhere } });
        expect(result.stdout).toMatch(/^Verified \d+ events/);
        expect(result.status).toBe(0);
        expect(existsSync(nowhere)).toBe(false);
        expect(existsSync(path.join(elsewhere, 'data'))).toBe(false);
      } finally {
        rmSync(elsewhere, { recursive: true, force: true });
      }
    });

    it('loads no database code at all: nothing it imports reaches SQLite or the broker', () => {
      const reached = modulesReachedFrom(path.join(repository, 'scripts', 'audit-verify.ts'));
      expect(reached.size).toBeGreaterThan(5);
      const forbidden = [...reached].filter((module) =>
        /node:sqlite|moleculer|infra\/event-store\/sqlite|system\/|infra\/stores|services\/audit\/(?!merkle\/)/.test(
          module,
        ),
      );
      expect(forbidden).toEqual([]);
    });

    it('reads an exported file line by line and still names an event edited in place', () => {
      const file = exportTo('in-place', []).file;
      const lines = readFileSync(file, 'utf8').split('\n');
      const index = lines.findIndex((line) => line.includes('"percent":60'));
      const position = (JSON.parse(lines[index]!.replace(/,$/, '')) as { position: number })
        .position;
      lines[index] = lines[index]!.replace('"percent":60', '"percent":61');
      writeFileSync(file, lines.join('\n'));
      const result = run('audit-verify', [file]);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        `position ${position}: leaf hash does not match the event's content`,
      );
    });

    it('refuses an exported file cut short, with exit 2', () => {
      const file = exportTo('cut-short', []).file;
      const lines = readFileSync(file, 'utf8').split('\n');
      writeFileSync(file, lines.slice(0, 10).join('\n'));
      const result = run('audit-verify', [file]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('selection: missing (the file ends early)');
    });

    it('refuses a file that is not a bundle, with exit 2', () => {
      const file = path.join(work, 'not-a-bundle.json');
      writeFileSync(file, JSON.stringify({ format: 'something-else/1' }));
      const result = run('audit-verify', [file]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('format: must be dubanju-audit-bundle/1');
    });
  });
});

/**
 * Every module a source file loads at run time, following relative imports; type-only
 * imports are erased by type stripping and load nothing, so they are not followed.
 */
const modulesReachedFrom = (entry: string): Set<string> => {
  const reached = new Set<string>();
  const visit = (file: string) => {
    if (reached.has(file)) return;
    reached.add(file);
    if (!file.startsWith('/')) return;
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(
      /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms,
    )) {
      if (match[1]) continue;
      const specifier = match[2]!;
      visit(specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : specifier);
    }
  };
  visit(entry);
  return reached;
};
