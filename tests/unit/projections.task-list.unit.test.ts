import type { DomainEvent, UnitEvent } from '../../contracts/events/index.ts';
import { taskListProjection } from '../../projections/task-list/projection.ts';
import { deepFreeze, envelopes, project, recordedAt } from './support/project.ts';
import {
  blockageReported,
  blockageResolved,
  closedTask,
  completionReported,
  extensionApproved,
  extensionRejected,
  extensionRequested,
  extensionReviewed,
  milestoneCompleted,
  milestonePlanned,
  noticeIssued,
  progressReported,
  taskAssigned,
  taskId,
  taskRegistered,
  taskResumed,
  taskReturned,
  taskSigned,
  taskSuspended,
  taskTerminated,
  taskTransferred,
} from './support/task-fixtures.ts';

const unitRegistered: UnitEvent = { type: 'UnitRegistered', data: { unitId: 'u1', name: 'Unit' } };

const row = (events: DomainEvent[]) => {
  const item = project(taskListProjection, events);
  if (!item) throw new Error('expected a task row');
  return item;
};

describe('the task list row of a registered task', () => {
  it('holds the flat summary of the task', () => {
    expect(row([taskRegistered])).toEqual({
      id: taskId,
      position: 1,
      title: 'Build 3 new schools',
      section: 'Education',
      kind: 'annual_plan',
      kindDueDate: 'annual_plan|2021-12-31',
      status: 'registered',
      progress: 0,
      leadUnitId: null,
      cooperatingUnitIds: [],
      responsibleLeader: null,
      returnRequestedBy: null,
      proposal: null,
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
      nextDueDate: null,
      milestoneCount: 0,
      completedMilestones: 0,
      overdueMilestones: 0,
      openBlockages: 0,
      updatedAt: recordedAt(0),
      milestoneShares: [],
      signedUnitIds: [],
      suspended: false,
      terminated: false,
      completion: 'none',
    });
  });

  it('is kept under the task id, in collection task_list', () => {
    const [envelope] = envelopes([taskRegistered]);
    expect(taskListProjection.collection).toBe('task_list');
    expect(taskListProjection.documentId(envelope!)).toBe(taskId);
  });
});

describe('the task list row of an assigned task', () => {
  it('shows the units to filter on and the status assigned', () => {
    expect(row([taskRegistered, taskAssigned])).toMatchObject({
      status: 'assigned',
      leadUnitId: 'education-bureau',
      cooperatingUnitIds: ['finance-bureau'],
      position: 2,
      updatedAt: recordedAt(1),
    });
  });
});

describe('the task list row of a task under way', () => {
  const planned = [
    taskRegistered,
    taskAssigned,
    milestonePlanned('m1', 1),
    milestonePlanned('m2', 3),
  ];

  it('counts the milestones', () => {
    expect(row(planned)).toMatchObject({ milestoneCount: 2, completedMilestones: 0, progress: 0 });
  });

  it('shows the weighted progress and the status in progress', () => {
    const item = row([...planned, progressReported('m2', 20), milestoneCompleted('m1')]);
    expect(item).toMatchObject({ status: 'in_progress', progress: 40, completedMilestones: 1 });
  });

  it('is in progress from a first report of 0 percent', () => {
    expect(row([...planned, progressReported('m1', 0)]).status).toBe('in_progress');
  });

  it('is completed when every milestone is', () => {
    const item = row([...planned, milestoneCompleted('m1'), milestoneCompleted('m2')]);
    expect(item).toMatchObject({ status: 'completed', progress: 100, completedMilestones: 2 });
  });

  it('is in progress again when a milestone is planned after completion', () => {
    const done = [...planned, milestoneCompleted('m1'), milestoneCompleted('m2')];
    expect(row([...done, milestonePlanned('m3', 4)])).toMatchObject({
      status: 'in_progress',
      progress: 50,
      milestoneCount: 3,
    });
  });

  it('counts open blockages', () => {
    const blocked = [
      ...planned,
      blockageReported('b1'),
      blockageReported('b2'),
      blockageResolved('b1'),
    ];
    expect(row(blocked).openBlockages).toBe(1);
  });
});

describe('the task list row through the supervision year', () => {
  const planned = [taskRegistered, taskAssigned, milestonePlanned('m1'), milestonePlanned('m2')];
  const overdue = (milestoneId: string, dueDate = '2021-06-30'): DomainEvent => ({
    type: 'MilestoneOverdue',
    data: { taskId, milestoneId, dueDate, recordedOn: '2021-07-01' },
  });

  it('follows the lead unit through a transfer and a return', () => {
    expect(row([...planned, taskTransferred('land-bureau')]).leadUnitId).toBe('land-bureau');
    expect(row([...planned, taskReturned()])).toMatchObject({
      leadUnitId: null,
      status: 'registered',
    });
  });

  it('is signed once the lead unit signs, assigned again after a transfer', () => {
    const signed = [...planned, taskSigned()];
    expect(row(signed).status).toBe('signed');
    expect(row([...signed, taskTransferred('land-bureau')]).status).toBe('assigned');
  });

  it('shows a pending completion report, then closed once accepted', () => {
    expect(row([...planned.slice(0, 3), milestoneCompleted(), completionReported]).status).toBe(
      'completion_reported',
    );
    expect(row(closedTask).status).toBe('closed');
  });

  it('is suspended while suspended and terminated for good', () => {
    const suspended = [...planned, progressReported('m1', 10), taskSuspended];
    expect(row(suspended)).toMatchObject({ status: 'suspended', suspended: true });
    expect(row([...suspended, taskResumed]).status).toBe('in_progress');
    expect(row([...suspended, taskTerminated]).status).toBe('terminated');
  });

  it('counts open milestones recorded overdue for their current due date', () => {
    expect(row([...planned, overdue('m1')]).overdueMilestones).toBe(1);
    expect(row([...planned, overdue('m1'), milestoneCompleted('m1')]).overdueMilestones).toBe(0);
    const extended = [...planned, extensionRequested(), overdue('m1'), extensionApproved()];
    expect(row(extended).overdueMilestones).toBe(0);
  });

  it('shows the next due date of an open milestone, after an extension', () => {
    const extended = [...planned, extensionRequested(), extensionApproved()];
    expect(row(planned).nextDueDate).toBe('2021-06-30');
    expect(row(extended).nextDueDate).toBe('2021-06-30');
    expect(row([...extended, milestoneCompleted('m2')]).nextDueDate).toBe('2021-07-31');
    const done = [...planned, milestoneCompleted('m1'), milestoneCompleted('m2')];
    expect(row(done).nextDueDate).toBeNull();
  });

  it('keeps the task’s own due date whatever its milestones’ extensions', () => {
    const extended = [...planned, extensionRequested(), extensionApproved()];
    expect(row(extended).dueDate).toBe('2021-12-31');
  });

  it('moves the task’s own due date once an extension of it is granted, and only then', () => {
    const asked = [...planned, extensionRequested('t1', '2022-01-31', null, '2021-12-31')];
    const forwarded = [...asked, extensionReviewed('t1', true, null)];
    expect(row(forwarded).dueDate).toBe('2021-12-31');
    const granted = row([...forwarded, extensionApproved('t1', '2022-01-31', null)]);
    expect(granted).toMatchObject({ dueDate: '2022-01-31', nextDueDate: '2021-06-30' });
    expect(row([...forwarded, extensionRejected('t1', null)]).dueDate).toBe('2021-12-31');
  });

  it('counts a reopened blockage as open again', () => {
    const reopened: DomainEvent = {
      type: 'BlockageReopened',
      data: { taskId, blockageId: 'b1', reason: 'again' },
    };
    const item = row([...planned, blockageReported('b1'), blockageResolved('b1'), reopened]);
    expect(item.openBlockages).toBe(1);
  });

  it('is stamped by any event of the task, so it sorts by the latest activity', () => {
    const item = row([...planned, noticeIssued()]);
    expect(item).toMatchObject({ position: 5, updatedAt: recordedAt(4) });
  });
});

describe('the task list projection', () => {
  it('builds no row from an event of a task it never saw registered', () => {
    expect(project(taskListProjection, [milestonePlanned()])).toBeNull();
  });

  it('leaves the row as it is for a unit event, and touches no document for it', () => {
    const item = deepFreeze(row([taskRegistered]));
    const [envelope] = envelopes([unitRegistered]);
    expect(taskListProjection.documentId(envelope!)).toBeNull();
    expect(taskListProjection.evolve(item, envelope!)).toBe(item);
  });

  it('returns a new row and leaves the one it was given unchanged', () => {
    const history = [taskRegistered, taskAssigned, milestonePlanned('m1')];
    const before = row(history);
    const copy = structuredClone(before);
    const [, , , next] = envelopes([...history, milestoneCompleted('m1')]);
    const after = taskListProjection.evolve(before, next!);
    expect(after).not.toBe(before);
    expect(before).toEqual(copy);
  });
});
