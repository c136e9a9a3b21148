import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore } from '../../infra/event-store/sqlite/sqlite-event-store.ts';
import { openAuditDatabase } from '../../services/audit/schema.ts';
import { findAlteredEvent } from '../../services/audit/self-check.ts';
import { checkInWorker } from '../../services/audit/self-check-in-worker.ts';
import { createTreeStore } from '../../services/audit/tree-store.ts';
import { openForTampering } from '../support/tampering.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`;

/** A stopped system's data folder, its log indexed by the audit: `count` units registered. */
const indexedLog = async (count: number) => {
  const sys = await startTestSystem({ AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' });
  const office = await sys.token('office');
  for (let i = 1; i <= count; i++) {
    const result = await sys.gql(
      registerUnit,
      { input: { id: `u${i}`, name: `单位${i}` } },
      office,
    );
    expect(result.errors).toBeUndefined();
  }
  await sys.stop({ keepData: true });
  return sys.dataDir;
};

const setupOf = (dataDir: string) => ({
  stores: { dataDir, sqliteSynchronous: 'NORMAL' as const },
  auditDatabasePath: path.join(dataDir, 'audit.sqlite'),
  writers: [],
});

/** What the check in this thread finds over the same files. */
const inThread = async (dataDir: string, from: number, to: number) => {
  const eventStore = openSqliteEventStore({ path: path.join(dataDir, 'events.sqlite') });
  const db = openAuditDatabase(path.join(dataDir, 'audit.sqlite'));
  try {
    return await findAlteredEvent(eventStore, createTreeStore(db), { from, to });
  } finally {
    db.close();
    await eventStore.close();
  }
};

describe("the audit's check of the stored log in a worker thread", () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  it('finds what the check in this thread finds, within the leaves asked', async () => {
    const dataDir = await indexedLog(8);
    folders.push(dataDir);
    const setup = setupOf(dataDir);
    expect(await checkInWorker(setup, { from: 1, to: 8, writes: null })).toBeNull();
    const db = openForTampering(dataDir);
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.name', '改过的') WHERE position = 6",
    ).run();
    db.close();
    const found = await checkInWorker(setup, { from: 1, to: 8, writes: null });
    expect(found).toEqual({
      position: 6,
      what: 'the event no longer hashes to the leaf the audit index holds (changed or replaced)',
    });
    expect(found).toEqual(await inThread(dataDir, 1, 8));
    // Leaves before the change, or after it, hold.
    expect(await checkInWorker(setup, { from: 1, to: 5, writes: null })).toBeNull();
    expect(await checkInWorker(setup, { from: 7, to: 8, writes: null })).toBeNull();
  }, 60_000);

  it('rejects, naming why, when it cannot read the log; and ends when the check is given up', async () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'dubanju-broken-'));
    folders.push(broken);
    writeFileSync(path.join(broken, 'events.sqlite'), 'not a database');
    await expect(checkInWorker(setupOf(broken), { from: 1, to: 1, writes: null })).rejects.toThrow(
      /the audit self-check failed/,
    );
    const dataDir = await indexedLog(2);
    folders.push(dataDir);
    const stopped = new AbortController();
    const checking = checkInWorker(
      setupOf(dataDir),
      { from: 1, to: 2, writes: null },
      {
        signal: stopped.signal,
      },
    );
    stopped.abort(new Error('the service stopped'));
    await expect(checking).rejects.toThrow('the service stopped');
  }, 60_000);
});
