import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, office } from '../support/broker-calls.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';

/** 10:00 in Beijing: the business day of the commands below. */
const at = (day: string) => `${day}T02:00:00.000Z`;
const clock = settableClock(at('2021-03-08'));

let sys: TestSystem;
const { call, refused } = brokerCalls(() => sys);

beforeAll(async () => {
  sys = await startTestSystem({ SUPERVISION_CLOCK_INTERVAL_MS: '0' }, { clock });
  for (const id of ['civil', 'edu']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
});
afterAll(() => sys.stop());

type Page = {
  kind: string;
  status: string;
  dueDate: string;
  source: { kind: string; documentNumber: string; issuer: string; issuedOn: string } | null;
  replies: { id: string; text: string; unit: { id: string } }[];
  evaluations: { rating: string; replyId: string }[];
  redos: { previousDueDate: string; dueDate: string }[];
};

const pageOf = async (taskId: string): Promise<Page> => {
  await sys.settled();
  return call<Page>('views.task', { id: taskId }, office);
};

const proposal = {
  title: '加快建设社区养老服务中心',
  source: {
    kind: 'cppcc_proposal',
    documentNumber: '第0123号',
    issuer: '张委员',
    issuedOn: '2021-03-05',
    originalText: '关于加快建设社区养老服务中心的提案',
  },
};

describe('a 政协提案 answered, rated 不满意, done again and rated 满意', () => {
  let taskId: string;
  let milestoneId: string;

  beforeAll(async () => {
    const { id } = await call('tasks.registerMatter', proposal, office);
    taskId = id as string;
    await call('tasks.assignTask', { taskId, leadUnitId: 'civil' }, office);
    await call('tasks.signTask', { taskId }, head('civil'));
    ({ milestoneId } = await call<{ milestoneId: string }>(
      'tasks.planMilestone',
      { taskId, title: '选址建设', dueDate: '2021-05-31', weight: 1 },
      office,
    ));
  });

  it('is registered from the day issued, due 60 working days on, its source on the page', async () => {
    const page = await pageOf(taskId);
    expect(page).toMatchObject({
      kind: 'cppcc_proposal',
      dueDate: '2021-06-01',
      source: { kind: 'cppcc_proposal', documentNumber: '第0123号', issuer: '张委员' },
    });
  });

  it('refuses the completion report until the proposal is answered', async () => {
    await call('tasks.completeMilestone', { taskId, milestoneId }, head('civil'));
    await refused(
      'tasks.reportTaskCompletion',
      { taskId, summary: '已建成' },
      head('civil'),
      'ILLEGAL_STATE',
      'taskId',
    );
  });

  it('closes once answered, and reopens on 不满意, keeping its due date (later than 20 working days on)', async () => {
    await call(
      'tasks.replyToSource',
      { taskId, text: '已选址两处，年内建成', documentNumber: '高新民〔2021〕12号' },
      head('civil'),
    );
    await call('tasks.reportTaskCompletion', { taskId, summary: '已建成' }, head('civil'));
    await call('tasks.acceptTaskCompletion', { taskId }, office);
    expect((await pageOf(taskId)).status).toBe('closed');

    clock.set(at('2021-03-15'));
    await call(
      'tasks.recordProposerEvaluation',
      { taskId, rating: 'dissatisfied', comment: '答复未说明建设资金来源' },
      office,
    );
    const page = await pageOf(taskId);
    expect(page.status).not.toBe('closed');
    // 20 working days from 15 March is 13 April: the redo takes no time away.
    expect(page.redos).toEqual([
      expect.objectContaining({ previousDueDate: '2021-06-01', dueDate: '2021-06-01' }),
    ]);
    expect(page.dueDate).toBe('2021-06-01');
  });

  it('counts the 不满意 against the lead unit that answered', async () => {
    await sys.settled();
    const board = await call<{ nodes: { unitId: string; deductions: { rule: string }[] }[] }>(
      'boards.responsibilityBoard',
      { first: 50, kind: 'cppcc_proposal' },
      office,
    );
    const civil = board.nodes.find((row) => row.unitId === 'civil');
    expect(civil?.deductions.map((item) => item.rule)).toEqual(['proposer_dissatisfied']);
  });

  it('is answered again, rated 满意 and closed again', async () => {
    await refused(
      'tasks.reportTaskCompletion',
      { taskId, summary: '已落实资金' },
      head('civil'),
      'ILLEGAL_STATE',
      'taskId',
    );
    clock.set(at('2021-03-22'));
    await call('tasks.replyToSource', { taskId, text: '资金已列入区财政预算' }, head('civil'));
    await call(
      'tasks.recordProposerEvaluation',
      { taskId, rating: 'satisfied', comment: '满意' },
      office,
    );
    await call('tasks.reportTaskCompletion', { taskId, summary: '已落实资金' }, head('civil'));
    await call('tasks.acceptTaskCompletion', { taskId }, office);
    const page = await pageOf(taskId);
    expect(page.status).toBe('closed');
    expect(page.replies.map((reply) => reply.unit.id)).toEqual(['civil', 'civil']);
    expect(page.evaluations.map((evaluation) => evaluation.rating)).toEqual([
      'dissatisfied',
      'satisfied',
    ]);
    expect(page.evaluations[1]?.replyId).toBe(page.replies[1]?.id);
  });

  it('is listed by kind, and the plan’s tasks are not', async () => {
    await call(
      'tasks.registerTask',
      { title: '新建学校3所', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
      office,
    );
    await sys.settled();
    const kindOf = async (kind: string) =>
      (
        await call<{ edges: { node: { id: string } }[] }>('views.tasks', { kind }, office)
      ).edges.map((edge) => edge.node.id);
    expect(await kindOf('cppcc_proposal')).toEqual([taskId]);
    expect(await kindOf('annual_plan')).not.toContain(taskId);
    expect(await kindOf('annual_plan')).toHaveLength(1);
  });
});
