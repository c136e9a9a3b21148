import { settableClock } from '../../infra/clock/clock.ts';
import { supervisionYearCommands } from '../support/operations.ts';
import type { GraphQLResponse, TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

type Data = Record<string, Record<string, unknown>>;

const mutation = (name: string, inputType: string, fields = 'revision position') =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`;

const m = {
  registerUnit: mutation('registerUnit', 'RegisterUnitInput', 'id'),
  registerTask: mutation('registerTask', 'RegisterTaskInput', 'id'),
  assignTask: mutation('assignTask', 'AssignTaskInput'),
  planMilestone: mutation('planMilestone', 'PlanMilestoneInput', 'milestoneId'),
  completeMilestone: mutation('completeMilestone', 'CompleteMilestoneInput'),
  reportBlockage: mutation('reportBlockage', 'ReportBlockageInput', 'blockageId'),
  signTask: mutation('signTask', 'SignTaskInput'),
  requestDeadlineExtension: mutation(
    'requestDeadlineExtension',
    'RequestDeadlineExtensionInput',
    'requestId revision position',
  ),
  reviewDeadlineExtension: mutation('reviewDeadlineExtension', 'ReviewDeadlineExtensionInput'),
  approveDeadlineExtension: mutation('approveDeadlineExtension', 'ApproveDeadlineExtensionInput'),
  defineIndicator: mutation('defineIndicator', 'DefineIndicatorInput', 'indicatorId'),
  reportIndicatorValue: mutation('reportIndicatorValue', 'ReportIndicatorValueInput'),
  issueSupervisionNotice: mutation(
    'issueSupervisionNotice',
    'IssueSupervisionNoticeInput',
    'noticeId revision position',
  ),
  answerSupervisionNotice: mutation('answerSupervisionNotice', 'AnswerSupervisionNoticeInput'),
  issueLeadershipInstruction: mutation(
    'issueLeadershipInstruction',
    'IssueLeadershipInstructionInput',
    'instructionId',
  ),
  escalateBlockage: mutation('escalateBlockage', 'EscalateBlockageInput'),
  recordAccountability: mutation('recordAccountability', 'RecordAccountabilityInput', 'recordId'),
  reportTaskCompletion: mutation('reportTaskCompletion', 'ReportTaskCompletionInput'),
  acceptTaskCompletion: mutation('acceptTaskCompletion', 'AcceptTaskCompletionInput'),
  registerOfficial: mutation('registerOfficial', 'RegisterOfficialInput', 'id'),
  assignPost: mutation('assignPost', 'AssignPostInput'),
  publishRuleset: mutation('publishRuleset', 'PublishRulesetInput', 'version revision position'),
};

const historyQuery = `query($id: ID!) { taskHistory(taskId: $id, first: 200) { edges { node { type actor { id role } } } } }`;

describe('the supervision year through GraphQL', () => {
  let sys: TestSystem;
  const clock = settableClock('2021-03-01T02:00:00.000Z');
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    sys = await startTestSystem(
      { SERVICES: 'gateway,tasks,directory,rules,views,audit' },
      { clock },
    );
    tokens.office = await sys.token('office');
    tokens.leader = await sys.token('leader');
    tokens.otherLeader = await sys.token('leader', 'other');
    tokens.inspector = await sys.token('inspector');
    tokens.edu = await sys.token('department_head', 'edu');
    tokens.tech = await sys.token('department_head', 'tech');
    await ok(m.registerUnit, { id: 'edu', name: '教育局' });
    await ok(m.registerUnit, { id: 'tech', name: '科技局' });
  });
  beforeEach(() => clock.set('2021-03-01T02:00:00.000Z'));
  afterAll(() => sys.stop());

  const send = (query: string, input: Record<string, unknown>, as = 'office') =>
    sys.gql<Data>(query, { input }, tokens[as]);

  const ok = async (query: string, input: Record<string, unknown>, as = 'office') => {
    const result = await send(query, input, as);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data ?? {})[0] as Record<string, unknown>;
  };

  /** Expects the mutation refused with `code` (naming `field` when given), the store unchanged. */
  const refused = async (
    query: string,
    input: Record<string, unknown>,
    as: string,
    code: string,
    field?: string,
  ) => {
    const before = await sys.lastPosition();
    const result: GraphQLResponse = await send(query, input, as);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    if (field !== undefined) expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(await sys.lastPosition()).toBe(before);
  };

  /**
   * A task led by edu with one milestone due at the end of June, signed for by edu;
   * its responsible leader (分管领导) is the leader of `tokens.leader` (subject `leader`).
   */
  const signedTask = async () => {
    const { id } = await ok(m.registerTask, {
      title: '新建学校3所',
      section: '民生实事',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
    });
    const taskId = id as string;
    await ok(m.assignTask, { taskId, leadUnitId: 'edu', responsibleLeader: 'leader' });
    const { milestoneId } = await ok(m.planMilestone, {
      taskId,
      title: '完成选址',
      dueDate: '2021-06-30',
    });
    await ok(m.signTask, { taskId }, 'edu');
    return { taskId, milestoneId: milestoneId as string };
  };

  it('offers a mutation for every command of the task lifecycle, the directory and the rules', async () => {
    const result = await sys.gql<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { mutationType { fields { name } } } }',
      {},
      tokens.office,
    );
    const names = result.data?.__schema.mutationType.fields.map(({ name }) => name) ?? [];
    expect(names).toEqual(expect.arrayContaining([...supervisionYearCommands]));
  });

  it('plays a task from signing to its accepted completion, every step in its history', async () => {
    const task = await signedTask();
    const { requestId } = await ok(
      m.requestDeadlineExtension,
      { ...task, requestedDueDate: '2021-08-31', reason: '规划许可待批' },
      'edu',
    );
    await ok(m.reviewDeadlineExtension, {
      taskId: task.taskId,
      requestId,
      forward: true,
      comment: '拟同意，呈分管领导',
    });
    await ok(m.approveDeadlineExtension, { taskId: task.taskId, requestId }, 'leader');
    const { indicatorId } = await ok(m.defineIndicator, {
      taskId: task.taskId,
      name: '新建学校',
      unitOfMeasure: '所',
      target: 3,
      comparison: 'GTE',
      dueDate: '2021-12-31',
    });
    await ok(
      m.reportIndicatorValue,
      { taskId: task.taskId, indicatorId, value: 1, asOf: '2021-02-28' },
      'edu',
    );
    const { noticeId } = await ok(m.issueSupervisionNotice, {
      taskId: task.taskId,
      level: 'BLUE',
      toUnitId: 'edu',
      subject: '提示',
      body: '请关注选址进度',
      replyDueDate: '2021-03-05',
    });
    await ok(m.answerSupervisionNotice, { taskId: task.taskId, noticeId, answer: '已推进' }, 'edu');
    const { blockageId } = await ok(
      m.reportBlockage,
      { taskId: task.taskId, description: '用地待批' },
      'edu',
    );
    await ok(m.escalateBlockage, { taskId: task.taskId, blockageId, level: 1 }, 'leader');
    await ok(
      m.issueLeadershipInstruction,
      { taskId: task.taskId, text: '加快办理', addressedToUnitIds: ['edu'] },
      'leader',
    );
    await ok(
      m.recordAccountability,
      {
        taskId: task.taskId,
        against: { kind: 'UNIT', id: 'edu' },
        kind: 'INTERVIEW',
        reason: '选址滞后',
      },
      'inspector',
    );
    await ok(m.completeMilestone, task, 'edu');
    await ok(m.reportTaskCompletion, { taskId: task.taskId, summary: '已完成' }, 'edu');
    await ok(m.acceptTaskCompletion, { taskId: task.taskId }, 'office');

    const history = await sys.gql<{
      taskHistory: { edges: { node: { type: string; actor: { role: string } } }[] };
    }>(historyQuery, { id: task.taskId }, tokens.inspector);
    const events = history.data?.taskHistory.edges.map((edge) => edge.node);
    expect(events?.map(({ type, actor }) => [type, actor.role])).toEqual([
      ['TaskRegistered', 'OFFICE'],
      ['TaskAssigned', 'OFFICE'],
      ['MilestonePlanned', 'OFFICE'],
      ['TaskSigned', 'DEPARTMENT_HEAD'],
      ['DeadlineExtensionRequested', 'DEPARTMENT_HEAD'],
      ['DeadlineExtensionReviewed', 'OFFICE'],
      ['DeadlineExtensionApproved', 'LEADER'],
      ['IndicatorDefined', 'OFFICE'],
      ['IndicatorValueReported', 'DEPARTMENT_HEAD'],
      ['SupervisionNoticeIssued', 'OFFICE'],
      ['SupervisionNoticeAnswered', 'DEPARTMENT_HEAD'],
      ['BlockageReported', 'DEPARTMENT_HEAD'],
      ['BlockageEscalated', 'LEADER'],
      ['LeadershipInstructionIssued', 'LEADER'],
      ['AccountabilityRecorded', 'INSPECTOR'],
      ['MilestoneCompleted', 'DEPARTMENT_HEAD'],
      ['TaskCompletionReported', 'DEPARTMENT_HEAD'],
      ['TaskCompletionAccepted', 'OFFICE'],
    ]);
  });

  it('refuses an extension asked after the deadline with ILLEGAL_STATE, the store unchanged', async () => {
    const task = await signedTask();
    clock.set('2021-07-01T02:00:00.000Z');
    await refused(
      m.requestDeadlineExtension,
      { ...task, requestedDueDate: '2021-08-31', reason: '来不及' },
      'edu',
      'ILLEGAL_STATE',
      'milestoneId',
    );
  });

  it('refuses a decision before the office’s review, and a leader not responsible for the task', async () => {
    const task = await signedTask();
    const { requestId } = await ok(
      m.requestDeadlineExtension,
      { taskId: task.taskId, requestedDueDate: '2022-01-31', reason: '设备到货延迟' },
      'edu',
    );
    const request = { taskId: task.taskId, requestId };
    await refused(m.approveDeadlineExtension, request, 'leader', 'ILLEGAL_STATE', 'requestId');
    await ok(m.reviewDeadlineExtension, { ...request, forward: true, comment: '同意' });
    const another = await send(m.approveDeadlineExtension, request, 'otherLeader');
    expect(another.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(another.errors?.[0]?.message).toContain('leader');
    await ok(m.approveDeadlineExtension, request, 'leader');
  });

  it('refuses a department head of another unit with FORBIDDEN, the store unchanged', async () => {
    const task = await signedTask();
    await refused(
      m.requestDeadlineExtension,
      { ...task, requestedDueDate: '2021-08-31', reason: '代为申请' },
      'tech',
      'FORBIDDEN',
    );
    await refused(m.completeMilestone, task, 'tech', 'FORBIDDEN');
  });

  it('refuses bad input with VALIDATION naming the field', async () => {
    const { taskId } = await signedTask();
    await refused(
      m.reportTaskCompletion,
      { taskId, summary: '已完成', evidence: [{ fileName: 'a.pdf', sha256: 'xyz', size: 1 }] },
      'edu',
      'VALIDATION',
      'evidence[0].sha256',
    );
    await refused(
      m.issueSupervisionNotice,
      {
        taskId,
        level: 'GREEN',
        toUnitId: 'edu',
        subject: '提示',
        body: '正文',
        replyDueDate: '2021-03-05',
      },
      'office',
      'VALIDATION',
      'level',
    );
  });

  it('answers a retried notice with the same id and stores it once', async () => {
    const { taskId } = await signedTask();
    const input = {
      taskId,
      level: 'RED',
      toUnitId: 'edu',
      subject: '专报',
      body: '严重滞后',
      replyDueDate: '2021-03-05',
      idempotencyKey: 'notice-red-1',
    };
    const before = await sys.lastPosition();

    const first = await ok(m.issueSupervisionNotice, input);
    const retry = await ok(m.issueSupervisionNotice, input);

    expect(retry).toEqual(first);
    expect(await sys.lastPosition()).toBe(before + 1);
  });

  it('keeps the directory of officials and the rules, and answers for a given day', async () => {
    await ok(m.registerOfficial, { id: 'zhang', name: '张某', title: '教育局局长' });
    await ok(m.assignPost, {
      officialId: 'zhang',
      unitId: 'edu',
      post: 'UNIT_HEAD',
      from: '2021-01-01',
    });
    const published = await ok(m.publishRuleset, {
      version: 1,
      inForceFrom: '2021-04-01',
      lights: { yellowBehindPoints: 8, redBehindPoints: 25, yellowDueWithinDays: 3 },
      reminderLeadDays: 3,
      escalation: { toResponsibleLeaderAfterDays: 3, toMainLeaderAfterDays: 7 },
      scoring: { leadUnitFailedTask: -5, cooperatingUnitFailedTask: -3, pingPongPerUnit: -1 },
    });

    const read = await sys.gql<Data>(
      `{
        holders: postHolders(unitId: "edu", date: "2021-03-01", post: UNIT_HEAD) {
          officialId official { name }
        }
        officials { id posts { unitId post from vacatedOn } }
        rulesets { version }
        march: rulesetInForce(date: "2021-03-31") { version lights { yellowBehindPoints } }
        april: rulesetInForce(date: "2021-04-01") { version lights { yellowBehindPoints } }
      }`,
      {},
      tokens.edu,
    );

    expect(read.errors).toBeUndefined();
    expect(published).toEqual({ version: 1, revision: 0, position: expect.any(Number) });
    expect(read.data).toEqual({
      holders: [{ officialId: 'zhang', official: { name: '张某' } }],
      officials: [
        {
          id: 'zhang',
          posts: [{ unitId: 'edu', post: 'UNIT_HEAD', from: '2021-01-01', vacatedOn: null }],
        },
      ],
      rulesets: [{ version: 0 }, { version: 1 }],
      march: { version: 0, lights: { yellowBehindPoints: 10 } },
      april: { version: 1, lights: { yellowBehindPoints: 8 } },
    });
  });
});
