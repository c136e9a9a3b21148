import type { Page } from 'playwright-core';
import { demoConsole, sessionOf } from './browser.ts';

// The judgement a 督查室 signs, through the console in Debian's Chromium against the
// demo year (its clock on 2021-12-31): a task's 延期 through its three steps, and 加分.

const demo = demoConsole();

const session = (sub: string): Promise<Page> => sessionOf(demo, sub);

const asOffice = async <T>(query: string, variables: Record<string, unknown> = {}) => {
  const { data, errors } = await demo.system.gql<T>(
    query,
    variables,
    await demo.system.token('office'),
  );
  expect(errors).toBeUndefined();
  return data!;
};

type Task = {
  id: string;
  dueDate: string;
  leadUnit: { id: string };
  responsibleLeader: string | null;
};

/** Opens the task page as `sub` and waits for it. */
const taskPage = async (sub: string, taskId: string): Promise<Page> => {
  const page = await session(sub);
  await page.goto(`${demo.system.url}/#/tasks/${taskId}`);
  await page.waitForSelector('[data-ready="task"]');
  return page;
};

describe('a task’s extension (延期): asked by the lead unit, reviewed by the office, decided by the responsible leader', () => {
  let task: Task;

  beforeAll(async () => {
    const { tasks } = await asOffice<{ tasks: { edges: { node: Task }[] } }>(
      `{ tasks(filter: { statuses: [SIGNED, IN_PROGRESS] }, first: 100) {
        edges { node { id dueDate leadUnit { id } responsibleLeader } } } }`,
    );
    task = tasks.edges
      .map((edge) => edge.node)
      .find((node) => node.responsibleLeader === 'deputy-wang' && node.dueDate === '2021-12-31')!;
    expect(task).toBeDefined();
  });

  it('is asked for the task itself by the head of its lead unit', async () => {
    const page = await taskPage(`head-${task.leadUnit.id}`, task.id);
    await page.click('details:has(form[data-form="requestExtension"]) > summary');
    const form = 'form[data-form="requestExtension"]';
    await page.selectOption(`${form} select[name="milestoneId"]`, '');
    await page.fill(`${form} input[name="requestedDueDate"]`, '2022-01-31');
    await page.fill(`${form} textarea[name="reason"]`, '冬季停工，主体工程顺延一个月');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForSelector('[data-testid="extensions"] [data-stage="REQUESTED"]');
  });

  it('is forwarded by the office at its review (初审)', async () => {
    const page = await taskPage('office-zhang', task.id);
    await page.click(
      '[data-testid="extensions"] details:has(form[data-form="reviewExtension"]) > summary',
    );
    const form = '[data-testid="extensions"] form[data-form="reviewExtension"]';
    await page.selectOption(`${form} select[name="forward"]`, 'true');
    await page.fill(`${form} textarea[name="comment"]`, '理由属实，拟同意，呈分管领导');
    await page.click(`${form} button[type="submit"]`);
    // The page is drawn again once it is recorded: the form goes, the request at its next stage.
    await page.waitForSelector(form, { state: 'detached' });
    await page.waitForSelector('[data-testid="extensions"] [data-stage="REVIEWED"]');
  });

  it('is approved by the responsible leader alone, and the task’s due date moves', async () => {
    const other = await taskPage('deputy-zhao', task.id);
    expect(await other.$$('[data-testid="extensions"] form[data-form="approve"]')).toHaveLength(0);
    const page = await taskPage('deputy-wang', task.id);
    const approve = '[data-testid="extensions"] form[data-form="approve"]';
    await page.click(`${approve} button[type="submit"]`);
    await page.waitForSelector(approve, { state: 'detached' });
    await page.waitForSelector('[data-testid="extensions"] [data-stage="DECIDED"]');
    const { task: after } = await asOffice<{
      task: {
        dueDate: string;
        extensions: { status: string; reviewedBy: string; decidedBy: string }[];
      };
    }>('query($id: ID!) { task(id: $id) { dueDate extensions { status reviewedBy decidedBy } } }', {
      id: task.id,
    });
    expect(after.dueDate).toBe('2022-01-31');
    expect(after.extensions.at(-1)).toMatchObject({ status: 'APPROVED', decidedBy: 'deputy-wang' });
  });
});

describe('加分 awarded by a leader on the task page', () => {
  it('is listed on the task and counted in the unit’s score, item by item', async () => {
    const { tasks } = await asOffice<{ tasks: { edges: { node: Task }[] } }>(
      `{ tasks(filter: { statuses: [SIGNED, IN_PROGRESS] }, first: 100) {
        edges { node { id dueDate leadUnit { id } responsibleLeader } } } }`,
    );
    const task = tasks.edges[0]!.node;
    const scoreOf = async () => {
      const { responsibilityBoard } = await asOffice<{
        responsibilityBoard: { nodes: { score: number; bonusPoints: number }[] };
      }>(
        'query($u: ID) { responsibilityBoard(filter: { unitId: $u }) { nodes { score bonusPoints } } }',
        {
          u: task.leadUnit.id,
        },
      );
      return responsibilityBoard.nodes[0]!;
    };
    const before = await scoreOf();
    const page = await taskPage('deputy-wang', task.id);
    await page.click('details:has(form[data-form="awardBonus"]) > summary');
    const form = 'form[data-form="awardBonus"]';
    await page.selectOption(`${form} select[name="unitId"]`, task.leadUnit.id);
    await page.selectOption(`${form} select[name="kind"]`, 'COMMENDATION');
    await page.fill(`${form} input[name="points"]`, '9');
    await page.fill(`${form} textarea[name="reason"]`, '市领导肯定性批示');
    await page.click(`${form} button[type="submit"]`);
    // Above the ruleset's per-award maximum: refused beside the field, in Chinese.
    await page.waitForSelector(`${form} input[name="points"][aria-invalid="true"]`);
    expect(
      await page.$eval(`${form} input[name="points"] + .field-error`, (el) => el.textContent),
    ).toMatch(/须大于 0 且不超过 5 分/);
    await page.fill(`${form} input[name="points"]`, '2');
    await page.click(`${form} button[type="submit"]`);
    await page.waitForFunction(() => document.body.textContent?.includes('市领导肯定性批示'));
    await demo.system.settled();
    const after = await scoreOf();
    expect(after.bonusPoints).toBe(before.bonusPoints + 2);
    expect(after.score).toBe(before.score + 2);
  });
});
