import { settableClock } from '../../infra/clock/clock.ts';
import { head, leader, office } from '../support/broker-calls.ts';
import { lifecycleSystem } from '../support/lifecycle.ts';

// 10:00 in China Standard Time, the business day of every decision.
const clock = settableClock('2021-03-01T02:00:00.000Z');
const onDay = (day: string) => clock.set(`${day}T02:00:00.000Z`);

const { call, refused, eventsFrom, plannedTask } = lifecycleSystem(['edu', 'env', 'tech'], clock);
beforeEach(() => onDay('2021-03-01'));

/** The types and data of the task's events after its set-up (registered, assigned, planned). */
const eventsAfterSetUp = (taskId: string) => eventsFrom(taskId, 3);

/**
 * A task led by edu with env cooperating, leader-1 its responsible leader (分管领导),
 * and one milestone due at the end of June.
 */
const newTask = () => plannedTask('智慧环保平台融合', '平台对接', { responsibleLeader: leader.id });

const extension = (task: { taskId: string; milestoneId: string }) => ({
  ...task,
  requestedDueDate: '2021-08-31',
  reason: '接口标准待省厅发布',
});

/** The office's review (初审): forwarded to the responsible leader unless told. */
const review = (request: { taskId: string; requestId: unknown }, forward = true) => ({
  taskId: request.taskId,
  requestId: request.requestId,
  forward,
  comment: forward ? '情况属实，呈分管领导审批' : '理由不充分，不予报送',
});

/** Asked by the lead unit and forwarded by the office: the responsible leader's to decide. */
const forwarded = async () => {
  const task = await newTask();
  const { requestId } = await call('tasks.requestDeadlineExtension', extension(task), head('edu'));
  const request = { taskId: task.taskId, requestId: requestId as string };
  await call('tasks.reviewDeadlineExtension', review(request), office);
  return request;
};

describe('a deadline extension asked before the deadline', () => {
  it('is recorded with a generated request id, forwarded by the office, approved by the responsible leader', async () => {
    const task = await newTask();

    const asked = await call('tasks.requestDeadlineExtension', extension(task), head('edu'));
    const request = { taskId: task.taskId, requestId: asked.requestId };
    await call('tasks.reviewDeadlineExtension', review(request), office);
    await call('tasks.approveDeadlineExtension', request, leader);

    expect(asked).toEqual({
      requestId: expect.any(String),
      revision: 3,
      position: expect.any(Number),
    });
    expect(await eventsAfterSetUp(task.taskId)).toEqual([
      {
        type: 'DeadlineExtensionRequested',
        data: {
          ...extension(task),
          requestId: asked.requestId,
          currentDueDate: '2021-06-30',
        },
      },
      {
        type: 'DeadlineExtensionReviewed',
        data: {
          taskId: task.taskId,
          requestId: asked.requestId,
          milestoneId: task.milestoneId,
          forwarded: true,
          comment: '情况属实，呈分管领导审批',
          reviewedBy: 'office-1',
        },
      },
      {
        type: 'DeadlineExtensionApproved',
        data: {
          taskId: task.taskId,
          requestId: asked.requestId,
          milestoneId: task.milestoneId,
          newDueDate: '2021-08-31',
          approvedBy: 'leader-1',
        },
      },
    ]);
  });

  it('may still be asked on the due day itself', async () => {
    const task = await newTask();
    onDay('2021-06-30');

    await call('tasks.requestDeadlineExtension', extension(task), head('edu'));

    expect((await eventsAfterSetUp(task.taskId)).map(({ type }) => type)).toEqual([
      'DeadlineExtensionRequested',
    ]);
  });

  it('runs to the next working day when the due date falls in a holiday, on the calendars looked up', async () => {
    const task = await newTask();
    const { milestoneId } = await call(
      'tasks.planMilestone',
      { taskId: task.taskId, title: '国庆后验收', dueDate: '2021-10-03' },
      office,
    );
    const asked = {
      taskId: task.taskId,
      milestoneId,
      requestedDueDate: '2021-10-29',
      reason: '节后验收',
    };
    onDay('2021-10-09');
    await refused(
      'tasks.requestDeadlineExtension',
      asked,
      head('edu'),
      'ILLEGAL_STATE',
      'milestoneId',
    );
    onDay('2021-10-08');
    await call('tasks.requestDeadlineExtension', asked, head('edu'));
  });

  it('is refused by the responsible leader with the reason, an outcome recorded as an event', async () => {
    const request = await forwarded();

    await call('tasks.rejectDeadlineExtension', { ...request, reason: '时限不能突破' }, leader);

    expect((await eventsFrom(request.taskId, 3)).at(-1)).toMatchObject({
      type: 'DeadlineExtensionRejected',
      data: { reason: '时限不能突破', rejectedBy: 'leader-1' },
    });
  });

  it('returns the same request id for a retry with the same key, and appends once', async () => {
    const task = await newTask();
    const params = { ...extension(task), idempotencyKey: 'ext-1' };

    const first = await call('tasks.requestDeadlineExtension', params, head('edu'));
    const retry = await call('tasks.requestDeadlineExtension', params, head('edu'));

    expect(retry).toEqual(first);
    expect(await eventsAfterSetUp(task.taskId)).toHaveLength(1);
  });
});

describe('a deadline extension of the task’s own due date', () => {
  it('is asked without a milestone and, once granted, moves the task’s due date', async () => {
    const { taskId } = await newTask();
    const asked = { taskId, requestedDueDate: '2022-01-31', reason: '年底前设备到货延迟' };

    const { requestId } = await call('tasks.requestDeadlineExtension', asked, head('edu'));
    await call('tasks.reviewDeadlineExtension', review({ taskId, requestId }), office);
    await call('tasks.approveDeadlineExtension', { taskId, requestId }, leader);

    expect(await eventsAfterSetUp(taskId)).toEqual([
      {
        type: 'DeadlineExtensionRequested',
        data: { ...asked, requestId, milestoneId: null, currentDueDate: '2021-12-31' },
      },
      expect.objectContaining({ type: 'DeadlineExtensionReviewed' }),
      {
        type: 'DeadlineExtensionApproved',
        data: {
          taskId,
          requestId,
          milestoneId: null,
          newDueDate: '2022-01-31',
          approvedBy: 'leader-1',
        },
      },
    ]);
    // The task's due date is the new one: a second request starts from it.
    const again = { taskId, requestedDueDate: '2022-01-15', reason: '再延' };
    await refused(
      'tasks.requestDeadlineExtension',
      again,
      head('edu'),
      'VALIDATION',
      'requestedDueDate',
    );
  });
});

describe('a deadline extension asked after the deadline', () => {
  it('is refused as ILLEGAL_STATE, the store unchanged', async () => {
    const task = await newTask();
    onDay('2021-07-01');

    await refused(
      'tasks.requestDeadlineExtension',
      extension(task),
      head('edu'),
      'ILLEGAL_STATE',
      'milestoneId',
    );
    expect(await eventsAfterSetUp(task.taskId)).toEqual([]);
  });
});

describe('a deadline extension asked by the wrong actor', () => {
  it('is refused as FORBIDDEN for a department head of another unit, the store unchanged', async () => {
    const task = await newTask();
    await refused('tasks.requestDeadlineExtension', extension(task), head('tech'), 'FORBIDDEN');
    expect(await eventsAfterSetUp(task.taskId)).toEqual([]);
  });

  it.each([
    ['is refused as FORBIDDEN for a cooperating unit: only the lead unit asks', head('env')],
    ['is refused as FORBIDDEN for the office', office],
  ])('%s', async (_name, actor) => {
    const task = await newTask();
    await refused('tasks.requestDeadlineExtension', extension(task), actor, 'FORBIDDEN');
  });
});

describe('a deadline extension with bad input', () => {
  it.each([
    ['is refused as VALIDATION naming requestedDueDate when it is no calendar day', '2021-02-30'],
    ['is refused as VALIDATION naming requestedDueDate when it is not later', '2021-06-01'],
  ])('%s', async (_name, requestedDueDate) => {
    const task = await newTask();
    await refused(
      'tasks.requestDeadlineExtension',
      { ...extension(task), requestedDueDate },
      head('edu'),
      'VALIDATION',
      'requestedDueDate',
    );
  });
});

describe('the office’s review (初审) of a deadline extension', () => {
  const asked = async () => {
    const task = await newTask();
    const { requestId } = await call(
      'tasks.requestDeadlineExtension',
      extension(task),
      head('edu'),
    );
    return { taskId: task.taskId, requestId: requestId as string };
  };

  it('closes the request when it does not forward it: the leader can no longer decide', async () => {
    const request = await asked();
    await call('tasks.reviewDeadlineExtension', review(request, false), office);
    expect((await eventsFrom(request.taskId, 3)).at(-1)).toMatchObject({
      type: 'DeadlineExtensionReviewed',
      data: { forwarded: false, comment: '理由不充分，不予报送' },
    });
    await refused('tasks.approveDeadlineExtension', request, leader, 'ILLEGAL_STATE', 'requestId');
  });

  it('is refused as ILLEGAL_STATE a second time', async () => {
    const request = await asked();
    await call('tasks.reviewDeadlineExtension', review(request), office);
    await refused(
      'tasks.reviewDeadlineExtension',
      review(request, false),
      office,
      'ILLEGAL_STATE',
      'requestId',
    );
  });

  it('is refused as FORBIDDEN for a leader, and as VALIDATION naming comment without one', async () => {
    const request = await asked();
    await refused('tasks.reviewDeadlineExtension', review(request), leader, 'FORBIDDEN');
    await refused(
      'tasks.reviewDeadlineExtension',
      { ...review(request), comment: ' ' },
      office,
      'VALIDATION',
      'comment',
    );
  });
});

describe('deciding a deadline extension', () => {
  it('is refused as ILLEGAL_STATE naming requestId before the office’s review', async () => {
    const task = await newTask();
    const { requestId } = await call(
      'tasks.requestDeadlineExtension',
      extension(task),
      head('edu'),
    );
    await refused(
      'tasks.approveDeadlineExtension',
      { taskId: task.taskId, requestId },
      leader,
      'ILLEGAL_STATE',
      'requestId',
    );
  });

  it('is refused as FORBIDDEN for a leader who is not the task’s responsible leader', async () => {
    const request = await forwarded();
    const another = { id: 'leader-2', role: 'leader' as const };
    await refused('tasks.approveDeadlineExtension', request, another, 'FORBIDDEN');
    await refused(
      'tasks.rejectDeadlineExtension',
      { ...request, reason: '不同意' },
      another,
      'FORBIDDEN',
    );
  });

  it('is refused as FORBIDDEN for the office, approving or rejecting', async () => {
    const request = await forwarded();
    await refused('tasks.approveDeadlineExtension', request, office, 'FORBIDDEN');
    await refused(
      'tasks.rejectDeadlineExtension',
      { ...request, reason: '不同意' },
      office,
      'FORBIDDEN',
    );
  });

  it.each([
    [
      'is refused as NOT_FOUND naming requestId for a request never asked',
      'never-asked',
      'NOT_FOUND',
    ],
    ['is refused as VALIDATION naming requestId when it is malformed', '', 'VALIDATION'],
  ])('%s', async (_name, requestId, code) => {
    const { taskId } = await forwarded();
    await refused(
      'tasks.approveDeadlineExtension',
      { taskId, requestId },
      leader,
      code,
      'requestId',
    );
  });

  it('is refused as ILLEGAL_STATE once decided', async () => {
    const request = await forwarded();
    await call('tasks.approveDeadlineExtension', request, leader);
    await refused(
      'tasks.rejectDeadlineExtension',
      { ...request, reason: '改变主意' },
      leader,
      'ILLEGAL_STATE',
      'requestId',
    );
  });

  it('is refused as VALIDATION naming reason for a rejection without one', async () => {
    const request = await forwarded();
    await refused('tasks.rejectDeadlineExtension', request, leader, 'VALIDATION', 'reason');
  });
});

describe('reopening a completed milestone', () => {
  const completed = async () => {
    const task = await newTask();
    await call('tasks.reportProgress', { ...task, percent: 80 }, head('edu'));
    await call('tasks.completeMilestone', task, head('edu'));
    return task;
  };

  it('puts it back at its last reported progress, with the reason', async () => {
    const task = await completed();

    await call('tasks.reopenMilestone', { ...task, reason: '验收不合格' }, leader);

    expect((await eventsAfterSetUp(task.taskId)).at(-1)).toEqual({
      type: 'MilestoneReopened',
      data: { ...task, reason: '验收不合格', percent: 80 },
    });
  });

  it('is refused as FORBIDDEN for a department head', async () => {
    const task = await completed();
    await refused('tasks.reopenMilestone', { ...task, reason: '返工' }, head('edu'), 'FORBIDDEN');
  });

  it('is refused as ILLEGAL_STATE for a milestone still open', async () => {
    const task = await newTask();
    await refused(
      'tasks.reopenMilestone',
      { ...task, reason: '返工' },
      office,
      'ILLEGAL_STATE',
      'milestoneId',
    );
  });

  it('is refused as VALIDATION naming milestoneId when it is malformed', async () => {
    const { taskId } = await completed();
    await refused(
      'tasks.reopenMilestone',
      { taskId, milestoneId: 'a b', reason: '返工' },
      office,
      'VALIDATION',
      'milestoneId',
    );
  });
});
