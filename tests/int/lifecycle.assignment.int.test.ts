import { settableClock } from '../../infra/clock/clock.ts';
import { head, leader, office } from '../support/broker-calls.ts';
import { lifecycleSystem } from '../support/lifecycle.ts';

const sha256 = 'a'.repeat(64);

const clock = settableClock('2021-03-01T02:00:00.000Z');
const { system, call, refused, eventsFrom, plannedTask } = lifecycleSystem(
  ['edu', 'env', 'tech'],
  clock,
);

/** The types and data of the task's events after its set-up (registered, assigned, planned). */
const eventsAfterSetUp = (taskId: string) => eventsFrom(taskId, 3);

/** A task led by edu with env cooperating, one milestone due at the end of June, `leader` its 分管领导. */
const newTask = () => plannedTask('新建学校3所', '完成选址', { responsibleLeader: leader.id });

/** A leader who is not the task's responsible leader. */
const otherLeader = { id: 'leader-2', role: 'leader' as const };

describe('signing for a task (签收)', () => {
  it('records the department head’s unit as signed', async () => {
    const { taskId } = await newTask();

    const answer = await call('tasks.signTask', { taskId }, head('edu'));

    expect(answer).toEqual({ revision: 3, position: await system().lastPosition() });
    expect(await eventsAfterSetUp(taskId)).toEqual([
      { type: 'TaskSigned', data: { taskId, unitId: 'edu' } },
    ]);
  });

  it.each([
    ['is refused as FORBIDDEN for a department head of another unit', head('tech')],
    ['is refused as FORBIDDEN for the office', office],
  ])('%s', async (_name, actor) => {
    const { taskId } = await newTask();
    await refused('tasks.signTask', { taskId }, actor, 'FORBIDDEN');
  });

  it('is refused as VALIDATION naming taskId when the id is malformed', async () => {
    await refused(
      'tasks.signTask',
      { taskId: 'no spaces allowed' },
      head('edu'),
      'VALIDATION',
      'taskId',
    );
  });
});

describe('transferring a task', () => {
  it('moves the lead to another unit with the reason', async () => {
    const { taskId } = await newTask();

    await call('tasks.transferTask', { taskId, toUnitId: 'tech', reason: '职责调整' }, office);

    expect(await eventsAfterSetUp(taskId)).toEqual([
      {
        type: 'TaskTransferred',
        data: { taskId, fromUnitId: 'edu', toUnitId: 'tech', reason: '职责调整' },
      },
    ]);
  });

  it.each([
    {
      name: 'is refused as FORBIDDEN for a department head',
      transfer: { toUnitId: 'tech', reason: '职责调整' },
      actor: head('edu'),
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as NOT_FOUND naming toUnitId for a unit the directory does not know',
      transfer: { toUnitId: 'nowhere', reason: '职责调整' },
      actor: office,
      code: 'NOT_FOUND',
      field: 'toUnitId',
    },
    {
      name: 'is refused as VALIDATION naming reason when there is none',
      transfer: { toUnitId: 'tech', reason: '  ' },
      actor: office,
      code: 'VALIDATION',
      field: 'reason',
    },
  ])('$name', async ({ transfer, actor, code, field }) => {
    const { taskId } = await newTask();
    await refused('tasks.transferTask', { taskId, ...transfer }, actor, code, field);
  });
});

describe('returning a task (退回申请)', () => {
  it('is a request: the unit keeps the lead until the office accepts and hands it on', async () => {
    const { taskId } = await newTask();

    await call('tasks.returnTask', { taskId, reason: '不属于本单位职责' }, head('edu'));
    await refused('tasks.signTask', { taskId }, head('edu'), 'ILLEGAL_STATE', 'taskId');
    await call('tasks.acceptReturn', { taskId, toUnitId: 'tech', reason: '科技局职责' }, office);
    await call('tasks.signTask', { taskId }, head('tech'));

    expect(await eventsAfterSetUp(taskId)).toEqual([
      { type: 'TaskReturnRequested', data: { taskId, unitId: 'edu', reason: '不属于本单位职责' } },
      {
        type: 'TaskReturnAccepted',
        data: { taskId, unitId: 'edu', toUnitId: 'tech', reason: '科技局职责' },
      },
      { type: 'TaskSigned', data: { taskId, unitId: 'tech' } },
    ]);
  });

  it('leaves the task with its unit when the office refuses', async () => {
    const { taskId } = await newTask();
    await call('tasks.returnTask', { taskId, reason: '不属于本单位职责' }, head('edu'));
    await call('tasks.refuseReturn', { taskId, reason: '学校建设属教育局职责' }, office);
    await call('tasks.signTask', { taskId }, head('edu'));

    expect((await eventsAfterSetUp(taskId)).map(({ type }) => type)).toEqual([
      'TaskReturnRequested',
      'TaskReturnRefused',
      'TaskSigned',
    ]);
  });

  it.each([
    {
      name: 'is refused as FORBIDDEN for a leader',
      reason: '不属于',
      actor: leader,
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming reason when it is too long',
      reason: '长'.repeat(2001),
      actor: head('edu'),
      code: 'VALIDATION',
      field: 'reason',
    },
  ])('$name', async ({ reason, actor, code, field }) => {
    const { taskId } = await newTask();
    await refused('tasks.returnTask', { taskId, reason }, actor, code, field);
  });
});

describe('a completion report (办结报告)', () => {
  /** A task whose only milestone is completed, ready to be reported done. */
  const doneTask = async () => {
    const task = await newTask();
    await call('tasks.completeMilestone', { ...task, note: null }, head('edu'));
    return task;
  };
  const evidence = [{ fileName: '验收报告.pdf', sha256, size: 1024 }];

  it('is reported with evidence and accepted by the office', async () => {
    const { taskId } = await doneTask();

    await call(
      'tasks.reportTaskCompletion',
      { taskId, summary: '三所学校已建成', evidence },
      head('edu'),
    );
    await call('tasks.acceptTaskCompletion', { taskId, comment: '同意办结' }, office);

    expect((await eventsAfterSetUp(taskId)).slice(1)).toEqual([
      { type: 'TaskCompletionReported', data: { taskId, summary: '三所学校已建成', evidence } },
      {
        type: 'TaskCompletionAccepted',
        data: { taskId, comment: '同意办结', acceptedOn: '2021-03-01' },
      },
    ]);
  });

  it('is returned for rework (退回重办) by the office with the reason', async () => {
    const { taskId } = await doneTask();
    await call('tasks.reportTaskCompletion', { taskId, summary: '已建成' }, head('edu'));

    await call('tasks.rejectTaskCompletion', { taskId, reason: '佐证材料不全' }, office);

    expect((await eventsAfterSetUp(taskId)).at(-1)).toEqual({
      type: 'TaskCompletionRejected',
      data: { taskId, reason: '佐证材料不全' },
    });
  });

  it.each([
    {
      name: 'is refused as FORBIDDEN from a cooperating unit: only the lead unit reports',
      report: { summary: '已建成' },
      actor: head('env'),
      code: 'FORBIDDEN',
    },
    {
      name: 'is refused as VALIDATION naming the evidence hash that is not a SHA-256',
      report: { summary: '已建成', evidence: [{ fileName: 'a.pdf', sha256: 'ABC', size: 1 }] },
      actor: head('edu'),
      code: 'VALIDATION',
      field: 'evidence[0].sha256',
    },
    {
      name: 'is refused as VALIDATION naming evidence with more than 20 files',
      report: {
        summary: '已建成',
        evidence: Array.from({ length: 21 }, (_, i) => ({ fileName: `${i}.pdf`, sha256, size: i })),
      },
      actor: head('edu'),
      code: 'VALIDATION',
      field: 'evidence',
    },
  ])('$name', async ({ report, actor, code, field }) => {
    const { taskId } = await doneTask();
    await refused('tasks.reportTaskCompletion', { taskId, ...report }, actor, code, field);
  });

  it('cannot be accepted by a department head (FORBIDDEN)', async () => {
    const { taskId } = await doneTask();
    await call('tasks.reportTaskCompletion', { taskId, summary: '已建成' }, head('edu'));
    await refused('tasks.acceptTaskCompletion', { taskId }, head('edu'), 'FORBIDDEN');
  });

  it('cannot be accepted before it is reported (ILLEGAL_STATE)', async () => {
    const { taskId } = await doneTask();
    await refused('tasks.acceptTaskCompletion', { taskId }, office, 'ILLEGAL_STATE');
  });

  it('cannot be rejected without a reason (VALIDATION naming reason)', async () => {
    const { taskId } = await doneTask();
    await call('tasks.reportTaskCompletion', { taskId, summary: '已建成' }, head('edu'));
    await refused('tasks.rejectTaskCompletion', { taskId }, office, 'VALIDATION', 'reason');
  });
});

describe('suspending, resuming and terminating a task', () => {
  it('is suspended when the responsible leader approves the office’s proposal', async () => {
    const { taskId } = await newTask();
    await call('tasks.proposeSuspension', { taskId, reason: '资金冻结' }, office);
    await refused('tasks.approveLifecycleChange', { taskId }, otherLeader, 'FORBIDDEN');
    await call('tasks.approveLifecycleChange', { taskId, comment: '同意' }, leader);

    expect(await eventsAfterSetUp(taskId)).toEqual([
      {
        type: 'TaskLifecycleChangeProposed',
        data: { taskId, change: 'suspend', reason: '资金冻结' },
      },
      {
        type: 'TaskLifecycleChangeDecided',
        data: { taskId, change: 'suspend', approved: true, comment: '同意', decidedBy: leader.id },
      },
      { type: 'TaskSuspended', data: { taskId, reason: '资金冻结', suspendedOn: '2021-03-01' } },
    ]);
  });

  it('stops progress while suspended and takes it again once resumed', async () => {
    const task = await newTask();
    await call('tasks.suspendTask', { taskId: task.taskId, reason: '资金冻结' }, leader);
    await refused(
      'tasks.reportProgress',
      { ...task, percent: 10 },
      head('edu'),
      'ILLEGAL_STATE',
      'taskId',
    );

    await call('tasks.resumeTask', { taskId: task.taskId, reason: '资金到位' }, office);
    await call('tasks.reportProgress', { ...task, percent: 10 }, head('edu'));

    expect((await eventsAfterSetUp(task.taskId)).map(({ type }) => type)).toEqual([
      'TaskSuspended',
      'TaskResumed',
      'MilestoneProgressReported',
    ]);
  });

  it('takes no more commands once terminated', async () => {
    const task = await newTask();
    await call('tasks.terminateTask', { taskId: task.taskId, reason: '规划调整' }, leader);

    await refused(
      'tasks.resumeTask',
      { taskId: task.taskId, reason: '恢复' },
      office,
      'ILLEGAL_STATE',
    );
    expect(await eventsAfterSetUp(task.taskId)).toEqual([
      { type: 'TaskTerminated', data: { taskId: task.taskId, reason: '规划调整' } },
    ]);
  });

  it.each([
    ['suspendTask', office],
    ['suspendTask', otherLeader],
    ['resumeTask', head('edu')],
    ['terminateTask', office],
    ['proposeTermination', leader],
  ] as const)('refuses %s as FORBIDDEN for %j', async (action, actor) => {
    const { taskId } = await newTask();
    await refused(`tasks.${action}`, { taskId, reason: '理由' }, actor, 'FORBIDDEN');
  });

  it('refuses to resume a task that is not suspended (ILLEGAL_STATE)', async () => {
    const { taskId } = await newTask();
    await refused('tasks.resumeTask', { taskId, reason: '恢复' }, office, 'ILLEGAL_STATE');
  });

  it('refuses a suspension without a reason (VALIDATION naming reason)', async () => {
    const { taskId } = await newTask();
    await refused(
      'tasks.proposeSuspension',
      { taskId, reason: null },
      office,
      'VALIDATION',
      'reason',
    );
  });
});
