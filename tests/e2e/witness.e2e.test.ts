import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseCheckpoint } from '../../domain/transparency/checkpoint.ts';
import { verifyCosignature } from '../../domain/transparency/cosignature.ts';
import { openNote, parseVerifierKey } from '../../domain/transparency/signed-note.ts';
import { witnessOnce, witnessVerifierKey } from '../../tools/witness/witness.ts';
import { forgeWriteMac } from '../support/forged-mac.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const registerUnit = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`;
const signTreeHead = 'mutation { signTreeHead { treeSize } }';
const origin = 'duban.example.gov.cn/audit';

let work: string;
let keyFile: string;
const systems: TestSystem[] = [];

/** A log under the same key and origin: the operator's, or a rewritten copy of it. */
const log = async (): Promise<TestSystem> => {
  const sys = await startTestSystem({
    AUDIT_SIGNING_KEY_FILE: keyFile,
    AUDIT_ORIGIN: origin,
    AUDIT_SIGN_EVERY: '100000',
    AUDIT_SIGN_SECONDS: '3600',
  });
  systems.push(sys);
  return sys;
};

const grow = async (sys: TestSystem, names: string[]) => {
  const office = await sys.token('office');
  for (const name of names) {
    const result = await sys.gql(registerUnit, { input: { id: name, name } }, office);
    expect(result.errors).toBeUndefined();
  }
  const signed = await sys.gql<{ signTreeHead: { treeSize: number } }>(
    signTreeHead,
    {},
    await sys.token('inspector'),
  );
  expect(signed.errors).toBeUndefined();
  return signed.data?.signTreeHead.treeSize as number;
};

/** A script run as its own process, without blocking this one (a log may answer from it). */
const run = (name: string, args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join('scripts', `${name}.ts`), ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });

const logKeyOf = async (sys: TestSystem) =>
  (await (await fetch(`${sys.url}/audit/checkpoint/key`)).text()).trim();

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'dubanju-witness-'));
  keyFile = path.join(work, 'audit.pem');
  const { privateKey } = generateKeyPairSync('ed25519');
  writeFileSync(keyFile, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
});
afterAll(async () => {
  for (const sys of systems) await sys.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a witness of the audit log, on a machine of its own', () => {
  it('cosigns each checkpoint that extends the one it cosigned, and refuses a rewritten log', async () => {
    const operator = await log();
    const stateDir = path.join(work, 'inspector-1');
    const logKey = await logKeyOf(operator);
    const witness = parseVerifierKey(witnessVerifierKey({ stateDir }));

    const first = await grow(operator, ['edu', 'health', 'env']);
    const one = await witnessOnce({
      logUrl: operator.url,
      logKey,
      stateDir,
      now: () => 1_700_000_000,
    });
    expect(one).toMatchObject({ status: 'cosigned', size: first, previousSize: null });
    if (one.status !== 'cosigned') throw new Error('expected a cosignature');
    // The cosignature holds over the checkpoint's text, under the witness's own key.
    const text = openNote(one.note, [parseVerifierKey(logKey)]).text;
    expect(verifyCosignature(text, one.line, witness)).toBe(1_700_000_000);
    expect(
      verifyCosignature(text.replace(String(first), String(first + 1)), one.line, witness),
    ).toBeNull();

    const second = await grow(operator, ['transport', 'water']);
    const two = await witnessOnce({ logUrl: operator.url, stateDir });
    expect(two).toMatchObject({ status: 'cosigned', size: second, previousSize: first });

    // The same key signs another history, longer than the one witnessed: a split view.
    const rewritten = await log();
    const forged = await grow(rewritten, [
      'edu',
      'health',
      'env-rewritten',
      'transport',
      'water',
      'x',
      'y',
      'z',
    ]);
    expect(forged).toBeGreaterThan(second);
    const refused = await witnessOnce({ logUrl: rewritten.url, stateDir });
    expect(refused).toMatchObject({ status: 'refused' });
    if (refused.status !== 'refused') throw new Error('expected a refusal');
    expect(refused.reason).toBe(
      `size ${forged} does not extend the cosigned size ${second}: the log was rewritten before position ${second + 1}`,
    );
    // The evidence: both notes, each signed by the log's own key, for anyone to check.
    const evidence = JSON.parse(readFileSync(refused.evidence, 'utf8')) as {
      cosigned: string;
      served: string;
    };
    const sizes = [evidence.cosigned, evidence.served].map(
      (note) => parseCheckpoint(openNote(note, [parseVerifierKey(logKey)]).text).size,
    );
    expect(sizes).toEqual([second, forged]);
    // Nothing was cosigned: the next round against the honest log still extends `second`.
    const three = await witnessOnce({ logUrl: operator.url, stateDir });
    expect(three).toMatchObject({ status: 'cosigned', size: second, previousSize: second });
  });

  it('follows a key rotation the pinned key signed, and no key that turns up unannounced', async () => {
    const newKeyFile = (name: string) => {
      const file = path.join(work, name);
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
      return file;
    };
    const [oldKey, newKey, strangerKey] = ['old.pem', 'new.pem', 'stranger.pem'].map(newKeyFile);
    const env = { AUDIT_ORIGIN: origin, AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' };
    const before = await startTestSystem({ ...env, AUDIT_SIGNING_KEY_FILE: oldKey! });
    const stateDir = path.join(work, 'inspector-rotation');
    const pinned = await logKeyOf(before);
    const first = await grow(before, ['edu', 'health']);
    expect(await witnessOnce({ logUrl: before.url, logKey: pinned, stateDir })).toMatchObject({
      status: 'cosigned',
      size: first,
    });
    await before.stop({ keepData: true });

    const after = await startTestSystem(
      { ...env, AUDIT_SIGNING_KEY_FILE: newKey!, AUDIT_PREVIOUS_SIGNING_KEY_FILE: oldKey! },
      { dataDir: before.dataDir },
    );
    systems.push(after);
    const second = await grow(after, ['env']);
    const followed = await witnessOnce({ logUrl: after.url, stateDir });
    expect(followed).toMatchObject({ status: 'cosigned', size: second, previousSize: first });
    const repinned = readFileSync(path.join(stateDir, 'log.vkey'), 'utf8').trim();
    expect(repinned).toBe(await logKeyOf(after));
    expect(repinned).not.toBe(pinned);

    // Another log under the same origin and a key nobody handed on to: refused.
    const stranger = await startTestSystem({ ...env, AUDIT_SIGNING_KEY_FILE: strangerKey! });
    systems.push(stranger);
    await grow(stranger, ['edu', 'health', 'env', 'x']);
    const otherState = path.join(work, 'inspector-stranger');
    // A witness pinned to the old key follows the rotation on its first round too.
    await witnessOnce({ logUrl: after.url, logKey: pinned, stateDir: otherState, post: false });
    await expect(witnessOnce({ logUrl: stranger.url, stateDir: otherState })).rejects.toThrow();
  });

  it('refuses a log that shrank, and the command line says so with exit 1', async () => {
    const operator = await log();
    const stateDir = path.join(work, 'inspector-2');
    const logKey = await logKeyOf(operator);
    // Not spawnSync: the log answers from this very process, which must keep running.
    const witness = (url: string, ...extra: string[]) =>
      run('witness', ['--log', url, '--state', stateDir, ...extra]);
    const size = await grow(operator, ['a1', 'a2', 'a3', 'a4']);
    const cosigned = await witness(operator.url, '--log-key', logKey);
    expect(cosigned.stderr).toContain(`witness: cosigned size ${size} (first checkpoint)`);
    expect(cosigned.status).toBe(0);
    expect(cosigned.stdout).toMatch(
      /\n\n— duban\.example\.gov\.cn\/audit \S+\n— witness\.local\/inspector-2 \S+\n$/,
    );

    const restored = await log();
    const smaller = await grow(restored, ['a1']);
    expect(smaller).toBeLessThan(size);
    const refused = await witness(restored.url);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      `REFUSED: the log shrank: size ${smaller} after ${size} was cosigned`,
    );

    const unusable = await witness(operator.url, '--log-key', 'not+a+key');
    expect(unusable.status).toBe(2);
    expect(unusable.stderr).toContain('witness: the log key given is not the one pinned');
  });

  it('keeps the cosignatures of its configured witnesses, verified, with the head they cosigned', async () => {
    const stateDir = path.join(work, 'inspector-3');
    const witnessKey = witnessVerifierKey({ stateDir });
    const operator = await startTestSystem({
      AUDIT_SIGNING_KEY_FILE: keyFile,
      AUDIT_ORIGIN: origin,
      AUDIT_SIGN_EVERY: '100000',
      AUDIT_SIGN_SECONDS: '3600',
      AUDIT_WITNESS_KEYS: witnessKey,
    });
    systems.push(operator);
    const logKey = await logKeyOf(operator);
    const size = await grow(operator, ['b1', 'b2']);
    const round = await witnessOnce({ logUrl: operator.url, logKey, stateDir });
    if (round.status !== 'cosigned') throw new Error('expected a cosignature');
    expect(round.posted?.status).toBe(200);
    expect(JSON.parse(round.posted?.body ?? '{}')).toMatchObject({
      treeSize: size,
      recorded: ['witness.local/inspector-3'],
      witnessed: true,
    });

    // The checkpoint now carries the witness's line after the log's own, and it holds.
    const served = await (await fetch(`${operator.url}/audit/checkpoint`)).text();
    expect(served).toBe(`${round.note}${round.line}`);
    const text = openNote(served, [parseVerifierKey(logKey)]).text;
    expect(verifyCosignature(text, round.line, parseVerifierKey(witnessKey))).not.toBeNull();
    expect(await operator.system.broker.call('audit.checkpoint')).toMatchObject({
      witnessed: true,
      witnesses: [{ witness: 'witness.local/inspector-3' }],
    });

    const post = (note: string) =>
      fetch(`${operator.url}/audit/cosignature`, { method: 'POST', body: note });
    const cosigned = async () =>
      (await operator.system.stores.eventStore.readStream('audit-tree-heads')).filter(
        (event) => event.type === 'TreeHeadCosigned',
      ).length;
    // Posted again: kept once.
    expect((await post(`${round.note}${round.line}`)).status).toBe(200);
    expect(await cosigned()).toBe(1);
    // A changed signature is refused, naming the note.
    const [, , value] = round.line.trim().split(' ');
    const flipped = `${(value as string).slice(0, 20)}${(value as string)[20] === 'A' ? 'B' : 'A'}${(value as string).slice(21)}`;
    const forged = await post(`${round.note}— witness.local/inspector-3 ${flipped}\n`);
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ error: { code: 'VALIDATION', field: 'note' } });
    // A witness the log was not configured with is not kept.
    const stranger = await witnessOnce({
      logUrl: operator.url,
      logKey,
      stateDir: path.join(work, 'stranger'),
    });
    if (stranger.status !== 'cosigned') throw new Error('expected a cosignature');
    // What it posted carried the configured witness's line too (served with the note): kept once.
    expect(stranger.posted?.status).toBe(200);
    const alone = await post(`${round.note}${stranger.line}`);
    expect(alone.status).toBe(403);
    expect(await alone.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await cosigned()).toBe(1);
  });

  it('makes audit:check fail on a log rewritten and re-signed behind it, naming the witnessed size', async () => {
    const env = {
      AUDIT_SIGNING_KEY_FILE: keyFile,
      AUDIT_ORIGIN: origin,
      AUDIT_SIGN_EVERY: '100000',
      AUDIT_SIGN_SECONDS: '3600',
    };
    const operator = await startTestSystem(env);
    const stateDir = path.join(work, 'inspector-4');
    const logKey = await logKeyOf(operator);
    const witnessKey = witnessVerifierKey({ stateDir });
    const size = await grow(operator, ['c1', 'c2', 'c3', 'c4']);
    const round = await witnessOnce({ logUrl: operator.url, logKey, stateDir, post: false });
    expect(round).toMatchObject({ status: 'cosigned', size });
    await operator.stop({ keepData: true });
    const check = (...extra: string[]) =>
      run('audit-check', ['--data', operator.dataDir, '--key', keyFile, ...extra]);
    const against = [
      '--checkpoint',
      path.join(stateDir, 'last-cosigned.note'),
      '--log-key',
      logKey,
      '--witness-key',
      witnessKey,
    ];
    const untouched = await check(...against);
    expect(untouched.stdout).toContain(
      `The log matches the witnessed checkpoint of size ${size}, cosigned by witness.local/inspector-4.`,
    );
    expect(untouched.status).toBe(0);
    // A bundle exported now holds the witnessed head: audit:verify takes the checkpoint too.
    const bundle = path.join(work, 'inspector-4.bundle.json');
    const exported = await run('audit-export', [
      '--data',
      operator.dataDir,
      '--out',
      bundle,
      '--signing-key',
      keyFile,
    ]);
    expect(exported.status).toBe(0);
    const verified = await run('audit-verify', [bundle, '--key', keyFile, ...against]);
    expect(verified.stdout).toContain(
      `The bundle's head of size ${size} is the witnessed checkpoint of size ${size}, cosigned by witness.local/inspector-4.`,
    );
    expect(verified.status).toBe(0);

    // The insider: an event rewritten (its MAC made again with the write key, which this
    // deployment keeps in DATA_DIR), the head over it deleted (the last row: no gap),
    // the derived stores removed; the server then signs the rewritten log with the same key.
    const db = new DatabaseSync(path.join(operator.dataDir, 'events.sqlite'));
    for (const { name } of db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
      .all() as {
      name: string;
    }[]) {
      db.exec(`DROP TRIGGER "${name}"`);
    }
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.name', '改过的名字') WHERE position = 2",
    ).run();
    forgeWriteMac(db, 2, operator.dataDir);
    db.prepare("DELETE FROM events WHERE type = 'TreeHeadSigned'").run();
    db.close();
    // The derived stores go too, so nothing remembers the log was longer.
    for (const derived of ['audit.sqlite', 'read-models.sqlite']) {
      rmSync(path.join(operator.dataDir, derived), { force: true });
    }
    const resigned = await startTestSystem(env, { dataDir: operator.dataDir });
    systems.push(resigned);
    expect(await grow(resigned, [])).toBe(size);
    await resigned.stop({ keepData: true });

    const alone = await check();
    // Re-signed with the same key, the log agrees with its own heads.
    expect(alone.status).toBe(0);
    const witnessed = await check(...against);
    expect(witnessed.stdout).toContain(
      `the log does not match the witnessed checkpoint of size ${size} (cosigned by witness.local/inspector-4): an event at or before position ${size} was changed, removed or inserted`,
    );
    expect(witnessed.status).toBe(1);
    rmSync(operator.dataDir, { recursive: true, force: true });
  });
});
