import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signToken } from '../../infra/auth/tokens.ts';
import {
  demoConsole,
  openSession,
  screenshot,
  sessionOf,
  signedInSession,
  signInAs,
} from './browser.ts';

// The console in Debian's Chromium against the demo year, served by the whole
// system in this process: each role signs in through the page and uses it.

const demo = demoConsole();

const session = (sub: string): Promise<Page> => sessionOf(demo, sub);

const count = async (page: Page, light: string) =>
  Number(await page.textContent(`[data-testid="total-${light}"] strong`));

describe('the sign-in page', () => {
  it('offers a token box and, outside production, the demo users by role', async () => {
    const opened = await openSession(demo.browser);
    demo.sessions.push(opened);
    await opened.page.goto(`${demo.system.url}/`);
    await opened.page.waitForSelector('form[data-form="demo"]');
    expect(await opened.page.$$('form[data-form="token"] textarea')).toHaveLength(1);
    const groups = await opened.page.$$eval('optgroup', (items) => items.map((item) => item.label));
    expect(groups).toEqual(['领导', '责任单位负责人', '联络员', '纪检监察', '督查室']);
    await screenshot(opened.page, '00-sign-in');
  });
});

describe('the supervision office signed in', () => {
  it('is told its powers, which include no leader decisions', async () => {
    const page = await session('office-zhang');
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('workbench');
    const offered = await page.$$eval('.may-do li', (items) =>
      items.map((item) => item.getAttribute('data-operation')),
    );
    expect(offered).toEqual(expect.arrayContaining(['reportProgress', 'recordAccountability']));
    expect(offered).not.toContain('approveDeadlineExtension');
    expect(await page.$$('nav a[href="#/my-tasks"]')).toHaveLength(0);
  });

  it('urges (催办) the lead unit from a task page and sees the urge listed there', async () => {
    const page = await session('office-zhang');
    await page.goto(`${demo.system.url}/#/overview`);
    await page.waitForSelector('[data-ready="overview"]');
    await page.click('table a[href^="#/tasks/"]');
    await page.waitForSelector('[data-ready="task"]');
    await page.click('details:has(form[data-form="urgeTask"]) > summary');
    const form = 'form[data-form="urgeTask"]';
    await page.fill(`${form} textarea[name="message"]`, '请于本周内报送进展。');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('td:has-text("请于本周内报送进展。")');
    // The page, drawn again, confirms what was done and holds the keyboard focus there.
    expect(await page.textContent('[data-testid="announcement"]')).toBe(
      '催办：已提交，已记入事件记录。',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'announcement',
    );
    expect(await page.$$('[data-testid="history"] [data-type="TaskUrged"]')).not.toHaveLength(0);
    expect(await page.textContent('[data-testid="history"]')).toContain('催办');
  });
});

describe('a leader signed in through the page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await session('deputy-wang');
  });

  it('lands on the overview and is told who they are and what they may do', async () => {
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('overview');
    expect(await page.textContent('[data-testid="who"]')).toContain('王副主任');
    const offered = await page.$$eval('.may-do li', (items) =>
      items.map((item) => item.getAttribute('data-operation')),
    );
    expect(offered).toEqual(
      expect.arrayContaining([
        'issueLeadershipInstruction',
        'approveDeadlineExtension',
        'escalateBlockage',
      ]),
    );
    expect(offered).not.toContain('reportProgress');
    await page.waitForSelector('[data-testid="light-chart"] svg');
    await screenshot(page, '01-overview-leader');
  });

  it('sees the counts of another day when the date changes', async () => {
    const yearEnd = [
      await count(page, 'green'),
      await count(page, 'yellow'),
      await count(page, 'red'),
    ];
    await page.fill('input[name="asOf"]', '2021-03-31');
    await page.click('form.as-of button[type="submit"]');
    await page.waitForSelector('[data-ready="overview"][data-day="2021-03-31"]');
    const march = [
      await count(page, 'green'),
      await count(page, 'yellow'),
      await count(page, 'red'),
    ];
    const { data } = await demo.system.gql<{ overview: { totals: Record<string, number> } }>(
      '{ overview(asOf: "2021-03-31") { totals { green yellow red } } }',
      {},
      await demo.system.token('leader'),
    );
    expect(march).toEqual([
      data!.overview.totals.green,
      data!.overview.totals.yellow,
      data!.overview.totals.red,
    ]);
    expect(march).not.toEqual(yearEnd);
    await page.waitForSelector('[data-testid="light-chart"] svg');
    await screenshot(page, '02-overview-2021-03-31');
  });

  it('opens a task from the board and sees its milestones and its whole history', async () => {
    await page.goto(`${demo.system.url}/#/overview`);
    await page.waitForSelector('[data-ready="overview"]');
    await page.click('table a[href^="#/tasks/"]');
    await page.waitForSelector('[data-ready="task"]');
    expect(await page.$$eval('.timeline-item', (items) => items.length)).toBeGreaterThan(0);
    const history = await page.$$eval('[data-testid="history"] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(history.length).toBeGreaterThan(5);
    // The responsible leader by name, not by directory id.
    const leaderId = await page.getAttribute('[data-official]', 'data-official');
    expect(leaderId).toMatch(/^[a-z-]+$/);
    expect(await page.textContent('[data-official]')).toMatch(/\p{Script=Han}/u);
    // Each event named in Chinese, its type kept for auditors.
    expect(history.some((line) => line.includes('登记任务'))).toBe(true);
    expect(await page.$$('[data-testid="history"] [data-type="TaskRegistered"]')).not.toHaveLength(
      0,
    );
    expect(history.some((line) => /[A-Z][a-z]+[A-Z]/.test(line))).toBe(false);
    expect(history.every((line) => /已签名覆盖|尚未覆盖/.test(line))).toBe(true);
    // A value the plan assumed (the work report gives no start day) is marked, its reason in the title.
    const assumed = await page.$('[data-assumed="PLANNED_START"]');
    expect(await assumed?.textContent()).toBe('「假定」');
    expect(await assumed?.getAttribute('title')).toBe(
      '工作报告未载明计划开始，此为编制计划时的假定',
    );
    await screenshot(page, '03-task-detail-leader');
  });

  it('is offered the instruction form there, and none of the unit forms', async () => {
    expect(await page.$$('form[data-form="issueInstruction"]')).toHaveLength(1);
    for (const form of ['reportProgress', 'signTask', 'reportBlockage', 'requestExtension']) {
      expect(await page.$$(`form[data-form="${form}"]`)).toHaveLength(0);
    }
  });

  it('issues an instruction (批示) from the task page and sees it recorded there', async () => {
    await page.click('details:has(form[data-form="issueInstruction"]) > summary');
    await page.fill(
      'form[data-form="issueInstruction"] textarea[name="text"]',
      '请倒排工期，每周报告进展。',
    );
    await page.click('form[data-form="issueInstruction"] button[type="submit"]');
    await page.waitForSelector('td:has-text("请倒排工期，每周报告进展。")');
    const history = await page.textContent('[data-testid="history"]');
    expect(history).toContain('领导批示');
  });

  it('switches the console to English and back', async () => {
    await page.click('button.lang');
    expect(await page.textContent('nav')).toContain('Overview');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, '09-task-detail-english');
    await page.click('button.lang');
    expect(await page.textContent('nav')).toContain('总览');
  });

  it('reaches the main content from the keyboard', async () => {
    await page.goto(`${demo.system.url}/#/boards/progress`);
    await page.reload();
    await page.waitForSelector('[data-ready="progress"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
    await screenshot(page, '04-progress-board');
  });
});

describe('a department head', () => {
  let page: Page;
  const evidence = Buffer.from('验收报告 2021-12-31\n');
  const sha256 = createHash('sha256').update(evidence).digest('hex');

  beforeAll(async () => {
    page = await session('head-health');
  });

  it("lands on the unit's tasks, most urgent first", async () => {
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('my-tasks');
    // The header names the unit, not its id.
    await page.waitForFunction(
      () => document.querySelector('[data-unit="health"]')?.textContent !== ' · health',
    );
    expect(await page.textContent('[data-unit="health"]')).toMatch(/\p{Script=Han}/u);
    const urgencies = await page.$$eval('.urgency', (cells) => cells.map((cell) => cell.className));
    // Most urgent first: overdue, due soon, red, yellow, then the rest; the unit has some.
    const order = ['overdue', 'due_soon', 'red', 'yellow', 'normal'];
    const ranks = urgencies.map((name) =>
      order.findIndex((urgency) => name.split(' ').includes(`urgency-${urgency}`)),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBeLessThan(order.indexOf('normal'));
    await screenshot(page, '05-my-unit-tasks');
  });

  it('sees no leader forms and no audit page', async () => {
    await page.click('table a[href^="#/tasks/"]');
    await page.waitForSelector('[data-ready="task"]');
    expect(await page.$$('form[data-form="issueInstruction"]')).toHaveLength(0);
    expect(await page.$$('form[data-form="approve"]')).toHaveLength(0);
    expect(await page.$$('nav a[href="#/audit"]')).toHaveLength(0);
  });

  it('is told beside the field when the server refuses a percent', async () => {
    await page.click('details:has(form[data-form="reportProgress"]) > summary');
    const form = 'form[data-form="reportProgress"]';
    await page.fill(`${form} input[name="percent"]`, '150');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} input[name="percent"][aria-invalid="true"]`);
    const message = await page.$eval(
      `${form} input[name="percent"] + .field-error`,
      (el) => el.textContent,
    );
    expect(message).toBe('须为 0 到 100 之间的整数');
    expect(await page.textContent(`${form} .form-status`)).toBe(
      '未能完成：完成百分比：须为 0 到 100 之间的整数',
    );
    await screenshot(page, '06-progress-form-refused');
  });

  it('reports progress with evidence hashed in the page and sees the board move', async () => {
    const taskId = await page.getAttribute('[data-ready="task"]', 'data-task');
    const boardBefore = await progressOf(page, taskId!);
    await page.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await page.waitForSelector('[data-ready="task"]');
    await page.click('details:has(form[data-form="reportProgress"]) > summary');
    const form = 'form[data-form="reportProgress"]';
    const milestone = await page.$eval(
      `${form} select[name="milestoneId"] option:last-child`,
      (el) => el.getAttribute('value'),
    );
    await page.selectOption(`${form} select[name="milestoneId"]`, milestone!);
    await page.fill(`${form} input[name="percent"]`, '95');
    await page.fill(`${form} textarea[name="note"]`, '主体结构封顶');
    await page.setInputFiles(`${form} input[name="evidence"]`, {
      name: '验收报告.txt',
      mimeType: 'text/plain',
      buffer: evidence,
    });
    await page.click(`${form} button[type="submit"]`);
    // The page sends the file's name, digest and size, never the file: find them in the history.
    const office = await demo.system.token('office');
    const history = `query($id: ID!) { taskHistory(taskId: $id, last: 200) { edges { node { type data } } } }`;
    const carriesDigest = async () => {
      const result = await demo.system.gql<{
        taskHistory: { edges: { node: { type: string; data: { evidence?: unknown[] } } }[] };
      }>(history, { id: taskId }, office);
      return (result.data?.taskHistory.edges ?? []).some(
        ({ node: event }) =>
          event.type === 'MilestoneProgressReported' &&
          JSON.stringify(event.data.evidence ?? []).includes(sha256),
      );
    };
    const deadline = Date.now() + 10_000;
    while (!(await carriesDigest()) && Date.now() < deadline) await page.waitForTimeout(50);
    expect(await carriesDigest()).toBe(true);
    expect(
      await page.$$eval('form[data-form="reportProgress"] [aria-invalid]', (els) => els.length),
    ).toBe(0);
    await demo.system.settled();
    // The task's page shows the file offered, by name, size and digest, under its milestone.
    await page.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await page.waitForSelector('[data-testid="milestone-evidence"]');
    const shown = await page.$$eval('[data-testid="milestone-evidence"] li', (items) =>
      items.map((item) => item.textContent ?? ''),
    );
    expect(shown).toEqual([expect.stringContaining('验收报告.txt')]);
    expect(shown[0]).toContain(sha256);
    expect(await progressOf(page, taskId!)).toBeGreaterThan(boardBefore);
    await screenshot(page, '07-progress-board-after-report');
  });
});

/** The task's actual progress on the progress board (盯进度), as the page shows it. */
const progressOf = async (page: Page, taskId: string): Promise<number> => {
  await page.goto(`${page.url().split('#')[0]}#/boards/progress?unitId=health`);
  await page.waitForSelector('[data-ready="progress"]');
  const row = page.locator('tr', { has: page.locator(`a[href="#/tasks/${taskId}"]`) });
  return Number.parseFloat((await row.locator('td').nth(2).textContent()) ?? 'NaN');
};

describe('an inspector', () => {
  let page: Page;
  beforeAll(async () => {
    page = await session('inspector-li');
  });

  it('lands on the audit search and no task form is offered', async () => {
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('audit');
    await page.goto(`${demo.system.url}/#/tasks/${await firstTaskId()}`);
    await page.waitForSelector('[data-ready="task"]');
    expect(await page.$$('form.action-form')).toHaveLength(0);
  });

  it('verifies an event against its proof and the signed head in the browser', async () => {
    await page.goto(`${demo.system.url}/#/audit?types=TaskRegistered`);
    await page.waitForSelector('[data-ready="audit"]');
    await page.click('button[data-verify]');
    await page.waitForSelector('[data-verdict]');
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('verified');
    // No witness is configured in this deployment: the page says the head is the server's word alone.
    expect(await page.getAttribute('[data-witnessed]', 'data-witnessed')).toBe('no');
    expect(await page.textContent('[data-witnessed]')).toContain('尚未经见证方联署');
    const listed = '[data-testid="heads"] tbody tr:first-child [data-head-witnessed]';
    expect(await page.getAttribute(listed, 'data-head-witnessed')).toBe('no');
    expect(await page.textContent(listed)).toContain('未经见证方联署');
    await screenshot(page, '08-audit-verified');
  });

  it('says it cannot check, not that the event is altered, in a browser without WebCrypto', async () => {
    const opened = await openSession(demo.browser);
    demo.sessions.push(opened);
    // As on a plain-HTTP address: no crypto.subtle at all.
    await opened.page.addInitScript(() => {
      Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined });
    });
    await signInAs(opened, demo.system.url, 'inspector-li');
    await opened.page.goto(`${demo.system.url}/#/audit?types=TaskRegistered`);
    await opened.page.waitForSelector('[data-ready="audit"]');
    await opened.page.click('button[data-verify]');
    await opened.page.waitForSelector('[data-verdict]');
    expect(await opened.page.getAttribute('[data-verdict]', 'data-verdict')).toBe('cannot-check');
    expect(await opened.page.textContent('[data-verdict]')).toContain('这不表示记录有误');
  });

  it('downloads a bundle that the offline verifier accepts, and refuses once altered', async () => {
    await page.goto(`${demo.system.url}/#/audit?types=TaskRegistered`);
    await page.waitForSelector('[data-ready="audit"]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-bundle"]'),
    ]);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'dubanju-bundle-')), 'bundle.json');
    await download.saveAs(file);
    const verify = () => {
      const run = spawnSync(
        process.execPath,
        ['scripts/audit-verify.ts', file, '--allow-unsigned-selection'],
        { encoding: 'utf8' },
      );
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    };
    const accepted = verify();
    // The plan's 26 tasks and the 10 of the demo's assumed matters (demo/matters.ts)
    // registered before the last signed head (its 1,000th event, on 2021-08-13, the
    // clock's light changes counted): the 11th, issued on 2021-09-06, is not covered
    // by a signed head yet, so not in the bundle.
    expect(accepted).toMatchObject({ status: 0, output: expect.stringMatching(/ 36 events/) });
    writeFileSync(file, readFileSync(file, 'utf8').replace('"title":"', '"title":"改'));
    const refused = verify();
    expect(refused).toMatchObject({
      status: 1,
      output: expect.stringMatching(/leaf hash does not match/),
    });
  });

  it('pages through the history', async () => {
    await page.goto(`${demo.system.url}/#/audit`);
    await page.waitForSelector('[data-ready="audit"]');
    const first = await page.textContent('tbody tr td');
    await page.click('.pager a');
    await page.waitForFunction(
      (before) => document.querySelector('tbody tr td')?.textContent !== before,
      first,
    );
    expect(Number(await page.textContent('tbody tr td'))).toBeGreaterThan(Number(first));
  });
});

const firstTaskId = async (): Promise<string> => {
  const { data } = await demo.system.gql<{ tasks: { edges: { node: { id: string } }[] } }>(
    '{ tasks(first: 1) { edges { node { id } } } }',
    {},
    await demo.system.token('inspector'),
  );
  return data!.tasks.edges[0]!.node.id;
};

describe('a milestone and a blockage followed up on the task page', () => {
  let taskId = '';

  /** One mutation as `token`, its payload's fields. */
  const run = async (field: string, type: string, input: object, token: string, pick: string) => {
    const answer = await demo.system.gql<Record<string, Record<string, string>>>(
      `mutation($input: ${type}!) { ${field}(input: $input) { ${pick} } }`,
      { input },
      token,
    );
    const payload = answer.data?.[field];
    if (!payload) throw new Error(`${field}: ${JSON.stringify(answer.errors)}`);
    return payload;
  };

  beforeAll(async () => {
    const office = await demo.system.token('office');
    const lead = await demo.system.token('department_head', 'economy');
    ({ id: taskId } = (await run(
      'registerTask',
      'RegisterTaskInput',
      { title: '数字经济产业园招商', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
      office,
      'id',
    )) as { id: string });
    await run(
      'assignTask',
      'AssignTaskInput',
      { taskId, leadUnitId: 'economy', cooperatingUnitIds: ['invest'] },
      office,
      'position',
    );
    await run(
      'planMilestone',
      'PlanMilestoneInput',
      { taskId, title: '完成招商推介', dueDate: '2021-12-31' },
      office,
      'milestoneId',
    );
    await run(
      'planMilestone',
      'PlanMilestoneInput',
      { taskId, title: '项目签约', dueDate: '2021-12-31' },
      office,
      'milestoneId',
    );
    await run(
      'reportBlockage',
      'ReportBlockageInput',
      { taskId, description: '产业用地规划待调整', waitingOnUnitId: 'science' },
      lead,
      'blockageId',
    );
    await demo.system.settled();
  });

  const openTask = async (sub: string) => {
    const page = await session(sub);
    await page.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await page.waitForSelector('[data-ready="task"]');
    return page;
  };

  it('lets the office give the milestone to a cooperating unit', async () => {
    const page = await openTask('office-zhang');
    const first = '[data-milestone]:has-text("完成招商推介")';
    expect(await page.getAttribute(`${first} [data-owner]`, 'data-owner')).toBe('');
    await page.click(`${first} details:has(form[data-form="assignMilestoneOwner"]) > summary`);
    const form = `${first} form[data-form="assignMilestoneOwner"]`;
    await page.selectOption(`${form} select[name="ownerUnitId"]`, 'invest');
    await page.fill(`${form} textarea[name="reason"]`, '招商推介由投资促进局承担');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('[data-owner="invest"]');
  });

  it('offers the unit waited on to declare its part done, and not to resolve', async () => {
    const page = await openTask('head-science');
    expect(await page.$$('form[data-form="resolveBlockage"]')).toHaveLength(0);
    await page.click('details:has(form[data-form="declarePartDone"]) > summary');
    const form = 'form[data-form="declarePartDone"]';
    await page.fill(`${form} textarea[name="note"]`, '用地规划调整已批复');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('[data-part-done="science"]');
    expect(await page.textContent('[data-part-done="science"]')).toContain('用地规划调整已批复');
  });

  it('lets the unit held up resolve it, and offers it only its own milestones’ forms', async () => {
    const page = await openTask('head-economy');
    await page.click('details:has(form[data-form="resolveBlockage"]) > summary');
    const form = 'form[data-form="resolveBlockage"]';
    await page.fill(`${form} textarea[name="resolution"]`, '用地已落实');
    await page.click(`${form} button[type="submit"]`);
    // The resolution is shown with the status, and no action is left to take.
    await page.waitForSelector('td [data-resolution]:has-text("用地已落实")');
    const coUnit = await openTask('head-invest');
    const offered = await coUnit.$$eval(
      'form[data-form="reportProgress"] select[name="milestoneId"] option',
      (options) => options.length,
    );
    expect(offered).toBe(1);
  });
});

describe('a session that ends', () => {
  it('signs the user out at once, says why, and returns to the same page after signing in again', async () => {
    const opened = await signedInSession(demo, 'deputy-wang');
    const { page } = opened;
    await page.click('table a[href^="#/tasks/"]');
    await page.waitForSelector('[data-ready="task"]');
    const taskPage = new URL(page.url()).hash;
    await page.goto(`${demo.system.url}/#/overview`);
    await page.waitForSelector('[data-ready="overview"]');
    const expired = await signToken(
      demo.system.system.secret,
      { sub: 'deputy-wang', role: 'leader' },
      Math.floor(Date.now() / 1000) - 60,
    );
    await page.evaluate((token) => sessionStorage.setItem('dubanju.token', token), expired);
    await page.goto(`${demo.system.url}/${taskPage}`);
    await page.waitForSelector('[data-testid="session-ended"]');
    expect(await page.textContent('[data-testid="session-ended"]')).toContain('登录已失效');
    expect(await page.$$('[data-testid="who"]')).toHaveLength(0);
    await page.selectOption('select[name="demoUser"]', 'deputy-wang');
    await page.click('form[data-form="demo"] button[type="submit"]');
    await page.waitForSelector('[data-ready="task"]');
    expect(new URL(page.url()).hash).toBe(taskPage);
  });
});

describe('the overview on the demo year, in headless Chromium', () => {
  it('is measured: bytes transferred and time to its first complete render', async () => {
    const token = await demo.system.token('leader');
    const runs: { bytes: number; requests: number; fcp: number; ready: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const opened = await openSession(demo.browser);
      demo.sessions.push(opened);
      await opened.context.addInitScript(
        `sessionStorage.setItem('dubanju.token', ${JSON.stringify(token)})`,
      );
      await opened.page.goto(`${demo.system.url}/#/overview`);
      await opened.page.waitForSelector('[data-ready="overview"] [data-testid="light-chart"] svg');
      runs.push(await opened.page.evaluate(measure));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    process.stdout.write(
      `console overview: ${runs[0]!.bytes} bytes transferred in ${runs[0]!.requests} requests; ` +
        `first contentful paint ${median(runs.map((r) => r.fcp)).toFixed(0)} ms, ` +
        `overview rendered with its data ${median(runs.map((r) => r.ready)).toFixed(0)} ms after navigation ` +
        `(median of 3 cold loads: ${runs.map((r) => r.ready.toFixed(0)).join(', ')} ms)\n`,
    );
    expect(runs.every((r) => r.bytes > 0 && r.ready > 0)).toBe(true);
  });
});

/** What the page itself knows of its load: Resource Timing and the console's own mark. */
const measure = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  return {
    bytes: navigation.transferSize + resources.reduce((sum, entry) => sum + entry.transferSize, 0),
    requests: resources.length + 1,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    ready: performance.getEntriesByName('view:overview')[0]?.startTime ?? -1,
  };
})()`;

describe('every page the console showed', () => {
  it('asked nothing of any host but the test server, and threw no error', () => {
    const requests = demo.sessions.flatMap((opened) => opened.requests);
    expect(requests.length).toBeGreaterThan(20);
    expect(
      requests.filter((url) => !url.startsWith(`${demo.system.url}/`) && !url.startsWith('blob:')),
    ).toEqual([]);
    expect(demo.sessions.flatMap((opened) => opened.errors)).toEqual([]);
  });
});

describe('the progress form of a task with milestones done and open', () => {
  it('offers the lead unit only the milestones still open', async () => {
    const office = await demo.system.token('office');
    const { data } = await demo.system.gql<{
      tasks: { edges: { node: { id: string; leadUnit: { id: string } | null } }[] };
    }>('{ tasks(first: 100) { edges { node { id leadUnit { id } } } } }', {}, office);
    type Milestones = { id: string; milestones: { id: string; status: string }[] };
    const isOpen = (milestone: { status: string }) => milestone.status !== 'COMPLETED';
    let found: { task: Milestones; unitId: string } | undefined;
    for (const { node } of data!.tasks.edges) {
      const answer = await demo.system.gql<{ task: Milestones }>(
        'query($id: ID!) { task(id: $id) { id milestones { id status } } }',
        { id: node.id },
        office,
      );
      const { milestones } = answer.data!.task;
      if (node.leadUnit && milestones.some(isOpen) && !milestones.every(isOpen)) {
        found = { task: answer.data!.task, unitId: node.leadUnit.id };
        break;
      }
    }
    expect(found).toBeDefined();
    const page = await session(`head-${found!.unitId}`);
    await page.goto(`${demo.system.url}/#/tasks/${found!.task.id}`);
    await page.waitForSelector('[data-ready="task"]');
    const offered = await page.$$eval(
      'form[data-form="reportProgress"] select[name="milestoneId"] option',
      (options) => options.map((option) => (option as HTMLOptionElement).value),
    );
    expect(offered.sort()).toEqual(
      found!.task.milestones
        .filter(isOpen)
        .map((milestone) => milestone.id)
        .sort(),
    );
  });
});

describe('a browser that goes offline', () => {
  it('says so with a retry, keeps the page, and draws it again once back online', async () => {
    const opened = await signedInSession(demo, 'deputy-wang');
    const { page, context } = opened;
    expect(await page.isVisible('[data-testid="offline"]')).toBe(false);
    await context.setOffline(true);
    await page.waitForSelector('[data-testid="offline"]', { state: 'visible' });
    expect(await page.textContent('[data-testid="offline"]')).toContain('网络已断开');
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('overview');
    await context.setOffline(false);
    await page.waitForSelector('[data-testid="offline"]', { state: 'hidden' });
    await page.waitForSelector('main [data-ready="overview"]');
  });
});
