import type { Page } from 'playwright-core';
import { type SmtpPeer, startSmtpPeer } from '../support/smtp-peer.ts';
import { demoConsole, sessionOf } from './browser.ts';
import { axeViolations } from './screens.ts';

// The liaison (联络员) and what reaches people, through the console in Debian's
// Chromium against the demo year (its clock on 2021-12-31 10:00 in Beijing): a
// liaison's progress report is a draft its unit head approves or returns (the
// demo's ruleset asks for it, as the default does), the unit head answers a 催办,
// and the office sees the notifications and sends a failed one again.
//
// E-mail goes to a real SMTP peer (the `smtp-server` package), taken down before
// the system starts so that the first e-mail fails; its retries wait an hour, so
// within the test only the office's 重新发送 sends it again.

let peer: SmtpPeer;

const run = demoConsole(async () => {
  peer = await startSmtpPeer();
  const url = peer.url();
  await peer.down();
  return {
    NOTIFY_SMTP_URL: url,
    NOTIFY_SMTP_FROM: 'duban@example.gov.cn',
    NOTIFY_QUIET_HOURS: 'none',
    NOTIFY_RETRY_BASE_MS: '3600000',
    NOTIFY_RETRY_CAP_MS: '3600000',
  };
});

afterAll(async () => {
  await peer?.down();
});

let errorsSeen = 0;
afterEach(() => {
  // No page threw during the test.
  const errors = run.sessions.flatMap((session) => session.errors);
  const fresh = errors.slice(errorsSeen);
  errorsSeen = errors.length;
  expect(fresh).toEqual([]);
});

const asOffice = async <T>(query: string, variables: Record<string, unknown> = {}) => {
  const { data, errors } = await run.system.gql<T>(
    query,
    variables,
    await run.system.token('office'),
  );
  expect(errors).toBeUndefined();
  return data!;
};

/** Health (卫健局) leads a task still in progress at the year's end, two milestones open. */
const unit = 'health';
const liaison = `liaison-${unit}`;
const head = `head-${unit}`;
/** The name the demo sign-in gives the unit's liaison. */
const liaisonName = '卫生健康委员会联络员';

type Milestone = { id: string; title: string; status: string; progress: number };
type Task = { id: string; title: string; leadUnit: { id: string }; milestones: Milestone[] };
type Draft = { draftId: string; milestoneId: string; percent: number; note: string | null };

/** The task the unit leads with two milestones open and room to report more on both. */
const pickTask = async (): Promise<Task> => {
  const { tasks } = await asOffice<{ tasks: { edges: { node: Task }[] } }>(
    `{ tasks(filter: { statuses: [SIGNED, IN_PROGRESS] }, first: 100) {
      edges { node { id leadUnit { id } } } } }`,
  );
  const ids = tasks.edges
    .map((edge) => edge.node)
    .filter((node) => node.leadUnit?.id === unit)
    .map((node) => node.id)
    .slice(0, 50);
  const { tasksById } = await asOffice<{ tasksById: Task[] }>(
    `query($ids: [ID!]!) { tasksById(ids: $ids) {
      id title leadUnit { id } milestones { id title status progress } } }`,
    { ids },
  );
  const task = tasksById.find(
    (node) =>
      node.milestones.filter((m) => m.status !== 'COMPLETED' && m.progress <= 80).length >= 2,
  );
  expect(task).toBeDefined();
  return task!;
};

const draftsOf = async (taskId: string): Promise<Draft[]> => {
  await run.system.settled();
  const { task } = await asOffice<{ task: { drafts: Draft[] } }>(
    'query($id: ID!) { task(id: $id) { drafts { draftId milestoneId percent note } } }',
    { id: taskId },
  );
  return task.drafts;
};

/** axe-core's findings on the page as it stands, its folds opened first so that their forms are seen. */
const axeFindings = async (page: Page): Promise<string[]> => {
  await page.$$eval('details:not([open])', (folds) => {
    for (const fold of folds) (fold as HTMLDetailsElement).open = true;
  });
  return (await axeViolations(page)).map(
    (violation) => `${violation.rule} ×${violation.nodes} (${violation.first})`,
  );
};

/** Opens the task page as `sub` (signed in through the demo login) and waits for it. */
const taskPage = async (sub: string, taskId: string): Promise<Page> => {
  const page = await sessionOf(run, sub);
  await page.goto(`${run.system.url}/#/tasks/${taskId}`);
  await page.waitForSelector(`[data-ready="task"][data-task="${taskId}"]`);
  return page;
};

/**
 * Submits the form `selector` names and waits until the page is drawn again:
 * the form submitted is gone from the page (a new one may stand in its place).
 */
const submitAndRedraw = async (page: Page, selector: string): Promise<void> => {
  const form = (await page.$(selector))!;
  expect(form).not.toBeNull();
  await page.click(`${selector} button[type="submit"]`);
  await page.waitForFunction((element) => !element.isConnected, form, { timeout: 15_000 });
};

/** The row of the drafts table (联络员拟报) that holds `note`, once it shows `status`. */
const draftRow = (note: string, status: string) =>
  `section.drafts tr:has-text("${note}"):has-text("${status}")`;

/** The liaison's report on `milestone` through the task page's 报告进展 form. */
const reportAsLiaison = async (page: Page, milestone: Milestone, percent: number, note: string) => {
  await page.click('details:has(form[data-form="reportProgress"]) > summary');
  const form = 'form[data-form="reportProgress"]';
  await page.selectOption(`${form} select[name="milestoneId"]`, milestone.id);
  await page.fill(`${form} input[name="percent"]`, String(percent));
  await page.fill(`${form} textarea[name="note"]`, note);
  await submitAndRedraw(page, form);
  await page.waitForSelector(draftRow(note, '待审核'));
};

describe('a liaison’s progress report (联络员拟报), approved or returned by the unit head (审核)', () => {
  let task: Task;
  let approved: Milestone;
  let returned: Milestone;
  const approvedNote = '中医院高新院区主体结构完工';
  const returnedNote = '医养结合项目签约完成';
  const reason = '进度数据与台账不一致，请核实后重报';
  let approvedPercent = 0;

  beforeAll(async () => {
    task = await pickTask();
    [approved, returned] = task.milestones.filter(
      (m) => m.status !== 'COMPLETED' && m.progress <= 80,
    ) as [Milestone, Milestone];
    approvedPercent = approved.progress + 15;
  });

  it('is drafted by the liaison, who lands on its unit’s tasks and opens one', async () => {
    const page = await sessionOf(run, liaison);
    // A liaison starts on 本单位任务, where its unit's tasks stand, and approves nothing there.
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('my-tasks');
    expect(await page.textContent('header')).toContain('联络员');
    expect(await page.$$('[data-ready="pending-drafts"]')).toHaveLength(0);
    await page.click(`main a[href="#/tasks/${task.id}"]`);
    await page.waitForSelector(`[data-ready="task"][data-task="${task.id}"]`);
    // The liaison reports; completing a milestone, blockages and extensions stay with the head.
    expect(await page.$$('form[data-form="reportProgress"]')).toHaveLength(1);
    expect(await page.$$('form[data-form="completeMilestone"]')).toHaveLength(0);
    expect(await page.$$('form[data-form="requestExtension"]')).toHaveLength(0);

    await reportAsLiaison(page, approved, approvedPercent, approvedNote);
    // A draft awaiting the head, with no decision offered to the liaison; the milestone unmoved.
    const row = draftRow(approvedNote, '待审核');
    expect(await page.textContent(row)).toContain(`${approvedPercent}%`);
    // Its author by the name the liaison signed in with, as the history names actors, not by id.
    expect(await page.textContent(row)).toContain(liaisonName);
    expect(await page.textContent(row)).not.toContain(liaison);
    expect(await page.$$(`${row} form`)).toHaveLength(0);
    expect(await page.textContent('section.drafts .note')).toContain('审核后报督查室');
    expect(await page.getAttribute(`[data-milestone="${approved.id}"] progress`, 'value')).toBe(
      String(approved.progress),
    );

    await reportAsLiaison(page, returned, returned.progress + 10, returnedNote);
    const drafts = await draftsOf(task.id);
    expect(drafts.map((draft) => draft.note)).toEqual(
      expect.arrayContaining([approvedNote, returnedNote]),
    );
  });

  it('leaves nothing for axe to find on the liaison’s task page, folds open', async () => {
    const page = await taskPage(liaison, task.id);
    expect(await axeFindings(page)).toEqual([]);
  });

  it('waits for the unit head, listed on 本单位任务 as awaiting approval', async () => {
    const page = await sessionOf(run, head);
    expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('my-tasks');
    await page.waitForSelector('[data-ready="pending-drafts"]');
    const section = '[data-ready="pending-drafts"]';
    expect(await page.textContent(`${section} caption, ${section} h2`)).toContain(
      '待审核的联络员报送',
    );
    const rows = `${section} tr:has(a[href="#/tasks/${task.id}"])`;
    const texts = await page.$$eval(rows, (items) => items.map((item) => item.textContent ?? ''));
    expect(texts.some((text) => text.includes(`${approvedPercent}%`))).toBe(true);
    expect(texts).toHaveLength(2);
    expect(await axeFindings(page)).toEqual([]);
    // On the task page each pending draft offers the head its approval and its return.
    await page.click(`${section} a[href="#/tasks/${task.id}"]`);
    await page.waitForSelector(`[data-ready="task"][data-task="${task.id}"]`);
    expect(await page.$$('section.drafts form[data-form="approveDraft"]')).toHaveLength(2);
    expect(await page.$$('section.drafts form[data-form="returnDraft"]')).toHaveLength(2);
    // The head sees who drafted it by name too.
    expect(await page.textContent(`section.drafts tr:has-text("${approvedNote}")`)).toContain(
      liaisonName,
    );
    expect(await axeFindings(page)).toEqual([]);
  });

  it('is approved by the unit head on the task page: the milestone shows the reported percent', async () => {
    const draft = (await draftsOf(task.id)).find((d) => d.note === approvedNote)!;
    const page = await taskPage(head, task.id);
    const form = `[data-draft="${draft.draftId}"] form[data-form="approveDraft"]`;
    expect(await page.textContent(form)).toContain('审核通过并上报');
    await submitAndRedraw(page, form);
    await page.waitForSelector(draftRow(approvedNote, '已审核上报'));
    expect(await page.$$(`[data-draft="${draft.draftId}"]`)).toHaveLength(0);
    expect(await page.getAttribute(`[data-milestone="${approved.id}"] progress`, 'value')).toBe(
      String(approvedPercent),
    );
    expect(await page.textContent(`[data-milestone="${approved.id}"] .bar`)).toContain(
      `${approvedPercent}%`,
    );
    const { task: after } = await asOffice<{ task: { milestones: Milestone[] } }>(
      'query($id: ID!) { task(id: $id) { milestones { id progress } } }',
      { id: task.id },
    );
    expect(after.milestones.find((m) => m.id === approved.id)?.progress).toBe(approvedPercent);
  });

  it('is returned by the unit head with a reason, which the liaison then reads', async () => {
    const draft = (await draftsOf(task.id)).find((d) => d.note === returnedNote)!;
    const page = await taskPage(head, task.id);
    const scope = `[data-draft="${draft.draftId}"]`;
    await page.click(`${scope} details:has(form[data-form="returnDraft"]) > summary`);
    const form = `${scope} form[data-form="returnDraft"]`;
    await page.fill(`${form} textarea[name="reason"]`, reason);
    await submitAndRedraw(page, form);
    await page.waitForSelector(draftRow(returnedNote, '已退回'));
    expect(await page.textContent(draftRow(returnedNote, '已退回'))).toContain(reason);
    // Returned, not reported: the milestone stays where it was.
    expect(await page.getAttribute(`[data-milestone="${returned.id}"] progress`, 'value')).toBe(
      String(returned.progress),
    );

    const mine = await taskPage(liaison, task.id);
    const row = draftRow(returnedNote, '已退回');
    await mine.waitForSelector(row);
    expect(await mine.textContent(row)).toContain(reason);
    expect(await mine.textContent(draftRow(approvedNote, '已审核上报'))).toContain(
      `${approvedPercent}%`,
    );
  });
});

describe('a 催办 answered by the urged unit’s head (答复催办)', () => {
  it('shows the answer on the task page, the form gone', async () => {
    const task = await pickTask();
    const message = '请于三个工作日内报送医院项目建设进度（浏览器测试）';
    const { urgeTask } = await asOffice<{ urgeTask: { urgeId: string } }>(
      `mutation($input: UrgeTaskInput!) { urgeTask(input: $input) { urgeId } }`,
      { input: { taskId: task.id, unitId: unit, message, replyBy: '2022-01-05' } },
    );
    expect(urgeTask.urgeId).toBeTruthy();
    await run.system.settled();

    // The liaison sees the urge but answering it is the head's.
    const seen = await taskPage(liaison, task.id);
    const liaisonRow = `tr:has-text("${message}")`;
    await seen.waitForSelector(liaisonRow);
    expect(await seen.$$(`${liaisonRow} form[data-form="answerUrge"]`)).toHaveLength(0);

    const page = await taskPage(head, task.id);
    const row = `tr:has-text("${message}")`;
    await page.click(`${row} details:has(form[data-form="answerUrge"]) > summary`);
    const form = `${row} form[data-form="answerUrge"]`;
    const answer = '已督促项目单位加快进度，12月进度已随本答复报送';
    await page.fill(`${form} textarea[name="answer"]`, answer);
    await submitAndRedraw(page, form);
    await page.waitForSelector(`${row}:has-text("已答复"):has-text("${answer}")`);
    expect(await page.$$(`${row} form[data-form="answerUrge"]`)).toHaveLength(0);
  });
});

describe('the office’s 通知 section', () => {
  type Row = {
    id: string;
    channel: string;
    status: string;
    unroutable: string | null;
    lastError: string | null;
    attempts: number;
  };
  const rowsOf = async (filter: Record<string, unknown>): Promise<Row[]> => {
    const { notifications } = await asOffice<{ notifications: { nodes: Row[] } }>(
      `query($filter: NotificationFilter) { notifications(filter: $filter, first: 50) {
        nodes { id channel status unroutable lastError attempts } } }`,
      { filter },
    );
    return notifications.nodes;
  };
  const waitFor = async <T>(what: string, probe: () => Promise<T | null>): Promise<T> => {
    const until = Date.now() + 20_000;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  it('lists the year’s notifications nobody could be reached by, pending, with the reason', async () => {
    const pending = await waitFor('pending notifications', async () => {
      const rows = await rowsOf({ status: 'PENDING' });
      return rows.length > 0 ? rows : null;
    });
    expect(pending[0]).toMatchObject({ channel: 'NONE', unroutable: expect.any(String) });
    const page = await sessionOf(run, 'office-zhang');
    await page.click('nav a[href="#/notifications"]');
    await page.waitForSelector('[data-testid="notifications"]');
    expect(await page.textContent('[data-testid="notifications"] h1')).toBe('通知发送情况');
    const filter = '[data-testid="notifications"] form.filters';
    await page.selectOption(`${filter} select[name="status"]`, 'PENDING');
    await redrawn(page, () => page.click(`${filter} button[type="submit"]`));
    const text = (await page.textContent('[data-testid="notifications"] table tbody'))!;
    expect(text).toContain('无可用渠道');
    expect(text).toContain('待发送');
    expect(text).toContain(pending[0]!.unroutable!);
    expect(await axeFindings(page)).toEqual([]);
  });

  const official = 'health-head-qian';
  const email = 'qian@health.example.gov.cn';

  it('shows an e-mail that failed while the SMTP peer was down, and sends it again on 重新发送', async () => {
    const task = await pickTask();
    // The unit's head is named in the directory with an e-mail: the next 催办 goes to it.
    await asOffice(
      `mutation($o: RegisterOfficialInput!, $p: AssignPostInput!, $c: ChangeOfficialContactsInput!) {
        registerOfficial(input: $o) { id }
        assignPost(input: $p) { revision }
        changeOfficialContacts(input: $c) { revision } }`,
      {
        o: { id: official, name: '钱局长', title: '卫生健康局局长' },
        p: { officialId: official, unitId: unit, post: 'UNIT_HEAD', from: '2021-12-01' },
        c: { officialId: official, email, channels: ['EMAIL'] },
      },
    );
    await asOffice(`mutation($input: UrgeTaskInput!) { urgeTask(input: $input) { urgeId } }`, {
      input: { taskId: task.id, unitId: unit, message: '请报送本月进度（通知测试）' },
    });
    const failed = await waitFor('the failed e-mail', async () => {
      await run.system.settled();
      const rows = await rowsOf({ status: 'FAILED', officialId: official, taskId: task.id });
      return rows[0] ?? null;
    });
    expect(failed).toMatchObject({ channel: 'EMAIL', attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    const page = await sessionOf(run, 'office-zhang');
    await page.click('nav a[href="#/notifications"]');
    // Failed ones are shown first, by default.
    const button = `[data-testid="notifications"] button[data-notification="${failed.id}"]`;
    await page.waitForSelector(button);
    const row = `[data-testid="notifications"] tr:has(${button.replace('[data-testid="notifications"] ', '')})`;
    const text = (await page.textContent(row))!;
    expect(text).toContain('电子邮件');
    expect(text).toContain('发送失败，重试中');
    expect(text).toContain('ECONNREFUSED');
    expect(await page.textContent(button)).toBe('重新发送');

    await peer.up();
    await redrawn(page, () => page.click(button));
    // The confirmation outlives the redraw: it stands at the top of the page, focused.
    expect(await page.textContent('main [data-testid="announcement"]')).toBe(
      '已安排立即重新发送。',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'announcement',
    );
    const delivered = await waitFor('the e-mail delivered', async () => {
      await run.system.settled();
      const rows = await rowsOf({ status: 'DELIVERED', officialId: official });
      return rows.find((r) => r.id === failed.id) ?? null;
    });
    expect(delivered.status).toBe('DELIVERED');
    expect(peer.received.filter((mail) => mail.messageId?.includes(failed.id))).toHaveLength(1);
    expect(peer.received.flatMap((mail) => mail.to)).toContain(email);

    // Among the delivered ones it stands 已送达, with nothing more to retry.
    const filter = '[data-testid="notifications"] form.filters';
    await page.selectOption(`${filter} select[name="status"]`, 'DELIVERED');
    await redrawn(page, () => page.click(`${filter} button[type="submit"]`));
    expect(await page.textContent('[data-testid="notifications"] table tbody')).toContain('已送达');
    expect(await page.$$(button)).toHaveLength(0);
  });
});

/** Does `act` and waits until the notifications section it acted on is drawn anew. */
const redrawn = async (page: Page, act: () => Promise<void>): Promise<void> => {
  const section = (await page.$('[data-testid="notifications"]'))!;
  expect(section).not.toBeNull();
  await act();
  await page.waitForFunction((element) => !element.isConnected, section, { timeout: 15_000 });
  await page.waitForSelector('[data-testid="notifications"]');
};
