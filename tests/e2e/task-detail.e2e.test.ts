import { settableClock } from '../../infra/clock/clock.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

/*
 * A task's supervision year through the real mutations over HTTP, then its whole
 * page through `task(id)`: every part a typed field, every unit named, and the
 * history reachable from the page itself.
 */

const taskPage = `query($id: ID!) { task(id: $id) {
  id status dueDate progress position overdueMilestones openBlockages completedAt lastReportedAt suspended
  leadUnit { id name } cooperatingUnits { id name }
  signatures { unit { id name } signedAt signedBy current }
  handovers { kind fromUnit { id } toUnit { id name } reason at by }
  milestones { id dueDate originalDueDate progress status overdue lastReportedByUnit { id }
    lastEvidence { fileName sha256 size }
    overdueRecords { dueDate recordedOn } reminders { dueDate remindedOn }
    extensions { id status newDueDate rejectionReason } }
  extensions { id milestoneId currentDueDate requestedDueDate status stage reviewedBy reviewComment
    decidedBy newDueDate rejectionReason }
  blockages { id status escalationLevel waitingOnUnit { id name } coordinatorUnit { id name }
    escalations { level escalatedByRole escalatedBy } reopenings { reason previousResolution }
    partDone { unit { id name } note declaredBy } }
  indicators { id target comparison unitOfMeasure baseline valueCount
    latest { value source } latestSelfReported { value asOf reportedByUnitId }
    latestMeasured { value asOf reportedBy } }
  notices { id level toUnit { id name } subject replyDueDate answered answer answeredBy }
  instructions { id text issuedBy addressedToUnits { id name } }
  accountabilityRecords { id against { kind id unit { name } } kind reason scoreDeduction recordedBy }
  completion { state summary evidence { fileName } rejections { reason rejectedBy } acceptedBy }
  suspensions { reason resumeReason } termination { reason }
  history(first: 200) { edges { node { type revision actor { id role } } } }
} }`;

const tasksQuery = `query($filter: TaskFilter, $orderBy: TaskOrder) {
  tasks(filter: $filter, orderBy: $orderBy) {
    totalCount edges { node { id title status progress overdueMilestones nextDueDate leadUnit { id } } }
  } }`;

const evidence = { fileName: 'report.pdf', sha256: 'ab'.repeat(32), size: 2048 };

type Json = Record<string, unknown>;

describe('the task page of a task that went through the supervision year', () => {
  const clock = settableClock('2021-03-01T01:00:00Z');
  let sys: TestSystem;
  const tokens: Record<string, string> = {};

  /** Runs a mutation as `who`; returns its payload, failing the test on any error. */
  const run = (who: string, field: string, input?: Json) =>
    mutate(sys, tokens[who] ?? '', field, input);

  const read = async <T = Json>(query: string, variables: Json): Promise<T> => {
    await sys.settled();
    const result = await sys.gql<T>(query, variables, tokens.office);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };

  let taskId = '';
  let first = '';
  let second = '';

  beforeAll(async () => {
    sys = await startTestSystem({}, { clock });
    tokens.office = await sys.token('office');
    tokens.leader = await sys.token('leader');
    tokens.inspector = await sys.token('inspector');
    for (const unit of ['edu', 'env', 'land']) {
      tokens[unit] = await sys.token('department_head', unit);
    }
    for (const [id, name] of [
      ['edu', '教育局'],
      ['env', '生态环境局'],
      ['land', '自然资源局'],
    ]) {
      await run('office', 'registerUnit', { id, name });
    }
    taskId = (
      await run('office', 'registerTask', {
        title: '新建学校3所',
        section: '民生实事',
        plannedStart: '2021-01-01',
        dueDate: '2021-12-31',
      })
    ).id as string;
    await run('office', 'assignTask', {
      taskId,
      leadUnitId: 'edu',
      cooperatingUnitIds: ['env'],
      // The official's id: the subject of the leader's token, who decides its extensions.
      responsibleLeader: 'leader',
    });
    first = (
      await run('office', 'planMilestone', { taskId, title: '完成选址', dueDate: '2021-03-31' })
    ).milestoneId as string;
    second = (
      await run('office', 'planMilestone', {
        taskId,
        title: '主体封顶',
        dueDate: '2021-10-31',
        weight: 3,
      })
    ).milestoneId as string;
    await playTheYear();
  });
  afterAll(() => sys.stop());

  const playTheYear = async () => {
    await run('edu', 'signTask', { taskId });
    await run('env', 'signTask', { taskId });
    await run('edu', 'reportProgress', {
      taskId,
      milestoneId: first,
      percent: 50,
      evidence: [evidence],
    });
    const granted = await run('edu', 'requestDeadlineExtension', {
      taskId,
      milestoneId: first,
      requestedDueDate: '2021-04-30',
      reason: '用地审批延迟',
    });
    await run('office', 'reviewDeadlineExtension', {
      taskId,
      requestId: granted.requestId,
      forward: true,
      comment: '用地审批延迟属实',
    });
    await run('leader', 'approveDeadlineExtension', { taskId, requestId: granted.requestId });
    const refused = await run('edu', 'requestDeadlineExtension', {
      taskId,
      milestoneId: second,
      requestedDueDate: '2021-11-30',
      reason: '雨季',
    });
    await run('office', 'reviewDeadlineExtension', {
      taskId,
      requestId: refused.requestId,
      forward: true,
      comment: '呈分管领导',
    });
    await run('leader', 'rejectDeadlineExtension', {
      taskId,
      requestId: refused.requestId,
      reason: '理由不足',
    });
    // More time for the task itself, refused at the office's review: its due date stays.
    const declined = await run('edu', 'requestDeadlineExtension', {
      taskId,
      requestedDueDate: '2022-03-31',
      reason: '资金未到位',
    });
    await run('office', 'reviewDeadlineExtension', {
      taskId,
      requestId: declined.requestId,
      forward: false,
      comment: '年度任务不予延期',
    });
    const { blockageId } = await run('edu', 'reportBlockage', {
      taskId,
      description: '用地手续待批',
      waitingOnUnitId: 'env',
    });
    await run('leader', 'escalateBlockage', { taskId, blockageId, level: 1 });
    await run('leader', 'assignBlockageCoordination', {
      taskId,
      blockageId,
      coordinatorUnitId: 'land',
    });
    await run('env', 'declareBlockagePartDone', { taskId, blockageId, note: '环评已批复' });
    await run('edu', 'resolveBlockage', { taskId, blockageId, resolution: '已协调' });
    await run('office', 'reopenBlockage', { taskId, blockageId, reason: '省厅退回' });
    const { indicatorId } = await run('office', 'defineIndicator', {
      taskId,
      name: '新建学校',
      unitOfMeasure: '所',
      target: 3,
      comparison: 'GTE',
      dueDate: '2021-12-31',
      baseline: 0,
    });
    await run('edu', 'reportIndicatorValue', { taskId, indicatorId, value: 2, asOf: '2021-02-28' });
    await run('office', 'reportIndicatorValue', {
      taskId,
      indicatorId,
      value: 1,
      asOf: '2021-02-28',
      evidence: [evidence],
    });
    const { noticeId } = await run('office', 'issueSupervisionNotice', {
      taskId,
      level: 'YELLOW',
      toUnitId: 'edu',
      subject: '选址滞后',
      body: '请说明原因',
      replyDueDate: '2021-03-10',
    });
    await run('edu', 'answerSupervisionNotice', { taskId, noticeId, answer: '四月完成' });
    await run('leader', 'issueLeadershipInstruction', {
      taskId,
      text: '抓紧推进',
      addressedToUnitIds: ['edu', 'env'],
    });
    await run('inspector', 'recordAccountability', {
      taskId,
      against: { kind: 'UNIT', id: 'edu' },
      kind: 'CRITICISM',
      reason: '进度滞后',
      scoreDeduction: 2,
    });
    // 05-01 to 05-05 are the May Day holiday: the clock records on the next working day.
    clock.set('2021-05-06T01:00:00Z');
    await run('office', 'runClock');
    await run('office', 'transferTask', { taskId, toUnitId: 'land', reason: '用地问题归口' });
  };

  it('shows the lead unit after the transfer, with every handover and signature', async () => {
    const { task } = await read<{ task: Json }>(taskPage, { id: taskId });
    expect(task.leadUnit).toEqual({ id: 'land', name: '自然资源局' });
    expect(task.status).toBe('IN_PROGRESS');
    expect(task.handovers).toEqual([
      expect.objectContaining({
        kind: 'ASSIGNED',
        fromUnit: null,
        toUnit: { id: 'edu', name: '教育局' },
      }),
      expect.objectContaining({
        kind: 'TRANSFERRED',
        fromUnit: { id: 'edu' },
        toUnit: { id: 'land', name: '自然资源局' },
        reason: '用地问题归口',
        by: 'office',
      }),
    ]);
    expect(task.signatures).toEqual([
      expect.objectContaining({
        unit: { id: 'edu', name: '教育局' },
        current: false,
        signedBy: 'department_head-edu',
      }),
      expect.objectContaining({ unit: { id: 'env', name: '生态环境局' }, current: true }),
    ]);
  });

  it('shows the milestones at their current due dates, the extensions and the overdue fact', async () => {
    const { task } = await read<{ task: Record<string, Json[]> }>(taskPage, { id: taskId });
    const [one, two] = task.milestones ?? [];
    expect(one).toMatchObject({
      id: first,
      dueDate: '2021-04-30',
      originalDueDate: '2021-03-31',
      progress: 50,
      overdue: true,
      // The clock records the day it runs: here the 6th, the first working day after May Day.
      overdueRecords: [{ dueDate: '2021-04-30', recordedOn: '2021-05-06' }],
      lastReportedByUnit: { id: 'edu' },
      lastEvidence: [evidence],
      extensions: [{ status: 'APPROVED', newDueDate: '2021-04-30' }],
    });
    expect(two).toMatchObject({
      id: second,
      lastEvidence: [],
      dueDate: '2021-10-31',
      overdue: false,
      extensions: [{ status: 'REJECTED', rejectionReason: '理由不足' }],
    });
    expect(task.extensions?.map((e) => [e.milestoneId, e.status, e.stage, e.decidedBy])).toEqual([
      [first, 'APPROVED', 'DECIDED', 'leader'],
      [second, 'REJECTED', 'DECIDED', 'leader'],
      [null, 'DECLINED', 'REVIEWED', null],
    ]);
    expect(task.extensions?.[2]).toMatchObject({
      currentDueDate: '2021-12-31',
      requestedDueDate: '2022-03-31',
      reviewedBy: 'office',
      reviewComment: '年度任务不予延期',
      newDueDate: null,
    });
    expect(task.dueDate).toBe('2021-12-31');
    expect(task).toMatchObject({ overdueMilestones: 1 });
  });

  it('shows the blockage escalated by a leader, coordinated, resolved, reopened and escalated by the clock', async () => {
    const { task } = await read<{ task: Record<string, Json[]> }>(taskPage, { id: taskId });
    expect(task.blockages).toEqual([
      expect.objectContaining({
        status: 'OPEN',
        escalationLevel: 2,
        waitingOnUnit: { id: 'env', name: '生态环境局' },
        coordinatorUnit: { id: 'land', name: '自然资源局' },
        escalations: [
          { level: 1, escalatedByRole: 'LEADER', escalatedBy: 'leader' },
          { level: 2, escalatedByRole: 'SYSTEM', escalatedBy: 'clock' },
        ],
        reopenings: [{ reason: '省厅退回', previousResolution: '已协调' }],
        partDone: {
          unit: { id: 'env', name: '生态环境局' },
          note: '环评已批复',
          declaredBy: 'department_head-env',
        },
      }),
    ]);
    expect(task).toMatchObject({ openBlockages: 1 });
  });

  it('shows the indicator with its self-reported and measured values side by side', async () => {
    const { task } = await read<{ task: Record<string, Json[]> }>(taskPage, { id: taskId });
    expect(task.indicators).toEqual([
      expect.objectContaining({
        target: 3,
        comparison: 'GTE',
        unitOfMeasure: '所',
        baseline: 0,
        valueCount: 2,
        latest: { value: 1, source: 'MEASURED' },
        latestSelfReported: { value: 2, asOf: '2021-02-28', reportedByUnitId: 'edu' },
        latestMeasured: { value: 1, asOf: '2021-02-28', reportedBy: 'office' },
      }),
    ]);
  });

  it('shows the notice and its answer, the instruction and the accountability record', async () => {
    const { task } = await read<{ task: Record<string, Json[]> }>(taskPage, { id: taskId });
    expect(task.notices).toEqual([
      expect.objectContaining({
        level: 'YELLOW',
        toUnit: { id: 'edu', name: '教育局' },
        replyDueDate: '2021-03-10',
        answered: true,
        answer: '四月完成',
        answeredBy: 'department_head-edu',
      }),
    ]);
    expect(task.instructions).toEqual([
      expect.objectContaining({
        text: '抓紧推进',
        issuedBy: 'leader',
        addressedToUnits: [
          { id: 'edu', name: '教育局' },
          { id: 'env', name: '生态环境局' },
        ],
      }),
    ]);
    expect(task.accountabilityRecords).toEqual([
      expect.objectContaining({
        against: { kind: 'UNIT', id: 'edu', unit: { name: '教育局' } },
        kind: 'CRITICISM',
        scoreDeduction: 2,
        recordedBy: 'inspector',
      }),
    ]);
  });

  it('reaches the task’s history from its page, one entry per event', async () => {
    const { task: page } = await read<{ task: { history: { edges: { node: Json }[] } } }>(
      taskPage,
      { id: taskId },
    );
    const task = { history: page.history.edges.map((edge) => edge.node) };
    expect(task.history[0]).toMatchObject({ type: 'TaskRegistered', revision: 0 });
    expect(task.history.at(-1)).toMatchObject({
      type: 'TaskTransferred',
      actor: { role: 'OFFICE' },
    });
    expect(task.history.map((event) => event.type)).toContain('MilestoneOverdue');
    expect(task.history.at(-1)?.revision).toBe(task.history.length - 1);
  });

  it('shows a completion reported, returned for rework and then accepted as closed', async () => {
    await run('land', 'signTask', { taskId });
    await run('land', 'completeMilestone', { taskId, milestoneId: first });
    await run('land', 'completeMilestone', { taskId, milestoneId: second });
    await run('land', 'reportTaskCompletion', {
      taskId,
      summary: '三所学校建成',
      evidence: [evidence],
    });
    await run('office', 'rejectTaskCompletion', { taskId, reason: '缺少验收材料' });
    await run('land', 'reportTaskCompletion', {
      taskId,
      summary: '补充验收材料',
      evidence: [evidence],
    });
    const pending = await read<{ task: Json }>(taskPage, { id: taskId });
    expect(pending.task.status).toBe('COMPLETION_REPORTED');
    await run('office', 'acceptTaskCompletion', { taskId, comment: '同意办结' });
    const { task } = await read<{ task: Json }>(taskPage, { id: taskId });
    expect(task).toMatchObject({ status: 'CLOSED', progress: 100, overdueMilestones: 0 });
    expect(task.completedAt).not.toBeNull();
    expect(task.completion).toEqual({
      state: 'ACCEPTED',
      summary: '补充验收材料',
      evidence: [{ fileName: 'report.pdf' }],
      rejections: [{ reason: '缺少验收材料', rejectedBy: 'office' }],
      acceptedBy: 'office',
    });
  });
});

describe('the task list', () => {
  const clock = settableClock('2021-03-01T01:00:00Z');
  let sys: TestSystem;
  let office = '';
  const ids: Record<string, string> = {};

  const call = (field: string, input?: Json, token = office) => mutate(sys, token, field, input);

  const list = async (filter: Json = {}, orderBy?: Json) => {
    await sys.settled();
    const result = await sys.gql<{ tasks: { totalCount: number; edges: { node: Json }[] } }>(
      tasksQuery,
      { filter: { section: 'list', ...filter }, orderBy },
      office,
    );
    expect(result.errors).toBeUndefined();
    return result.data?.tasks.edges.map((edge) => edge.node) ?? [];
  };

  beforeAll(async () => {
    sys = await startTestSystem({}, { clock });
    office = await sys.token('office');
    const head = await sys.token('department_head', 'edu');
    const leader = await sys.token('leader');
    await call('registerUnit', { id: 'edu', name: '教育局' });
    for (const [name, dueDate, percent] of [
      ['late', '2021-03-15', 10],
      ['busy', '2021-06-30', 70],
      ['paused', '2021-09-30', 40],
      ['dropped', '2021-05-31', 0],
    ] as const) {
      const { id } = await call('registerTask', {
        title: name,
        section: 'list',
        plannedStart: '2021-01-01',
        dueDate: '2021-12-31',
      });
      const taskId = id as string;
      ids[name] = taskId;
      await call('assignTask', { taskId, leadUnitId: 'edu' });
      const { milestoneId } = await call('planMilestone', { taskId, title: name, dueDate });
      if (percent > 0) await call('reportProgress', { taskId, milestoneId, percent }, head);
    }
    await call('reportBlockage', { taskId: ids.busy, description: '资金未到位' }, head);
    // The office proposes, the leader decides (the tasks name no responsible leader).
    await call('proposeSuspension', { taskId: ids.paused, reason: '资金冻结' });
    await call('approveLifecycleChange', { taskId: ids.paused }, leader);
    await call('terminateTask', { taskId: ids.dropped, reason: '计划取消' }, leader);
    // A working day: on a Saturday the clock records nothing.
    clock.set('2021-03-19T01:00:00Z');
    await call('runClock');
    clock.set('2021-03-21T01:00:00Z');
    await call('issueSupervisionNotice', {
      taskId: ids.paused,
      level: 'BLUE',
      toUnitId: 'edu',
      subject: '暂停期间请报告情况',
      body: '请说明资金情况',
      replyDueDate: '2021-03-31',
    });
  });
  afterAll(() => sys.stop());

  it('shows each task’s lifecycle status', async () => {
    const byTitle = Object.fromEntries((await list()).map((node) => [node.title, node.status]));
    expect(byTitle).toEqual({
      late: 'IN_PROGRESS',
      busy: 'IN_PROGRESS',
      paused: 'SUSPENDED',
      dropped: 'TERMINATED',
    });
  });

  it('filters by several statuses at once', async () => {
    const nodes = await list({ statuses: ['SUSPENDED', 'TERMINATED'] });
    expect(nodes.map((node) => node.title).sort()).toEqual(['dropped', 'paused']);
  });

  it('filters the tasks with an overdue milestone, and those with an open blockage', async () => {
    expect((await list({ overdue: true })).map((node) => node.title)).toEqual(['late']);
    expect((await list({ blocked: true })).map((node) => node.title)).toEqual(['busy']);
    expect(await list({ blocked: false })).toHaveLength(3);
  });

  it('sorts by progress, most advanced first', async () => {
    const nodes = await list({}, { field: 'PROGRESS', direction: 'DESC' });
    expect(nodes.map((node) => node.title)).toEqual(['busy', 'paused', 'late', 'dropped']);
  });

  it('sorts by the next due date of an open milestone', async () => {
    const nodes = await list({}, { field: 'NEXT_DUE_DATE' });
    expect(nodes.map((node) => node.nextDueDate)).toEqual([
      '2021-03-15',
      '2021-05-31',
      '2021-06-30',
      '2021-09-30',
    ]);
  });

  it('sorts by the latest activity, most recent first', async () => {
    const nodes = await list({}, { field: 'UPDATED_AT', direction: 'DESC' });
    expect(nodes[0]?.title).toBe('paused');
  });
});

/** The input type and payload selection of each mutation this test sends. */
const mutations: Record<string, [string, string]> = {
  registerUnit: ['RegisterUnitInput', 'id'],
  registerTask: ['RegisterTaskInput', 'id'],
  assignTask: ['AssignTaskInput', 'revision'],
  planMilestone: ['PlanMilestoneInput', 'milestoneId'],
  reportProgress: ['ReportProgressInput', 'revision'],
  completeMilestone: ['CompleteMilestoneInput', 'revision'],
  reportBlockage: ['ReportBlockageInput', 'blockageId'],
  resolveBlockage: ['ResolveBlockageInput', 'revision'],
  signTask: ['SignTaskInput', 'revision'],
  transferTask: ['TransferTaskInput', 'revision'],
  requestDeadlineExtension: ['RequestDeadlineExtensionInput', 'requestId'],
  reviewDeadlineExtension: ['ReviewDeadlineExtensionInput', 'revision'],
  approveDeadlineExtension: ['ApproveDeadlineExtensionInput', 'revision'],
  rejectDeadlineExtension: ['RejectDeadlineExtensionInput', 'revision'],
  reportTaskCompletion: ['ReportTaskCompletionInput', 'revision'],
  acceptTaskCompletion: ['AcceptTaskCompletionInput', 'revision'],
  rejectTaskCompletion: ['TaskReasonInput', 'revision'],
  suspendTask: ['TaskReasonInput', 'revision'],
  proposeSuspension: ['TaskReasonInput', 'revision'],
  approveLifecycleChange: ['ApproveLifecycleChangeInput', 'revision'],
  terminateTask: ['TaskReasonInput', 'revision'],
  defineIndicator: ['DefineIndicatorInput', 'indicatorId'],
  reportIndicatorValue: ['ReportIndicatorValueInput', 'revision'],
  issueSupervisionNotice: ['IssueSupervisionNoticeInput', 'noticeId'],
  answerSupervisionNotice: ['AnswerSupervisionNoticeInput', 'revision'],
  issueLeadershipInstruction: ['IssueLeadershipInstructionInput', 'instructionId'],
  recordAccountability: ['RecordAccountabilityInput', 'recordId'],
  escalateBlockage: ['EscalateBlockageInput', 'revision'],
  assignBlockageCoordination: ['AssignBlockageCoordinationInput', 'revision'],
  reopenBlockage: ['ReopenBlockageInput', 'revision'],
  declareBlockagePartDone: ['DeclareBlockagePartDoneInput', 'revision'],
  runClock: ['', 'day overdue'],
};

const inputTypeOf = (field: string) => mutations[field]?.[0] ?? 'unknown';
const payloadOf = (field: string) => mutations[field]?.[1] ?? 'unknown';

/** Sends one mutation (with `input`, or without arguments); fails the test on any error. */
const mutate = async (sys: TestSystem, token: string, field: string, input?: Json) => {
  const query =
    input === undefined
      ? `mutation { ${field} { ${payloadOf(field)} } }`
      : `mutation($input: ${inputTypeOf(field)}!) { ${field}(input: $input) { ${payloadOf(field)} } }`;
  const result = await sys.gql<Record<string, Json>>(query, input && { input }, token);
  expect(result.errors).toBeUndefined();
  return result.data?.[field] ?? {};
};
