import type { Page } from 'playwright-core';
import { matterDefaults } from '../../contracts/events/ruleset-events.ts';
import { calendarsInForce } from '../../domain/calendar/state-council.ts';
import { addWorkingDays } from '../../domain/calendar/work-calendar.ts';
import { demoConsole, screenshot, sessionOf } from './browser.ts';
import { show } from './screens.ts';

// Matters of other sources (事项来源) and 分解交办 through the console, in Debian's
// Chromium against the demo year (its clock on 2021-12-31): a 政协提案 registered,
// answered, rated 不满意, done again and rated 满意; a board filtered by kind; a task
// split among the units below its lead unit, its progress rolled up.

const demo = demoConsole();

const session = (sub: string): Promise<Page> => sessionOf(demo, sub);

/** The demo's day: the console's "today". */
const today = '2021-12-31';

/** Asks the API as `token`'s holder (the office when none), refusing any error. */
const api = async <T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> => {
  const { data, errors } = await demo.system.gql<T>(
    query,
    variables,
    token ?? (await demo.system.token('office')),
  );
  expect(errors).toBeUndefined();
  return data!;
};

/**
 * Opens the task page as `page`'s user, loaded afresh, and waits for it: a page
 * already there is reloaded, since moving to the address it shows draws nothing.
 */
const openTask = async (page: Page, taskId: string): Promise<void> => {
  const address = `${demo.system.url}/#/tasks/${taskId}`;
  if (page.url() === address) await page.reload();
  else await page.goto(address);
  await page.waitForSelector(`[data-ready="task"][data-task="${taskId}"]`);
};

/**
 * Sends a form on the task page and waits for the page drawn again: the form
 * sent is gone (every form is drawn anew), and `shown` stands on the page.
 */
const sendAndRedraw = async (page: Page, form: string, shown: string): Promise<void> => {
  const sent = (await page.$(form))!;
  await page.click(`${form} button[type="submit"]`);
  await page.waitForFunction((element) => !element.isConnected, sent);
  await page.waitForSelector(`[data-ready="task"] ${shown}`);
};

/** Sends `form` with `value` in `field`, and waits for the refusal beside that field. */
const refusedBeside = async (
  page: Page,
  form: string,
  field: string,
  value: string,
  refusal: string,
): Promise<void> => {
  await page.fill(`${form} input[name="${field}"]`, value);
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector(`${form} input[name="${field}"][aria-invalid="true"]`);
  expect(
    await page.$eval(`${form} input[name="${field}"] + .field-error`, (el) => el.textContent),
  ).toBe(refusal);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(field);
};

/** The rows of the task page's table captioned `caption`, each row's cells' text. */
const tableRows = (page: Page, caption: string): Promise<string[][]> =>
  page
    .locator(`table:has(caption:text-is("${caption}")) tbody tr`)
    .evaluateAll((rows) =>
      rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
    );

describe('a 政协提案 registered by the office, answered, rated 不满意, done again', () => {
  const title = '加强社区老年助餐服务';
  const issuedOn = '2021-12-20';
  const originalText = '老年人就餐不便，建议在各社区设置老年助餐点，并给予就餐补贴。';
  let office: Page;
  let taskId = '';

  beforeAll(async () => {
    office = await session('office-zhang');
  });

  it('is refused beside the 文号, in Chinese, when the number is missing', async () => {
    const form = 'form[data-form="wbRegisterMatter"]';
    await office.selectOption(`${form} select[name="kind"]`, 'CPPCC_PROPOSAL');
    expect(await office.textContent(`${form} select[name="kind"] option:checked`)).toBe(
      '政协委员提案',
    );
    await office.fill(`${form} input[name="title"]`, title);
    await office.fill(`${form} input[name="issuer"]`, '周委员');
    await office.fill(`${form} input[name="issuedOn"]`, issuedOn);
    await office.fill(`${form} textarea[name="originalText"]`, originalText);
    await office.click(`${form} button[type="submit"]`);
    await office.waitForSelector(`${form} input[name="documentNumber"][aria-invalid="true"]`);
    expect(
      await office.$eval(
        `${form} input[name="documentNumber"] + .field-error`,
        (el) => el.textContent,
      ),
    ).toBe('该类事项须填写文号');
    expect(await office.textContent(`${form} .form-status`)).toBe(
      '未能完成：文号：该类事项须填写文号',
    );
    expect(await office.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'documentNumber',
    );
    // Nothing was registered.
    const { tasks } = await api<{ tasks: { edges: { node: { title: string } }[] } }>(
      '{ tasks(filter: { kind: CPPCC_PROPOSAL }, first: 100) { edges { node { title } } } }',
    );
    expect(tasks.edges.map((edge) => edge.node.title)).not.toContain(title);
  });

  it('is registered with its 文号, due by the rules, and its desk opens', async () => {
    const form = 'form[data-form="wbRegisterMatter"]';
    await office.fill(`${form} input[name="documentNumber"]`, '提案第0208号');
    // Each kind its rules: a clue (线索) without its channel is refused beside the channel.
    await office.selectOption(`${form} select[name="kind"]`, 'PUBLIC_CLUE');
    await office.click(`${form} button[type="submit"]`);
    await office.waitForSelector(`${form} select[name="channel"][aria-invalid="true"]`);
    expect(
      await office.$eval(`${form} select[name="channel"] + .field-error`, (el) => el.textContent),
    ).toBe('群众诉求/督查线索须选择渠道');
    expect(await office.$$(`${form} input[name="documentNumber"][aria-invalid]`)).toHaveLength(0);
    await office.selectOption(`${form} select[name="kind"]`, 'CPPCC_PROPOSAL');
    await office.click(`${form} button[type="submit"]`);
    await office.waitForSelector('[data-ready="workbench-task"]');
    taskId = (await office.getAttribute('[data-ready="workbench-task"]', 'data-task'))!;
    expect(await office.textContent('h1')).toBe(`办理：${title}`);
    const { task } = await api<{
      task: { kind: string; plannedStart: string; dueDate: string; status: string };
    }>('query ($id: ID!) { task(id: $id) { kind plannedStart dueDate status } }', { id: taskId });
    // 提案: 60 working days from the day issued (the ruleset's default limit).
    const limit = matterDefaults.limits.find((entry) => entry.kind === 'cppcc_proposal')!;
    expect(task).toEqual({
      kind: 'CPPCC_PROPOSAL',
      plannedStart: issuedOn,
      dueDate: addWorkingDays(calendarsInForce([]), issuedOn, limit.workingDays),
      status: 'REGISTERED',
    });
  });

  it('is assigned on its desk to 民政局', async () => {
    const form = 'form[data-form="wbAssign"]';
    await office.selectOption(`${form} select[name="leadUnitId"]`, { label: '民政局' });
    await office.selectOption(`${form} select[name="responsibleLeader"]`, { label: '王副主任' });
    const sent = (await office.$(form))!;
    await office.click(`${form} button[type="submit"]`);
    await office.waitForFunction((element) => !element.isConnected, sent);
    await office.waitForFunction(() =>
      document.querySelector('[data-section="assignment"] dl')?.textContent?.includes('民政局'),
    );
  });

  it('shows its source on the task page: kind, 文号, issuer, day issued, original text', async () => {
    await openTask(office, taskId);
    const block = '[data-ready="task"] section.matter-source[data-kind="CPPCC_PROPOSAL"]';
    await office.waitForSelector(block);
    const facts = await office.$$eval(`${block} dl > *`, (items) =>
      items.map((item) => item.textContent),
    );
    expect(facts).toEqual([
      '事项来源',
      '政协委员提案',
      '文号',
      '提案第0208号',
      '来源（批示领导、会议名称、代表委员或来电人）',
      '周委员',
      '交办日期',
      issuedOn,
      '原文',
      originalText,
    ]);
    expect(await office.$$(`${block} [data-awaits-reply]`)).toHaveLength(1);
    expect(await office.textContent('dd[data-kind]')).toBe('政协委员提案');
    // No answer yet: nothing for the office to rate.
    expect(await office.$$('form[data-form="recordProposerEvaluation"]')).toHaveLength(0);
    await screenshot(office, '60-matter-source');
  });

  /** The lead unit's head answers the source on the task page (办理答复). */
  const answer = async (text: string, replyNumber: string, answers: number) => {
    const head = await session('head-civil');
    await openTask(head, taskId);
    await head.click('details:has(form[data-form="replyToSource"]) > summary');
    const form = 'form[data-form="replyToSource"]';
    await head.fill(`${form} textarea[name="text"]`, text);
    await head.fill(`${form} input[name="documentNumber"]`, replyNumber);
    await sendAndRedraw(
      head,
      form,
      `table:has(caption:text-is("办理答复")) tbody tr:nth-child(${answers})`,
    );
    const replies = await tableRows(head, '办理答复');
    expect(replies.at(-1)).toEqual([today, '民政局', replyNumber, text]);
    // Answered: the note is gone; the rating is the office's.
    expect(await head.$$('[data-awaits-reply]')).toHaveLength(0);
    expect(await head.$$('form[data-form="recordProposerEvaluation"]')).toHaveLength(0);
  };

  /** The office records the proposer's rating on the task page. */
  const rate = async (rating: string, comment: string, shown: string) => {
    await openTask(office, taskId);
    await office.click('details:has(form[data-form="recordProposerEvaluation"]) > summary');
    const form = 'form[data-form="recordProposerEvaluation"]';
    await office.selectOption(`${form} select[name="rating"]`, rating);
    await office.fill(`${form} textarea[name="comment"]`, comment);
    await sendAndRedraw(office, form, shown);
  };

  it('is answered by the head of 民政局 (办理答复)', async () => {
    await answer('拟在三个社区试点老年助餐点。', '民复〔2021〕31号', 1);
  });

  it('is rated 不满意 by the office: reopened for 重新办理, with its new due date', async () => {
    const { task: before } = await api<{ task: { dueDate: string } }>(
      'query ($id: ID!) { task(id: $id) { dueDate } }',
      { id: taskId },
    );
    await rate(
      'DISSATISFIED',
      '答复未明确补贴标准，不满意。',
      'table:has(caption:text-is("重新办理")) tbody tr',
    );
    // 重新办理: the ruleset's redo limit in working days from today, or the matter's
    // own due date where that is later.
    const redoLimit = addWorkingDays(calendarsInForce([]), today, matterDefaults.redoWorkingDays);
    const redoDue = [before.dueDate, redoLimit].sort().at(-1);
    expect(await tableRows(office, '重新办理')).toEqual([[today, before.dueDate, redoDue]]);
    const ratings = await office.$$eval('[data-rating]', (cells) =>
      cells.map((cell) => [cell.getAttribute('data-rating'), cell.textContent]),
    );
    expect(ratings).toEqual([['DISSATISFIED', '不满意（重新办理）']]);
    expect(await tableRows(office, '满意度评价')).toEqual([
      [today, '不满意（重新办理）', '答复未明确补贴标准，不满意。'],
    ]);
    // The task is due the new day, and waits for an answer again.
    expect(await office.textContent('[data-ready="task"] dl.facts')).toContain(redoDue);
    expect(await office.$$('[data-awaits-reply]')).toHaveLength(1);
    expect(await office.$$('form[data-form="recordProposerEvaluation"]')).toHaveLength(0);
    const { task } = await api<{ task: { dueDate: string; redos: { dueDate: string }[] } }>(
      'query ($id: ID!) { task(id: $id) { dueDate redos { dueDate } } }',
      { id: taskId },
    );
    expect(task).toEqual({ dueDate: redoDue, redos: [{ dueDate: redoDue }] });
    await screenshot(office, '61-matter-redo');
  });

  it('is answered again and rated 满意; nothing is left to rate', async () => {
    await answer('已在五个社区设置助餐点，补贴标准为每餐3元。', '民复〔2021〕35号', 2);
    await rate(
      'SATISFIED',
      '补贴标准已明确，满意。',
      'table:has(caption:text-is("满意度评价")) tbody tr:nth-child(2)',
    );
    expect(await tableRows(office, '满意度评价')).toEqual([
      [today, '不满意（重新办理）', '答复未明确补贴标准，不满意。'],
      [today, '满意', '补贴标准已明确，满意。'],
    ]);
    expect(await office.$$('form[data-form="recordProposerEvaluation"]')).toHaveLength(0);
    expect(await office.$$('[data-awaits-reply]')).toHaveLength(0);
    // One 重新办理 only.
    expect(await tableRows(office, '重新办理')).toHaveLength(1);
  });
});

describe('a board filtered by kind (事项来源)', () => {
  it('lists only the matters of that kind: the demo’s two assumed 人大代表建议', async () => {
    const { tasks } = await api<{ tasks: { edges: { node: { title: string } }[] } }>(
      '{ tasks(filter: { kind: DEPUTY_SUGGESTION }, first: 200) { edges { node { title } } } }',
    );
    const suggestions = tasks.edges.map((edge) => edge.node.title).sort();
    expect(suggestions).toEqual(['优化园区通勤公交线路', '在产业园区增设社区卫生服务站'].sort());

    const viewer = await session('deputy-wang');
    await show(viewer, '#/boards/progress');
    const unfiltered = await viewer.$$eval('main table tbody tr', (rows) => rows.length);
    const board = (await viewer.$('[data-ready="progress"]'))!;
    await viewer.selectOption('form.filters select[name="kind"]', { label: '人大代表建议' });
    await viewer.click('form.filters button[type="submit"]');
    // The board drawn anew for the new address: the old one gone, the filter kept.
    await viewer.waitForFunction((element) => !element.isConnected, board);
    await viewer.waitForSelector('[data-ready="progress"]');
    expect(await viewer.evaluate(() => location.hash)).toContain('kind=DEPUTY_SUGGESTION');
    expect(await viewer.inputValue('form.filters select[name="kind"]')).toBe('DEPUTY_SUGGESTION');
    const titles = await viewer.$$eval('main table tbody tr td:first-child', (cells) =>
      cells.map((cell) => cell.textContent ?? ''),
    );
    expect(titles.sort()).toEqual(suggestions);
    expect(unfiltered).toBeGreaterThan(titles.length);
    expect(await viewer.textContent('main .board-day')).toContain('共 2 条');
  });
});

/**
 * Waits until the task is registered: a split's sub-tasks are registered by the
 * tasks service after the split is recorded, not in the same command.
 */
const registered = async (taskId: string): Promise<void> => {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { data } = await demo.system.gql<{ task: { status: string } | null }>(
      'query ($id: ID!) { task(id: $id) { status } }',
      { id: taskId },
      await demo.system.token('office'),
    );
    if (data?.task?.status) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`sub-task ${taskId} was never registered`);
};

describe('分解交办: a task split by its lead unit’s head among the units below it', () => {
  const parentTitle = '背街小巷环境整治';
  const units = [
    { id: 'urban-sanitation', name: '市容环卫科' },
    { id: 'urban-enforcement', name: '综合执法大队' },
  ];
  let taskId = '';
  let head: Page;

  beforeAll(async () => {
    // The demo's units are flat: two 科室 placed below 城市管理局 first.
    for (const unit of units) {
      await api('mutation ($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }', {
        input: { ...unit, parentUnitId: 'urban' },
      });
    }
    const { registerTask } = await api<{ registerTask: { id: string } }>(
      'mutation ($input: RegisterTaskInput!) { registerTask(input: $input) { id } }',
      {
        input: {
          title: parentTitle,
          section: '城市更新（测试）',
          plannedStart: '2021-12-01',
          dueDate: '2022-06-30',
        },
      },
    );
    taskId = registerTask.id;
    await api('mutation ($input: AssignTaskInput!) { assignTask(input: $input) { position } }', {
      input: { taskId, leadUnitId: 'urban', responsibleLeader: 'deputy-sun' },
    });
    await api(
      'mutation ($input: SignTaskInput!) { signTask(input: $input) { position } }',
      { input: { taskId } },
      await demo.system.token('department_head', 'urban'),
    );
    await demo.system.settled();
    head = await session('head-urban');
  });

  it('is split from the task page into two sub-tasks, each with its unit and weight', async () => {
    await openTask(head, taskId);
    const form = 'form[data-form="splitTask"]';
    // Only the units below the lead unit are offered.
    const offered = await head.$$eval(`${form} select[name="unit0"] option`, (options) =>
      options.map((option) => option.textContent),
    );
    expect(offered).toEqual(units.map((unit) => unit.name));
    // Two sub-units: two rows.
    expect(await head.$$(`${form} select[name^="unit"]`)).toHaveLength(2);
    expect(await head.inputValue(`${form} input[name="due0"]`)).toBe('2022-06-30');
    await head.selectOption(`${form} select[name="unit0"]`, { label: '市容环卫科' });
    await head.fill(`${form} input[name="title0"]`, '主次干道保洁提升');
    await head.fill(`${form} input[name="due0"]`, '2022-03-31');
    await head.fill(`${form} input[name="weight0"]`, '3');
    await head.selectOption(`${form} select[name="unit1"]`, { label: '综合执法大队' });
    await head.fill(`${form} input[name="title1"]`, '占道经营整治');
    // A sub-task due after the task, a weight of 0: refused beside the row's own field.
    await refusedBeside(
      head,
      form,
      'due1',
      '2022-07-31',
      '须在任务剩余期限内（2021-12-31 至 2022-06-30）',
    );
    expect(await head.textContent(`${form} .form-status`)).toBe(
      '未能完成：完成时限：须在任务剩余期限内（2021-12-31 至 2022-06-30）',
    );
    await head.fill(`${form} input[name="due1"]`, '2022-06-30');
    await refusedBeside(head, form, 'weight0', '0', '须大于 0 且不超过 100');
    await head.fill(`${form} input[name="weight0"]`, '3');
    await head.fill(`${form} input[name="weight1"]`, '1');
    await sendAndRedraw(head, form, 'section.sub-tasks[data-sub-tasks="2"]');
    const rows = await tableRows(head, '分解任务');
    expect(rows.map((row) => row.slice(0, 5))).toEqual([
      ['主次干道保洁提升', '市容环卫科', '3', '2022-03-31', '0%'],
      ['占道经营整治', '综合执法大队', '1', '2022-06-30', '0%'],
    ]);
    expect(await head.textContent('[data-rolled-up]')).toBe('0%');
    await screenshot(head, '62-split-task');
  });

  it('shows the progress rolled up once a sub-unit reports', async () => {
    const { task } = await api<{ task: { subTasks: { taskId: string; unit: { id: string } }[] } }>(
      'query ($id: ID!) { task(id: $id) { subTasks { taskId unit { id } } } }',
      { id: taskId },
    );
    const sanitation = task.subTasks.find((sub) => sub.unit.id === 'urban-sanitation')!;
    await registered(sanitation.taskId);
    const token = await demo.system.token('department_head', 'urban-sanitation');
    await api(
      'mutation ($input: SignTaskInput!) { signTask(input: $input) { position } }',
      { input: { taskId: sanitation.taskId } },
      token,
    );
    await api(
      'mutation ($input: ReportProgressInput!) { reportProgress(input: $input) { position } }',
      {
        input: {
          taskId: sanitation.taskId,
          milestoneId: `${sanitation.taskId}.m1`,
          percent: 40,
          note: '主干道保洁已完成四成',
        },
      },
      token,
    );
    await demo.system.settled();
    await openTask(head, taskId);
    const rows = await tableRows(head, '分解任务');
    expect(rows.map((row) => [row[0], row[4]])).toEqual([
      ['主次干道保洁提升', '40%'],
      ['占道经营整治', '0%'],
    ]);
    // Weights 3 and 1, the task's own part no milestone: 3 × 40% / 4.
    expect(await head.textContent('[data-rolled-up]')).toBe('30%');
    // The task's own facts count it as the boards do: rolled up, its own part beside it.
    expect(await head.textContent('dd[data-progress]')).toMatch(/^30%（本级 0%） /);
    // The sub-task's page names the task it was split from.
    await head.click(`a[href="#/tasks/${sanitation.taskId}"]`);
    await head.waitForSelector(`[data-ready="task"][data-task="${sanitation.taskId}"]`);
    expect(await head.textContent('.parent-task')).toBe(`上级任务：${parentTitle}`);
  });

  it('is on the board filtered by 城市管理局 and the units below it, each sub-task too', async () => {
    await show(head, '#/boards/progress?unitSubtree=urban&sort=TITLE');
    const titles = await head.$$eval('main table tbody tr td:first-child', (cells) =>
      cells.map((cell) => cell.textContent ?? ''),
    );
    expect(titles).toEqual(
      expect.arrayContaining([parentTitle, '主次干道保洁提升', '占道经营整治']),
    );
    // The task's actual progress on the board: rolled up, as on its page.
    const actual = await head
      .locator('main table tbody tr', { hasText: parentTitle })
      .locator('td:nth-child(3)')
      .textContent();
    expect(actual).toBe('30%');
    await show(head, '#/boards/progress?unitSubtree=urban-sanitation');
    const own = await head.$$eval('main table tbody tr td:first-child', (cells) =>
      cells.map((cell) => cell.textContent ?? ''),
    );
    expect(own).toEqual(['主次干道保洁提升']);
  });
});

describe('a sub-task seen by the head of the unit above its own', () => {
  it('is reported on from its page by the lead unit’s head, and the parent rolls it up', async () => {
    const head = await session('head-urban');
    const { tasks } = await api<{ tasks: { edges: { node: { id: string; title: string } }[] } }>(
      '{ tasks(filter: { unitSubtree: "urban-sanitation" }, first: 10) { edges { node { id title } } } }',
    );
    const subTask = tasks.edges
      .map((edge) => edge.node)
      .find((node) => node.title === '主次干道保洁提升')!;
    await openTask(head, subTask.id);
    const parent = await head.getAttribute('.parent-task a', 'href');
    const form = 'form[data-form="reportProgress"]';
    await head.click(`details:has(${form}) > summary`);
    await head.fill(`${form} input[name="percent"]`, '80');
    await head.fill(`${form} textarea[name="note"]`, '城管局督促，保洁提升过八成');
    await sendAndRedraw(head, form, 'dd[data-progress]:text-matches("^80%")');
    await demo.system.settled();
    await head.click('.parent-task a');
    await head.waitForSelector(
      `[data-ready="task"][data-task="${parent!.replace('#/tasks/', '')}"]`,
    );
    // 3 × 80% / 4.
    expect(await head.textContent('[data-rolled-up]')).toBe('60%');
  });
});

describe('every page used', () => {
  it('threw no error', () => {
    expect(demo.sessions.flatMap((opened) => opened.errors)).toEqual([]);
  });
});
