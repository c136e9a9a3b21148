import type { Page, Request } from 'playwright-core';
import { operationHash } from '../../web/src/operations/hash.ts';
import { consoleOperations } from '../../web/src/operations/index.ts';
import { demoConsole, type Size, screenshot, sessionOf } from './browser.ts';
import { desktop, flowSizes, screenChecks } from './screens.ts';

// The supervision office's workbench (督查室工作台) in Debian's Chromium against
// the demo year (its clock on 2021-12-31), served by the whole system in this process.

const demo = demoConsole();

const session = (sub: string): Promise<Page> => sessionOf(demo, sub);

/** What the API says of a task, asked as the office. */
const taskFacts = async <T>(id: string, selection: string): Promise<T> => {
  const { data, errors } = await demo.system.gql<{ task: T }>(
    `query ($id: ID!) { task(id: $id) { ${selection} } }`,
    { id },
    await demo.system.token('office'),
  );
  expect(errors).toBeUndefined();
  return data!.task;
};

const deskTaskId = async (page: Page): Promise<string> =>
  (await page.getAttribute('[data-ready="workbench-task"]', 'data-task'))!;

/**
 * The confirmation a section shows after its form acted: it stands in that
 * section and holds the keyboard focus (an earlier one there is drawn over).
 */
const confirmation = async (page: Page, section: string): Promise<string | null> => {
  const handle = await page.waitForFunction((key) => {
    const focused = document.activeElement;
    return focused?.getAttribute('data-testid') === 'announcement' &&
      focused.closest('[data-section]')?.getAttribute('data-section') === key
      ? focused
      : null;
  }, section);
  return handle.evaluate((note) => (note as HTMLElement).textContent);
};

const done = (title: string) => `${title}：已提交，已记入事件记录。`;

const section = '督查室试点事项';
/** The matter the office registers at each size, one of its own, and the id it was given. */
const titleAt = (size: Size) => (size === desktop ? '新建高新区第三中学' : '新建高新区第四中学');
const registered = new Map<Size, string>();

describe.each(flowSizes)(
  'the supervision office registering a matter at the $name size',
  ({ name, size }) => {
    let page: Page;
    const title = titleAt(size);
    let taskId = '';
    const screens = screenChecks();
    const shot = (file: string) => screenshot(page, size === desktop ? file : `${file}-phone`);

    beforeAll(async () => {
      page = await sessionOf(demo, 'office-zhang', undefined, size);
    });

    it('lands on its workbench, under its own entry of the navigation', async () => {
      expect(await page.getAttribute('main [data-ready]', 'data-ready')).toBe('workbench');
      expect(await page.getAttribute('nav a[href="#/workbench"]', 'aria-current')).toBe('page');
      expect(await page.textContent('nav a[href="#/workbench"]')).toBe('督查室工作台');
      for (const part of ['red', 'overdue', 'reports', 'unassigned', 'extensions', 'register']) {
        expect(await page.$$(`[data-section="${part}"]`)).toHaveLength(1);
      }
      await screens.check(page, 'workbench');
      await shot('20-office-workbench');
    });

    it('is told beside the field, in Chinese, when a due date comes before the start', async () => {
      const form = 'form[data-form="wbRegister"]';
      await page.fill(`${form} input[name="title"]`, title);
      await page.fill(`${form} input[name="plannedStart"]`, '2021-12-01');
      await page.fill(`${form} input[name="dueDate"]`, '2021-11-30');
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector(`${form} input[name="dueDate"][aria-invalid="true"]`);
      expect(
        await page.$eval(`${form} input[name="dueDate"] + .field-error`, (el) => el.textContent),
      ).toBe('不能早于计划开始日期');
      expect(await page.textContent(`${form} .form-status`)).toBe(
        '未能完成：截止日期：不能早于计划开始日期',
      );
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
        'dueDate',
      );
    });

    it('registers the matter and is taken to its desk, the confirmation focused', async () => {
      const form = 'form[data-form="wbRegister"]';
      await page.fill(`${form} input[name="section"]`, section);
      await page.fill(`${form} input[name="dueDate"]`, '2022-06-30');
      await page.click(`${form} button[type="submit"]`);
      await page.waitForSelector('[data-ready="workbench-task"]');
      taskId = await deskTaskId(page);
      expect(await page.textContent('h1')).toBe(`办理：${title}`);
      expect(await page.textContent('[data-testid="announcement"]')).toBe(done('登记事项'));
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'announcement',
      );
      // Not yet assigned: the assignment form stands open.
      expect(await page.isVisible('form[data-form="wbAssign"] select[name="leadUnitId"]')).toBe(
        true,
      );
    });

    it('assigns it, picking the lead and cooperating units and the leader by name', async () => {
      const form = 'form[data-form="wbAssign"]';
      await page.selectOption(`${form} select[name="leadUnitId"]`, { label: '教育局' });
      await page.selectOption(`${form} select[name="cooperatingUnitIds"]`, [
        { label: '财政金融局' },
        { label: '建设管理局' },
      ]);
      await page.selectOption(`${form} select[name="responsibleLeader"]`, { label: '王副主任' });
      await page.click(`${form} button[type="submit"]`);
      expect(await confirmation(page, 'assignment')).toBe(done('交办'));
      const facts = await page.textContent('[data-section="assignment"] dl');
      expect(facts).toContain('教育局');
      expect(facts).toContain('王副主任');
      const task = await taskFacts<{
        leadUnit: { id: string };
        cooperatingUnits: { id: string }[];
        responsibleLeader: string;
      }>(taskId, 'leadUnit { id } cooperatingUnits { id } responsibleLeader');
      expect(task.leadUnit.id).toBe('education');
      expect(task.cooperatingUnits.map((unit) => unit.id).sort()).toEqual([
        'construction',
        'finance',
      ]);
      expect(task.responsibleLeader).toBe('deputy-wang');
    });

    it('plans a milestone owned by a cooperating unit, and an indicator', async () => {
      const plan = 'form[data-form="wbPlanMilestone"]';
      await page.fill(`${plan} input[name="title"]`, '完成学校选址');
      await page.fill(`${plan} input[name="dueDate"]`, '2022-01-31');
      await page.selectOption(`${plan} select[name="ownerUnitId"]`, { label: '建设管理局' });
      await page.click(`${plan} button[type="submit"]`);
      expect(await confirmation(page, 'milestones')).toBe(done('计划节点'));
      expect(await page.textContent('[data-section="milestones"] table')).toContain('完成学校选址');

      await page.click('details:has(form[data-form="wbDefineIndicator"]) > summary');
      const define = 'form[data-form="wbDefineIndicator"]';
      await page.fill(`${define} input[name="name"]`, '新增学位');
      await page.fill(`${define} input[name="unitOfMeasure"]`, '个');
      await page.fill(`${define} input[name="target"]`, '2700');
      await page.click(`${define} button[type="submit"]`);
      expect(await confirmation(page, 'indicators')).toBe(done('设定指标'));
      const task = await taskFacts<{
        milestones: { title: string; ownerUnit: { id: string } | null }[];
        indicators: { name: string; target: number; comparison: string }[];
      }>(taskId, 'milestones { title ownerUnit { id } } indicators { name target comparison }');
      expect(task.milestones).toEqual([
        { title: '完成学校选址', ownerUnit: { id: 'construction' } },
      ]);
      expect(task.indicators).toEqual([{ name: '新增学位', target: 2700, comparison: 'GTE' }]);
      await screens.check(page, 'workbench-task');
      await shot('21-office-task-desk');
      registered.set(size, taskId);
    });

    it(`shows every screen within the window’s width at ${name}, with nothing for axe to find`, () => {
      expect(screens.faults).toEqual([]);
    });
  },
);

describe('the supervision office following up the matter it registered', () => {
  let page: Page;
  const title = titleAt(desktop);
  let taskId = '';

  beforeAll(async () => {
    page = await session('office-zhang');
    taskId = registered.get(desktop) ?? '';
  });

  it('finds the task in its task list and on the progress and stage boards', async () => {
    await page.goto(`${demo.system.url}/#/workbench`);
    await page.waitForSelector('[data-ready="workbench"]');
    expect(await page.$$(`[data-section="tasks"] tbody tr:has-text("${title}")`)).toHaveLength(1);
    await page.goto(`${demo.system.url}/#/boards/progress?section=${encodeURIComponent(section)}`);
    await page.waitForSelector('[data-ready="progress"]');
    expect(await page.textContent('main table')).toContain(title);
    await page.goto(`${demo.system.url}/#/boards/stage?section=${encodeURIComponent(section)}`);
    await page.waitForSelector('[data-ready="stage"]');
    expect(await page.textContent('main table')).toContain('完成学校选址');
  });

  it('splits it: the sub-task names its parent, since the schema has no split command', async () => {
    await page.goto(`${demo.system.url}/#/workbench/task/${taskId}`);
    await page.waitForSelector('[data-ready="workbench-task"]');
    await page.click('details:has(form[data-form="wbSplit"]) > summary');
    const form = 'form[data-form="wbSplit"]';
    expect(await page.inputValue(`${form} input[name="section"]`)).toBe(section);
    await page.fill(`${form} input[name="title"]`, '第三中学校舍建设');
    await page.click(`${form} button[type="submit"]`);
    expect(await confirmation(page, 'split')).toContain(done('拆分事项'));
    await page.click('[data-section="split"] [data-testid="announcement"] a');
    await page.waitForSelector(`[data-ready="workbench-task"]:not([data-task="${taskId}"])`);
    expect(await page.textContent('h1')).toBe('办理：第三中学校舍建设');
    expect(await page.textContent('main')).toContain(`上级事项：${title}（任务编号 ${taskId}）`);
  });

  it('issues a red notice (督办单) from a red task in one click, drafted, and finds it on the task page', async () => {
    await page.goto(`${demo.system.url}/#/workbench`);
    await page.waitForSelector('[data-ready="workbench"]');
    const red = '[data-section="red"]';
    const button = `${red} tbody tr:first-child button[data-action="notice"]`;
    const redTaskId = (await page.getAttribute(button, 'data-task'))!;
    await page.click(button);
    const form = `${red} form[data-form="wbNotice"]`;
    await page.waitForSelector(form);
    // The form's heading names the item and takes the focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    expect(await page.inputValue(`${form} select[name="level"]`)).toBe('RED');
    const lead = await taskFacts<{ leadUnit: { id: string } }>(redTaskId, 'leadUnit { id }');
    expect(await page.inputValue(`${form} select[name="toUnitId"]`)).toBe(lead.leadUnit.id);
    expect(await page.inputValue(`${form} textarea[name="body"]`)).toMatch(/已亮红灯/);
    expect(await page.inputValue(`${form} input[name="replyDueDate"]`)).toBe('2022-01-07');
    const subject = await page.inputValue(`${form} input[name="subject"]`);
    expect(subject).toMatch(/进度滞后的督办$/);
    await screenshot(page, '22-office-red-notice');
    await page.click(`${form} button[type="submit"]`);
    expect(await confirmation(page, 'red')).toContain(done('下发督办单'));

    await page.click(`${red} [data-testid="announcement"] a`);
    await page.waitForSelector(`[data-ready="task"][data-task="${redTaskId}"]`);
    const notice = page.locator('tr', { hasText: subject });
    expect(await notice.textContent()).toContain('红色专报单');
    expect(
      await page.$$('[data-testid="history"] [data-type="SupervisionNoticeIssued"]'),
    ).not.toHaveLength(0);
  });

  it('urges (催办) from an overdue milestone, with a reply-by day; a past day is refused beside the field', async () => {
    await page.goto(`${demo.system.url}/#/workbench`);
    await page.waitForSelector('[data-ready="workbench"]');
    const overdue = '[data-section="overdue"]';
    const button = `${overdue} tbody tr:first-child button[data-action="urge"]`;
    const urgedTaskId = (await page.getAttribute(button, 'data-task'))!;
    const milestone = await page.textContent(`${overdue} tbody tr:first-child td:nth-child(2)`);
    await page.click(button);
    const form = `${overdue} form[data-form="wbUrge"]`;
    await page.waitForSelector(form);
    expect(await page.inputValue(`${form} textarea[name="message"]`)).toContain(
      `“${milestone}”已超期`,
    );
    expect(await page.inputValue(`${form} input[name="replyBy"]`)).toBe('2022-01-07');

    await page.fill(`${form} input[name="replyBy"]`, '2021-12-30');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} input[name="replyBy"][aria-invalid="true"]`);
    expect(
      await page.$eval(`${form} input[name="replyBy"] + .field-error`, (el) => el.textContent),
    ).toBe('不能早于今天（2021-12-31）');

    await page.fill(`${form} input[name="replyBy"]`, '2022-01-05');
    await page.click(`${form} button[type="submit"]`);
    expect(await confirmation(page, 'overdue')).toContain(done('催办'));
    const task = await taskFacts<{ urges: { message: string; replyBy: string }[] }>(
      urgedTaskId,
      'urges { message replyBy }',
    );
    expect(task.urges.at(-1)?.replyBy).toBe('2022-01-05');
    expect(task.urges.at(-1)?.message).toContain(milestone);
  });

  it('accepts a pending completion report, which then leaves the list', async () => {
    const reports = '[data-section="reports"]';
    const row = `${reports} tbody tr:first-child`;
    const count = (await page.$$(`${reports} tbody tr`)).length;
    const reportedId = (await page.getAttribute(`${row} [data-ruling]`, 'data-ruling'))!;
    const report = await taskFacts<{ completion: { summary: string } }>(
      reportedId,
      'completion { summary }',
    );
    expect(await page.textContent(row)).toContain(report.completion.summary);
    await page.click(`${row} details:has(form[data-form="wbAcceptCompletion"]) > summary`);
    await page.fill(`${row} form[data-form="wbAcceptCompletion"] textarea`, '材料齐全，同意办结。');
    await page.click(`${row} form[data-form="wbAcceptCompletion"] button[type="submit"]`);
    expect(await confirmation(page, 'reports')).toBe(done('验收办结'));
    expect(await page.$$(`${reports} [data-ruling="${reportedId}"]`)).toHaveLength(0);
    expect((await page.$$(`${reports} tbody tr`)).length).toBe(count - 1);
    const task = await taskFacts<{ status: string; completion: { comment: string } }>(
      reportedId,
      'status completion { comment }',
    );
    expect(task).toEqual({ status: 'CLOSED', completion: { comment: '材料齐全，同意办结。' } });
  });

  it('returns another report for rework (退回重办) with the reason', async () => {
    const row = '[data-section="reports"] tbody tr:first-child';
    const reportedId = (await page.getAttribute(`${row} [data-ruling]`, 'data-ruling'))!;
    await page.click(`${row} details:has(form[data-form="wbRejectCompletion"]) > summary`);
    await page.fill(`${row} form[data-form="wbRejectCompletion"] textarea`, '缺少验收材料。');
    await page.click(`${row} form[data-form="wbRejectCompletion"] button[type="submit"]`);
    expect(await confirmation(page, 'reports')).toBe(done('退回重办'));
    const task = await taskFacts<{
      completion: { state: string; rejections: { reason: string }[] };
    }>(reportedId, 'completion { state rejections { reason } }');
    expect(task.completion.state).toBe('REJECTED');
    expect(task.completion.rejections.at(-1)?.reason).toBe('缺少验收材料。');
  });

  it('rules on a return (退回申请): listed with the unit’s reason, accepted and handed on', async () => {
    const { errors } = await demo.system.gql(
      'mutation ($id: ID!) { returnTask(input: { taskId: $id, reason: "校舍选址属规划部门职责" }) { position } }',
      { id: taskId },
      await demo.system.token('department_head', 'education'),
    );
    expect(errors).toBeUndefined();
    await demo.system.settled();
    await page.reload();
    await page.waitForSelector('[data-ready="workbench"]');
    // The unit keeps the lead until the office rules.
    const before = await taskFacts<{ leadUnit: { id: string } }>(taskId, 'leadUnit { id }');
    expect(before.leadUnit.id).toBe('education');
    const reason = `[data-section="returns"] [data-return-reason="${taskId}"]`;
    expect(await page.textContent(reason)).toBe('校舍选址属规划部门职责');
    const row = `[data-section="returns"] tr:has([data-return-ruling="${taskId}"])`;
    await page.click(`${row} details:has(form[data-form="lcAcceptReturn"]) > summary`);
    const form = `${row} form[data-form="lcAcceptReturn"]`;
    // The unit that gave it back is not offered it again.
    expect(await page.$$(`${form} option[value="education"]`)).toHaveLength(0);
    await page.selectOption(`${form} select[name="toUnitId"]`, { label: '自然资源和规划局' });
    await page.fill(`${form} textarea[name="reason"]`, '按职责改由自然资源和规划局牵头');
    await page.click(`${form} button[type="submit"]`);
    expect(await confirmation(page, 'returns')).toBe(done('同意退回并改交'));
    expect(await page.$$(reason)).toHaveLength(0);
    const task = await taskFacts<{
      leadUnit: { id: string };
      returnRequests: { ruling: string }[];
    }>(taskId, 'leadUnit { id } returnRequests { ruling }');
    expect(task.leadUnit.id).toBe('planning');
    expect(task.returnRequests).toEqual([{ ruling: 'ACCEPTED' }]);
  });

  it('records 问责 on a task; a kind for officials only is refused beside the field', async () => {
    await page.goto(`${demo.system.url}/#/workbench/task/${taskId}`);
    await page.waitForSelector('[data-ready="workbench-task"]');
    await page.click('details:has(form[data-form="wbAccountability"]) > summary');
    const form = 'form[data-form="wbAccountability"]';
    await page.selectOption(`${form} select[name="against"]`, { label: '单位：自然资源和规划局' });
    await page.selectOption(`${form} select[name="kind"]`, 'WARNING');
    await page.fill(`${form} textarea[name="reason"]`, '退回、转办往返，延误开工');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector(`${form} select[name="kind"][aria-invalid="true"]`);
    expect(
      await page.$eval(`${form} select[name="kind"] + .field-error`, (el) => el.textContent),
    ).toBe('此问责方式只适用于干部，不适用于单位');

    await page.selectOption(`${form} select[name="kind"]`, 'INTERVIEW');
    await page.fill(`${form} input[name="scoreDeduction"]`, '2');
    await page.click(`${form} button[type="submit"]`);
    expect(await confirmation(page, 'accountability')).toBe(done('记录问责'));
    expect(await page.textContent('[data-section="accountability"] table')).toContain('约谈');
    const task = await taskFacts<{
      accountabilityRecords: {
        against: { kind: string; id: string };
        kind: string;
        scoreDeduction: number;
      }[];
    }>(taskId, 'accountabilityRecords { against { kind id } kind scoreDeduction }');
    expect(task.accountabilityRecords).toEqual([
      { against: { kind: 'UNIT', id: 'planning' }, kind: 'INTERVIEW', scoreDeduction: 2 },
    ]);
  });
});

describe('a suspension proposed by the office and decided by the responsible leader', () => {
  let taskId = '';

  beforeAll(async () => {
    const { data } = await demo.system.gql<{
      tasks: { edges: { node: { id: string; responsibleLeader: string | null } }[] };
    }>(
      '{ tasks(filter: { statuses: [SIGNED, IN_PROGRESS] }, first: 100) { edges { node { id responsibleLeader } } } }',
      {},
      await demo.system.token('office'),
    );
    taskId = data!.tasks.edges.find((edge) => edge.node.responsibleLeader === 'deputy-wang')!.node
      .id;
  });

  it('is proposed on the task page; the task runs on until the leader decides', async () => {
    const page = await session('office-zhang');
    await page.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await page.waitForSelector('[data-ready="task"]');
    await page.click('details:has(form[data-form="lcProposeSuspension"]) > summary');
    await page.fill(
      'form[data-form="lcProposeSuspension"] textarea[name="reason"]',
      '资金冻结，待预算调整',
    );
    await page.click('form[data-form="lcProposeSuspension"] button[type="submit"]');
    await page.waitForSelector('[data-proposal-pending]');
    expect(await page.textContent('[data-proposal-pending]')).toContain('资金冻结，待预算调整');
    const task = await taskFacts<{ suspended: boolean; proposals: { decision: string }[] }>(
      taskId,
      'suspended proposals { decision }',
    );
    expect(task).toEqual({ suspended: false, proposals: [{ decision: 'PENDING' }] });
  });

  it('is approved by the task’s responsible leader, and the office resumes it', async () => {
    const leader = await session('deputy-wang');
    await leader.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await leader.waitForSelector('[data-proposal-decision]');
    await leader.click('details:has(form[data-form="lcApprove"]) > summary');
    await leader.fill('form[data-form="lcApprove"] textarea[name="comment"]', '同意暂停');
    await leader.click('form[data-form="lcApprove"] button[type="submit"]');
    await leader.waitForSelector('dd[data-status="SUSPENDED"]');
    expect(await leader.$$('[data-proposal-decision]')).toHaveLength(0);
    const office = await session('office-zhang');
    await office.goto(`${demo.system.url}/#/tasks/${taskId}`);
    await office.waitForSelector('[data-ready="task"]');
    await office.click('details:has(form[data-form="lcResume"]) > summary');
    await office.fill('form[data-form="lcResume"] textarea[name="reason"]', '预算已调整');
    await office.click('form[data-form="lcResume"] button[type="submit"]');
    // The page drawn again after the resumption: a status, and not SUSPENDED.
    await office.waitForFunction(() => {
      const status = document.querySelector('dd[data-status]')?.getAttribute('data-status');
      return typeof status === 'string' && status !== 'SUSPENDED';
    });
    const task = await taskFacts<{
      suspended: boolean;
      proposals: { decision: string; decidedBy: string }[];
      suspensions: { resumeReason: string }[];
    }>(taskId, 'suspended proposals { decision decidedBy } suspensions { resumeReason }');
    expect(task).toEqual({
      suspended: false,
      proposals: [{ decision: 'APPROVED', decidedBy: 'deputy-wang' }],
      suspensions: [{ resumeReason: '预算已调整' }],
    });
    await office.waitForFunction(() =>
      document.querySelector('main')?.textContent?.includes('暂停记录'),
    );
  });
});

describe('a department head', () => {
  it('has no workbench: no entry in the navigation, and its address is refused', async () => {
    const page = await session('head-health');
    expect(await page.$$('nav a[href="#/workbench"]')).toHaveLength(0);
    await page.goto(`${demo.system.url}/#/workbench`);
    await page.waitForSelector('[data-ready="forbidden"]');
    expect(await page.textContent('main')).toContain('您的角色无权查看此页。');
    expect(await page.$$('form[data-form="wbRegister"]')).toHaveLength(0);
  });
});

describe('the workbench on landing', () => {
  it('reads every task awaiting a ruling in one request, however many there are', async () => {
    const office = await demo.system.token('office');
    const titles = ['待分配事项甲', '待分配事项乙', '待分配事项丙'];
    for (const title of titles) {
      const { errors } = await demo.system.gql(
        'mutation($input: RegisterTaskInput!) { registerTask(input: $input) { id } }',
        { input: { title, plannedStart: '2021-12-01', dueDate: '2022-06-30' } },
        office,
      );
      expect(errors).toBeUndefined();
    }
    await demo.system.settled();
    const names = new Map(
      consoleOperations().map((document) => [
        operationHash(document),
        document.match(/^(?:query|mutation) (\w+)/)?.[1],
      ]),
    );
    const asked: string[] = [];
    const page = await sessionOf(demo, 'office-zhang', (opened) => {
      opened.context.on('request', (request: Request) => {
        if (!request.url().endsWith('/graphql')) return;
        const body = request.postDataJSON() as {
          extensions?: { persistedQuery?: { sha256Hash?: string } };
        };
        const hash = body.extensions?.persistedQuery?.sha256Hash ?? '';
        asked.push(names.get(hash) ?? hash);
      });
    });
    await page.waitForSelector('main [data-ready="workbench"]');
    await page.waitForLoadState('networkidle');
    const unassigned = await page.textContent('[data-section="unassigned"]');
    for (const title of titles) expect(unassigned).toContain(title);
    expect(asked.filter((name) => name === 'OfficeRulingDetails')).toHaveLength(1);
    expect(asked.filter((name) => name === 'OfficeRulings')).toHaveLength(1);
  });
});

describe('every page used', () => {
  it('threw no error', () => {
    expect(demo.sessions.flatMap((opened) => opened.errors)).toEqual([]);
  });
});
