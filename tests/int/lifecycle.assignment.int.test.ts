import { settableClock } from '../../infra/clock/clock.ts';
import { brokerCalls, head, leader, office } from '../support/broker-calls.ts';
import type { TestSystem } from '../support/test-system.ts';
import { startTestSystem } from '../support/test-system.ts';

const sha256 = 'a'.repeat(64);

let sys: TestSystem;
const clock = settableClock('2021-03-01T02:00:00.000Z');

beforeAll(async () => {
  sys = await startTestSystem({ SERVICES: 'tasks,directory,rules' }, { clock });
  for (const id of ['edu', 'env', 'tech']) {
    await call('directory.registerUnit', { id, name: `Bureau ${id}` }, office);
  }
});
afterAll(() => sys.stop());

const { call, refused } = brokerCalls(() => sys);

/** The types and data of the task's events after its set-up (registered, assigned, planned). */
const eventsAfterSetUp = async (taskId: string) =>
  (await sys.system.stores.eventStore.readStream(`task-${taskId}`, { fromRevision: 3 })).map(
    ({ type, data }) => ({ type, data }),
  );

/** A task led by edu with env cooperating, and one milestone due at the end of June. */
const newTask = async () => {
  const { id } = await call(
    'tasks.registerTask',
    { title: '新建学校3所', plannedStart: '2021-01-01', dueDate: '2021-12-31' },
    office,
  );
  const taskId = id as string;
  await call(
    'tasks.assignTask',
    { taskId, leadUnitId: 'edu', cooperatingUnitIds: ['env'], responsibleLeader: '王副区长' },
    office,
  );
  const { milestoneId } = await call(
    'tasks.planMilestone',
    { taskId, title: '完成选址', dueDate: '2021-06-30' },
    office,
  );
  return { taskId, milestoneId: milestoneId as string };
};

describe('signing for a task (签收)', () => {
  it('records the department head’s unit as signed', async () => {
    const { taskId } = await newTask();

    const answer = await call('tasks.signTask', { taskId }, head('edu'));

    expect(answer).toEqual({ revision: 3, position: await sys.lastPosition() });
    expect(await eventsAfterSetUp(taskId)).toEqual([
      { type: 'TaskSigned', data: { taskId, unitId: 'edu' } },
    ]);
  });

  it('is refused as FORBIDDEN for a department head of another unit', async () => {
    const { taskId } = await newTask();
    await refused('tasks.signTask', { taskId }, head('tech'), 'FORBIDDEN');
  });

  it('is refused as FORBIDDEN for the office', async () => {
    const { taskId } = await newTask();
    await refused('tasks.signTask', { taskId }, office, 'FORBIDDEN');
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

  it('is refused as FORBIDDEN for a department head', async () => {
    const { taskId } = await newTask();
    await refused(
      'tasks.transferTask',
      { taskId, toUnitId: 'tech', reason: '职责调整' },
      head('edu'),
      'FORBIDDEN',
    );
  });

  it('is refused as NOT_FOUND naming toUnitId for a unit the directory does not know', async () => {
    const { taskId } = await newTask();
    await refused(
      'tasks.transferTask',
      { taskId, toUnitId: 'nowhere', reason: '职责调整' },
      office,
      'NOT_FOUND',
      'toUnitId',
    );
  });

  it('is refused as VALIDATION naming reason when there is none', async () => {
    const { taskId } = await newTask();
    await refused(
      'tasks.transferTask',
      { taskId, toUnitId: 'tech', reason: '  ' },
      office,
      'VALIDATION',
      'reason',
    );
  });
});

describe('returning a task', () => {
  it('leaves the task without a lead unit, with the reason', async () => {
    const { taskId } = await newTask();

    await call('tasks.returnTask', { taskId, reason: '不属于本单位职责' }, head('edu'));

    expect(await eventsAfterSetUp(taskId)).toEqual([
      { type: 'TaskReturned', data: { taskId, unitId: 'edu', reason: '不属于本单位职责' } },
    ]);
  });

  it('is refused as FORBIDDEN for a leader', async () => {
    const { taskId } = await newTask();
    await refused('tasks.returnTask', { taskId, reason: '不属于' }, leader, 'FORBIDDEN');
  });

  it('is refused as VALIDATION naming reason when it is too long', async () => {
    const { taskId } = await newTask();
    await refused(
      'tasks.returnTask',
      { taskId, reason: '长'.repeat(2001) },
      head('edu'),
      'VALIDATION',
      'reason',
    );
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
      { type: 'TaskCompletionAccepted', data: { taskId, comment: '同意办结' } },
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

  it('is refused as FORBIDDEN from a cooperating unit: only the lead unit reports', async () => {
    const { taskId } = await doneTask();
    await refused(
      'tasks.reportTaskCompletion',
      { taskId, summary: '已建成' },
      head('env'),
      'FORBIDDEN',
    );
  });

  it('is refused as VALIDATION naming the evidence hash that is not a SHA-256', async () => {
    const { taskId } = await doneTask();
    await refused(
      'tasks.reportTaskCompletion',
      { taskId, summary: '已建成', evidence: [{ fileName: 'a.pdf', sha256: 'ABC', size: 1 }] },
      head('edu'),
      'VALIDATION',
      'evidence[0].sha256',
    );
  });

  it('is refused as VALIDATION naming evidence with more than 20 files', async () => {
    const { taskId } = await doneTask();
    const files = Array.from({ length: 21 }, (_, i) => ({ fileName: `${i}.pdf`, sha256, size: i }));
    await refused(
      'tasks.reportTaskCompletion',
      { taskId, summary: '已建成', evidence: files },
      head('edu'),
      'VALIDATION',
      'evidence',
    );
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
  it('stops progress while suspended and takes it again once resumed', async () => {
    const task = await newTask();
    await call('tasks.suspendTask', { taskId: task.taskId, reason: '资金冻结' }, office);
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
    await call('tasks.terminateTask', { taskId: task.taskId, reason: '规划调整' }, office);

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
    ['suspendTask', leader],
    ['resumeTask', head('edu')],
    ['terminateTask', head('edu')],
  ] as const)('refuses %s as FORBIDDEN for anyone but the office', async (action, actor) => {
    const { taskId } = await newTask();
    await refused(`tasks.${action}`, { taskId, reason: '理由' }, actor, 'FORBIDDEN');
  });

  it('refuses to resume a task that is not suspended (ILLEGAL_STATE)', async () => {
    const { taskId } = await newTask();
    await refused('tasks.resumeTask', { taskId, reason: '恢复' }, office, 'ILLEGAL_STATE');
  });

  it('refuses a suspension without a reason (VALIDATION naming reason)', async () => {
    const { taskId } = await newTask();
    await refused('tasks.suspendTask', { taskId, reason: null }, office, 'VALIDATION', 'reason');
  });
});
