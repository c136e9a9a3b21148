import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { witnessOnce, witnessVerifierKey } from '../../tools/witness/witness.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { chromiumForFile, ensureConsoleBuilt } from './browser.ts';

/*
 * The console, in headless Chromium, over a server that found its stored log
 * altered: every user signed in sees the red banner naming the position; over
 * an intact log, none. And an event checked in the browser says whether the
 * head it was checked against was witnessed.
 */

const env = { AUDIT_SIGN_EVERY: '100000', AUDIT_SIGN_SECONDS: '3600' };
const systems: TestSystem[] = [];
const chromium = chromiumForFile();

beforeAll(ensureConsoleBuilt, 60_000);

afterAll(async () => {
  for (const sys of systems) await sys.stop().catch(() => undefined);
});

/** The console at `page` as `role`, signed in with a token (kept by the tab, as the console does). */
const visit = async (sys: TestSystem, role: 'inspector' | 'leader', page = '#/overview') => {
  const tab = await chromium.browser.newPage();
  await tab.goto(`${sys.url}/`);
  const token = await sys.token(role);
  await tab.evaluate((value) => sessionStorage.setItem('dubanju.token', value), token);
  await tab.goto(`${sys.url}/${page}`);
  await tab.waitForSelector('main h1, main h2', { timeout: 30_000 });
  return tab;
};

it('says, after checking an event, that the head it used was witnessed, and by whom', async () => {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'dubanju-witness-'));
  const sys = await startTestSystem({
    ...env,
    AUDIT_WITNESS_KEYS: witnessVerifierKey({ stateDir }),
  });
  systems.push(sys);
  const office = await sys.token('office');
  await sys.gql(
    'mutation { registerTask(input: {title: "新建学校", section: "教育", plannedStart: "2021-01-01", dueDate: "2021-12-31"}) { id } }',
    {},
    office,
  );
  await sys.gql('mutation { signTreeHead { treeSize } }', {}, await sys.token('inspector'));
  // The witness pins the log's key, as an inspector would from the published one.
  const logKey = (await (await fetch(`${sys.url}/audit/checkpoint/key`)).text()).trim();
  const round = await witnessOnce({ logUrl: sys.url, logKey, stateDir });
  expect(round.status).toBe('cosigned');
  const tab = await visit(sys, 'inspector', '#/audit?types=TaskRegistered');
  await tab.waitForSelector('[data-ready="audit"]');
  await tab.click('button[data-verify]');
  await tab.waitForSelector('[data-witnessed]');
  expect(await tab.getAttribute('[data-witnessed]', 'data-witnessed')).toBe('yes');
  expect(await tab.textContent('[data-witnessed]')).toContain('已经见证：witness.local/');
  // The list of heads names each head's witnesses too.
  const listed = '[data-testid="heads"] tbody tr:first-child [data-head-witnessed]';
  expect(await tab.getAttribute(listed, 'data-head-witnessed')).toBe('yes');
  expect(await tab.textContent(listed)).toContain('witness.local/');
  await tab.close();
  rmSync(stateDir, { recursive: true, force: true });
}, 90_000);

it('shows no alarm over an intact log', async () => {
  const sys = await startTestSystem(env);
  systems.push(sys);
  const tab = await visit(sys, 'leader');
  // The status is asked for beside the page; give it the time it takes.
  await tab.waitForTimeout(1000);
  expect(await tab.$('[data-testid="audit-alarm"]')).toBeNull();
  await tab.close();
}, 90_000);

it('shows the red banner, naming the position, once the log was altered behind the server', async () => {
  const first = await startTestSystem(env);
  const office = await first.token('office');
  for (let i = 1; i <= 6; i++) {
    await first.gql(
      'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }',
      { input: { id: `u${i}`, name: `单位${i}` } },
      office,
    );
  }
  await first.gql('mutation { signTreeHead { treeSize } }', {}, await first.token('inspector'));
  await first.stop({ keepData: true });
  const db = new DatabaseSync(path.join(first.dataDir, 'events.sqlite'));
  for (const { name } of db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    .all() as { name: string }[]) {
    db.exec(`DROP TRIGGER "${name}"`);
  }
  db.prepare(
    "UPDATE events SET data = json_set(data, '$.name', '改过的名字') WHERE position = 3",
  ).run();
  db.close();
  const again = await startTestSystem(env, { dataDir: first.dataDir });
  systems.push(again);
  for (const role of ['inspector', 'leader'] as const) {
    const tab = await visit(again, role, role === 'inspector' ? '#/audit' : '#/overview');
    const banner = await tab.waitForSelector('[data-testid="audit-alarm"]', { timeout: 30_000 });
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.textContent()).toContain('序号 3 处被改动');
    await tab.close();
  }
}, 120_000);
