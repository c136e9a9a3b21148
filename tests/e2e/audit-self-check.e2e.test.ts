import { rmSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { forgeWriteMac } from '../support/forged-mac.ts';
import { unready } from '../support/http-calls.ts';
import { openForTampering } from '../support/tampering.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`;
const signTreeHead = 'mutation { signTreeHead { treeSize } }';
const signing = { AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' };

/** The system's log with the append-only triggers dropped, as an intruder with the file would. */
const tamper = (dataDir: string, change: (db: DatabaseSync) => void) => {
  const db = openForTampering(dataDir);
  change(db);
  db.close();
};

/** Rewrites the unit at `position` and makes its write MAC again with the key kept in DATA_DIR. */
const rewriteWithForgedMac = (dataDir: string, position: number) =>
  tamper(dataDir, (db) => {
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.name', '改过的名字') WHERE position = ?",
    ).run(position);
    forgeWriteMac(db, position, dataDir);
  });

// The checks read the log in a worker thread of their own, or in the audit service's thread.
describe.each([
  ['in a worker thread', { ...signing }],
  ["in the audit service's thread", { ...signing, AUDIT_CHECK_WORKER: 'false' }],
])('a server that checks its own log %s', (_where, env) => {
  const systems: TestSystem[] = [];
  afterAll(async () => {
    for (const sys of systems) await sys.stop().catch(() => undefined);
  });

  it('finds an event changed in the middle of the log at start: no head is signed, /readyz names the position, reads go on', async () => {
    const first = await startTestSystem(env);
    const office = await first.token('office');
    for (let i = 1; i <= 12; i++) {
      const result = await first.gql(
        registerUnit,
        { input: { id: `u${i}`, name: `单位${i}` } },
        office,
      );
      expect(result.errors).toBeUndefined();
    }
    expect(
      (await first.gql(signTreeHead, {}, await first.token('inspector'))).errors,
    ).toBeUndefined();
    await first.stop({ keepData: true });
    tamper(first.dataDir, (db) => {
      db.prepare(
        "UPDATE events SET data = json_set(data, '$.name', '改过的名字') WHERE position = 5",
      ).run();
    });

    const again = await startTestSystem(env, { dataDir: first.dataDir });
    systems.push(again);
    const answer = await unready(again);
    expect(answer.status).toBe(503);
    expect(answer.body.missing).toContainEqual(
      'audit: the stored log was altered at position 5: the event no longer hashes to the leaf the audit index holds (changed or replaced)',
    );
    const inspector = await again.token('inspector');
    const refused = await again.gql(signTreeHead, {}, inspector);
    expect(refused.errors?.[0]?.extensions?.code).toBe('ILLEGAL_STATE');
    expect(refused.errors?.[0]?.message).toContain(
      'signing stopped: the stored log was altered at position 5',
    );
    const read = await again.gql('{ units { id } }', {}, await again.token('office'));
    expect(read.errors).toBeUndefined();
    // Recorded in the log it can still write, once, however often it is found again.
    const alarms = async (sys: TestSystem) =>
      (await sys.system.stores.eventStore.readStream('audit-alarms')).map((event) => event.data);
    expect(await alarms(again)).toEqual([
      {
        position: 5,
        what: 'the event no longer hashes to the leaf the audit index holds (changed or replaced)',
        at: expect.any(String),
      },
    ]);
    await again.stop({ keepData: true });
    const third = await startTestSystem(env, { dataDir: first.dataDir });
    systems.push(third);
    expect((await unready(third)).status).toBe(503);
    // The alarm is recorded just after it is raised: give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await alarms(third)).toHaveLength(1);
  });

  it('finds an event deleted from the middle of the log', async () => {
    const first = await startTestSystem(env);
    const office = await first.token('office');
    for (let i = 1; i <= 8; i++) {
      await first.gql(registerUnit, { input: { id: `v${i}`, name: `单位${i}` } }, office);
    }
    await first.settled();
    await first.system.broker.call('audit.catchUp');
    await first.stop({ keepData: true });
    tamper(first.dataDir, (db) => db.prepare('DELETE FROM events WHERE position = 3').run());
    rmSync(path.join(first.dataDir, 'read-models.sqlite'), { force: true });

    const again = await startTestSystem(env, { dataDir: first.dataDir });
    systems.push(again);
    const answer = await unready(again);
    expect(answer.body.missing).toContainEqual(
      'audit: the stored log was altered at position 3: position 3 is missing from the log (deleted)',
    );
  });
  it("finds an event rewritten with a valid MAC and its index deleted: the index no longer has the signed head's root", async () => {
    const first = await startTestSystem(env);
    const office = await first.token('office');
    for (let i = 1; i <= 6; i++) {
      await first.gql(registerUnit, { input: { id: `v${i}`, name: `单位${i}` } }, office);
    }
    const signed = await first.gql<{ signTreeHead: { treeSize: number } }>(
      signTreeHead,
      {},
      await first.token('inspector'),
    );
    const size = signed.data?.signTreeHead.treeSize as number;
    await first.stop({ keepData: true });
    rewriteWithForgedMac(first.dataDir, 3);
    rmSync(path.join(first.dataDir, 'audit.sqlite'));

    const again = await startTestSystem(
      { ...env, AUDIT_SELF_CHECK_SECONDS: '1' },
      { dataDir: first.dataDir },
    );
    systems.push(again);
    const answer = await unready(again);
    expect(answer.status).toBe(503);
    expect(answer.body.missing?.join()).toContain(
      `altered at position ${size}: the log as indexed has another root at tree size ${size} than the latest signed head`,
    );
    const refused = await again.gql(signTreeHead, {}, await again.token('inspector'));
    expect(refused.errors?.[0]?.message).toContain('signing stopped');
  });
});
