import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerUnit = (id: string) =>
  `mutation { registerUnit(input: {id: "${id}", name: "单位 ${id}"}) { id } }`;

/**
 * Deletes the log's last `lost` events from the file, as a failed disk or an old
 * backup would: through a raw connection that drops the append-only triggers first.
 */
const cutTail = (file: string, lost: number): number => {
  const db = new DatabaseSync(file);
  try {
    db.exec('DROP TRIGGER events_no_delete');
    const { last } = db.prepare('SELECT MAX(position) AS last FROM events').get() as {
      last: number;
    };
    db.prepare('DELETE FROM events WHERE position > ?').run(last - lost);
    return last - lost;
  } finally {
    db.close();
  }
};

describe('a node whose event log lost its tail', () => {
  let first: TestSystem | null = null;
  let second: TestSystem | null = null;
  let copyDir = '';

  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    if (copyDir) rmSync(copyDir, { recursive: true, force: true });
  });

  it('refuses writes with UNAVAILABLE and /readyz names both positions; reads still answer', async () => {
    first = await startTestSystem();
    const office = await first.token('office');
    for (const id of ['edu', 'health', 'transport', 'water']) {
      expect((await first.gql(registerUnit(id), {}, office)).errors).toBeUndefined();
    }
    await first.system.broker.call('audit.catchUp');
    await first.settled();
    const projected = await first.lastPosition();
    await first.stop({ keepData: true });

    copyDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-tail-'));
    cpSync(first.dataDir, copyDir, { recursive: true });
    const end = cutTail(path.join(copyDir, 'events.sqlite'), 2);

    second = await startTestSystem({}, { dataDir: copyDir });
    const readyz = await fetch(`${second.url}/readyz`);
    expect(readyz.status).toBe(503);
    const why = ((await readyz.json()) as { missing: string[] }).missing.join('\n');
    expect(why).toContain(`the event log ends at position ${end}`);
    expect(why).toContain(`the read models were projected up to position ${projected}`);
    expect(why).toContain(`the audit index holds events up to position ${projected}`);

    const refused = await second.gql(registerUnit('finance'), {}, await second.token('office'));
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(refused.errors?.[0]?.message).toContain(`ends at position ${end}`);
    expect(await second.lastPosition()).toBe(end);

    const units = await second.gql('{ units { id } }', {}, await second.token('office'));
    expect(units.errors).toBeUndefined();
  }, 120_000);

  it('still starts, and answers reads, when its audit must index and sign the log it cannot write to', async () => {
    // Only the read models stand beyond the log's end; the audit index starts
    // empty, so the audit's first catch-up signs a head, which the log refuses.
    await second?.stop({ keepData: true });
    second = null;
    rmSync(path.join(copyDir, 'audit.sqlite'), { force: true });
    for (const suffix of ['-wal', '-shm']) {
      rmSync(path.join(copyDir, `audit.sqlite${suffix}`), { force: true });
    }
    second = await startTestSystem({ AUDIT_SIGN_EVERY: '1' }, { dataDir: copyDir });
    const readyz = await fetch(`${second.url}/readyz`);
    expect(readyz.status).toBe(503);
    const units = await second.gql('{ units { id } }', {}, await second.token('office'));
    expect(units.errors).toBeUndefined();
  }, 120_000);
});
