import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readiness, unready } from '../support/http-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * The audit's signing key is deleted and a new one takes its place: the server
 * finds that the new key is not the log's and signs nothing, and audit:check
 * names the heads. Handed on properly (the old key given once as the previous
 * key), the log follows the rotation: old heads under the old key, new ones
 * under the new, both keys published with their validity.
 */

const env = { AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' };
const registerTask = `mutation { registerTask(input: {title: "新建学校", section: "教育", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }`;
const signTreeHead = 'mutation { signTreeHead { treeSize keyId } }';
const publicKeys = `{ auditPublicKey { keyId keys { keyId validFrom validFromPosition validUntil validUntilPosition } }
  auditStatus { signingStopped { position what } } }`;

const auditCheck = (dataDir: string) =>
  new Promise<{ status: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [
      path.join('scripts', 'audit-check.ts'),
      '--data',
      dataDir,
    ]);
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.on('close', (status) => resolve({ status, stdout }));
  });

/** A system with a few events and a signed head, stopped, its data kept; the key id that signed. */
const stoppedSystem = async (): Promise<{ dataDir: string; keyId: string }> => {
  const sys = await startTestSystem(env);
  const office = await sys.token('office');
  for (let i = 0; i < 3; i++)
    expect((await sys.gql(registerTask, {}, office)).errors).toBeUndefined();
  const signed = await sys.gql<{ signTreeHead: { keyId: string } }>(
    signTreeHead,
    {},
    await sys.token('inspector'),
  );
  await sys.stop({ keepData: true });
  return { dataDir: sys.dataDir, keyId: signed.data?.signTreeHead.keyId ?? '' };
};

describe("the audit's signing key", () => {
  const systems: TestSystem[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const sys of systems) await sys.stop().catch(() => undefined);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('deleted and replaced by a new one: the server signs nothing and says why, audit:check names the heads', async () => {
    const { dataDir, keyId } = await stoppedSystem();
    rmSync(path.join(dataDir, 'audit-signing-key.pem'));
    // Outside production a missing key is generated: the insider's easy path.
    const sys = await startTestSystem(env, { dataDir });
    systems.push(sys);
    const ready = await unready(sys);
    expect(ready.status).toBe(503);
    expect(JSON.stringify(ready.body)).toContain(`is not the log's key ${keyId}`);
    const inspector = await sys.token('inspector');
    const refused = await sys.gql(signTreeHead, {}, inspector);
    expect(refused.errors?.[0]?.message).toContain('signing stopped');
    const status = await sys.gql<{ auditStatus: { signingStopped: { what: string } } }>(
      publicKeys,
      {},
      inspector,
    );
    expect(status.data?.auditStatus.signingStopped.what).toContain(
      'AUDIT_PREVIOUS_SIGNING_KEY_FILE',
    );
    await sys.stop({ keepData: true });
    const checked = await auditCheck(dataDir);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain(`not the trusted key`);
  });

  it('handed on by the old key: the log follows it, and both keys stay published', async () => {
    const { dataDir, keyId: oldKeyId } = await stoppedSystem();
    const keep = mkdtempSync(path.join(os.tmpdir(), 'dubanju-old-key-'));
    dirs.push(keep);
    const oldKey = path.join(keep, 'old.pem');
    renameSync(path.join(dataDir, 'audit-signing-key.pem'), oldKey);
    const sys = await startTestSystem(
      { ...env, AUDIT_PREVIOUS_SIGNING_KEY_FILE: oldKey },
      { dataDir },
    );
    systems.push(sys);
    expect((await readiness(sys)).status).toBe(200);
    const inspector = await sys.token('inspector');
    await sys.gql(registerTask, {}, await sys.token('office'));
    const signed = await sys.gql<{ signTreeHead: { keyId: string } }>(signTreeHead, {}, inspector);
    expect(signed.errors).toBeUndefined();
    const newKeyId = signed.data?.signTreeHead.keyId;
    expect(newKeyId).not.toBe(oldKeyId);
    const published = await sys.gql<{
      auditPublicKey: {
        keyId: string;
        keys: { keyId: string; validUntil: string | null; validUntilPosition: number | null }[];
      };
    }>(publicKeys, {}, inspector);
    const { keys } = published.data?.auditPublicKey ?? { keys: [] };
    expect(keys.map((key) => key.keyId)).toEqual([oldKeyId, newKeyId]);
    expect(keys[0]?.validUntilPosition).toEqual(expect.any(Number));
    expect(keys[1]?.validUntil).toBeNull();
    await sys.stop({ keepData: true });
    const checked = await auditCheck(dataDir);
    expect(checked.stdout).not.toContain('not the trusted key');
    expect(checked.status).toBe(0);
  });
});
