import type { Page } from 'playwright-core';
import { signToken } from '../../infra/auth/tokens.ts';
import { demoConsole, sessionOf } from './browser.ts';
import { show } from './screens.ts';

// The console speaks Chinese throughout and names people, units and tasks by
// name (全中文、显示名称而非编号), for every role, in Debian's Chromium against
// the demo year: each role's navigation screens and the task page of a task
// with a rich history (a liaison's draft, light changes, a 催办 with a failed
// e-mail, a sub-task split off), the sub-task's, and a task from a matter
// source (事项来源, with the proposer's rating), folds opened, their visible text scanned for raw ids, English enum
// words and English sentences.
//
// E-mail goes to a closed port, so that the 催办's e-mail fails with the
// channel's own (English) error; retries wait an hour.

const run = demoConsole({
  NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9',
  NOTIFY_SMTP_FROM: 'duban@example.gov.cn',
  NOTIFY_QUIET_HOURS: 'none',
  NOTIFY_RETRY_BASE_MS: '3600000',
  NOTIFY_RETRY_CAP_MS: '3600000',
});

/**
 * The office's person as the demo sign-in names them: what they record is
 * named in the history, as it is for anyone signed in with a named token.
 */
const asOffice = async <T>(query: string, variables: Record<string, unknown> = {}) => {
  const token = await signToken(run.system.system.secret, {
    sub: 'office-zhang',
    role: 'office',
    name: '督查室张科长',
  });
  const { data, errors } = await run.system.gql<T>(query, variables, token);
  expect(errors).toBeUndefined();
  return data!;
};

/** Health (卫健局) leads both tasks: a running one, and the 建议 on a community clinic. */
const unit = 'health';
const matterTitle = '在产业园区增设社区卫生服务站';

type Milestone = { id: string; status: string; progress: number };
type Task = {
  id: string;
  title: string;
  milestones: Milestone[];
  lightChanges: { day: string }[];
};

/** A running task of the unit with an open milestone and light changes; and the matter's task. */
const pickTasks = async (): Promise<{ running: Task; matter: string }> => {
  const led = async (statuses: string) => {
    const { tasks } = await asOffice<{
      tasks: { edges: { node: { id: string; title: string } }[] };
    }>(
      `{ tasks(filter: { leadUnitId: "${unit}"${statuses} }, first: 100) {
        edges { node { id title } } } }`,
    );
    return tasks.edges.map((edge) => edge.node);
  };
  const matter = (await led('')).find((node) => node.title === matterTitle);
  expect(matter).toBeDefined();
  const { tasksById } = await asOffice<{ tasksById: Task[] }>(
    `query($ids: [ID!]!) { tasksById(ids: $ids) {
      id title milestones { id status progress } lightChanges { day } } }`,
    { ids: (await led(', statuses: [SIGNED, IN_PROGRESS]')).map((node) => node.id).slice(0, 50) },
  );
  const task = tasksById.find(
    (node) =>
      node.lightChanges.length > 0 &&
      node.milestones.filter((m) => m.status !== 'COMPLETED' && m.progress <= 80).length > 0,
  );
  expect(task).toBeDefined();
  return { running: task!, matter: matter!.id };
};

/** The unit's head named with an e-mail, then a 催办: its e-mail fails at the closed port. */
const urgeWithFailedEmail = async (taskId: string): Promise<void> => {
  await asOffice(
    `mutation($o: RegisterOfficialInput!, $p: AssignPostInput!, $c: ChangeOfficialContactsInput!) {
      registerOfficial(input: $o) { id }
      assignPost(input: $p) { revision }
      changeOfficialContacts(input: $c) { revision } }`,
    {
      o: { id: 'health-head-qian', name: '钱局长', title: '卫生健康局局长' },
      p: { officialId: 'health-head-qian', unitId: unit, post: 'UNIT_HEAD', from: '2021-12-01' },
      c: {
        officialId: 'health-head-qian',
        email: 'qian@health.example.gov.cn',
        channels: ['EMAIL'],
      },
    },
  );
  await asOffice(`mutation($input: UrgeTaskInput!) { urgeTask(input: $input) { urgeId } }`, {
    input: {
      taskId,
      unitId: unit,
      message: '请报送本月进度（中文界面测试）',
      replyBy: '2022-01-05',
    },
  });
  const until = Date.now() + 20_000;
  for (;;) {
    await run.system.settled();
    const { notifications } = await asOffice<{ notifications: { nodes: { id: string }[] } }>(
      `query($filter: NotificationFilter) { notifications(filter: $filter) { nodes { id } } }`,
      { filter: { status: 'FAILED', taskId } },
    );
    if (notifications.nodes.length > 0) return;
    if (Date.now() > until) throw new Error('no failed e-mail');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** A 社区卫生服务中心 under the unit, given a part of the task (分解交办): the sub-task's id. */
const splitOff = async (taskId: string): Promise<string> => {
  await asOffice(`mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id } }`, {
    input: { id: 'health-clinics', name: '社区卫生服务中心', parentUnitId: unit },
  });
  await asOffice(`mutation($input: SplitTaskInput!) { splitTask(input: $input) { splitId } }`, {
    input: {
      taskId,
      subTasks: [{ unitId: 'health-clinics', title: '社区医疗服务点建设', dueDate: '2021-12-31' }],
    },
  });
  await run.system.settled();
  const { task } = await asOffice<{ task: { subTasks: { taskId: string }[] } }>(
    'query($id: ID!) { task(id: $id) { subTasks { taskId } } }',
    { id: taskId },
  );
  expect(task.subTasks).toHaveLength(1);
  return task.subTasks[0]!.taskId;
};

/**
 * Latin text that is rightly so: the language switch, e-mail addresses,
 * SHA-256 hashes, and a system's error code kept beside its Chinese (ECONNREFUSED).
 */
const legitimate = [
  /^English$/,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /\b[0-9a-f]{64}\b/g,
  /\bSHA-256\b/g,
  /\bE[A-Z]{3,}\b/g,
];

/**
 * What reads as untranslated: a uuid, an id (`liaison-health`, `task-…`), an
 * enum value (`in_progress`, `LEADER_INSTRUCTION`), an enum word in capitals
 * (`PENDING`, `EMAIL`), and any lower-case Latin word (`behind`, `clock`).
 */
const faults: RegExp[] = [
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g,
  /\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g,
  /\b(?:PENDING|DELIVERED|FAILED|EMAIL|SMS|DINGTALK|WECOM|GREEN|RED|YELLOW|BLUE|NONE|NULL)\b/g,
  /\b[a-z]{2,}\b/g,
];

/**
 * The text a person reads on the page as it stands, folds open; the inputs'
 * values and code blocks (the inspector's raw JSON) are not read.
 */
const visibleText = async (page: Page): Promise<string> =>
  page.evaluate(() => {
    for (const fold of document.querySelectorAll('details:not([open])')) {
      (fold as HTMLDetailsElement).open = true;
    }
    const skipped = [...document.querySelectorAll<HTMLElement>('pre, code')];
    for (const element of skipped) element.style.display = 'none';
    // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out is what a person reads.
    const text = document.body.innerText;
    for (const element of skipped) element.style.display = '';
    return text;
  });

/** Each line of `text` that reads as untranslated, with what gave it away. */
const untranslated = (text: string): string[] =>
  text.split('\n').flatMap((raw) => {
    let line = raw;
    for (const pattern of legitimate) line = line.replace(pattern, ' ');
    const found = new Set(faults.flatMap((pattern) => line.match(pattern) ?? []));
    return found.size > 0 ? [`«${raw.trim().slice(0, 160)}» [${[...found].join(', ')}]`] : [];
  });

/** The faults of the page as it stands, each named by `where`. */
const scan = async (page: Page, where: string): Promise<string[]> =>
  [...new Set(untranslated(await visibleText(page)))].map((fault) => `${where}: ${fault}`);

/** Every navigation screen of the signed-in person, then each task page of `taskIds`, scanned. */
const scanScreens = async (page: Page, sub: string, taskIds: string[]): Promise<string[]> => {
  const hashes = await page.$$eval('header nav a', (links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  const found: string[] = [];
  for (const hash of [...hashes, ...taskIds.map((id) => `#/tasks/${id}`)]) {
    await show(page, hash);
    if (hash === '#/notifications') {
      // Every status, not only the failed ones shown first.
      await show(page, '#/notifications?status=ALL');
    }
    found.push(...(await scan(page, `${sub} ${hash.replace(/[0-9a-f-]{36}/, '<task>')}`)));
  }
  return found;
};

/** The liaison's report on the running task's open milestone: a draft awaiting its head. */
const draftAsLiaison = async (page: Page, task: Task): Promise<void> => {
  await show(page, `#/tasks/${task.id}`);
  const milestone = task.milestones.find((m) => m.status !== 'COMPLETED' && m.progress <= 80)!;
  await page.click('details:has(form[data-form="reportProgress"]) > summary');
  const form = 'form[data-form="reportProgress"]';
  await page.selectOption(`${form} select[name="milestoneId"]`, milestone.id);
  await page.fill(`${form} input[name="percent"]`, String(milestone.progress + 10));
  await page.fill(`${form} textarea[name="note"]`, '中文界面测试的拟报');
  await page.click(`${form} button[type="submit"]`);
  await page.waitForSelector('section.drafts tr:has-text("中文界面测试的拟报")');
};

describe('the console in Chinese, names instead of ids (全中文界面)', () => {
  let running: Task;
  let matter: string;
  let subTask: string;

  beforeAll(async () => {
    ({ running, matter } = await pickTasks());
    await urgeWithFailedEmail(running.id);
    subTask = await splitOff(running.id);
  });

  // The liaison first: the others see its draft.
  const roles = [
    ['liaison-health', '联络员'],
    ['head-health', '责任单位负责人'],
    ['office-zhang', '督查室'],
    ['deputy-wang', '领导'],
    ['inspector-li', '纪检监察'],
  ] as const;

  it.each(roles)('shows %s (%s) no id, English word or sentence', async (sub) => {
    const page = await sessionOf(run, sub);
    if (sub === 'liaison-health') await draftAsLiaison(page, running);
    const found = await scanScreens(page, sub, [running.id, matter, subTask]);
    expect(found).toEqual([]);
  });
});
