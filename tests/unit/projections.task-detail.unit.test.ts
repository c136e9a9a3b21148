import type { DomainEvent, UnitEvent } from '../../contracts/events/index.ts';
import { taskDetailProjection } from '../../projections/task-detail/projection.ts';
import { deepFreeze, envelopes, project, recordedAt } from './support/project.ts';
import {
  blockageReported,
  blockageResolved,
  milestoneCompleted,
  milestonePlanned,
  progressReported,
  taskAssigned,
  taskId,
  taskRegistered,
} from './support/task-fixtures.ts';

const unitRegistered: UnitEvent = { type: 'UnitRegistered', data: { unitId: 'u1', name: 'Unit' } };

const page = (events: DomainEvent[]) => {
  const doc = project(taskDetailProjection, events);
  if (!doc) throw new Error('expected a task page');
  return doc;
};

describe('the task page of a registered task', () => {
  it('shows the task as registered, with nothing planned yet', () => {
    expect(page([taskRegistered])).toEqual({
      id: taskId,
      position: 1,
      revision: 0,
      title: 'Build 3 new schools',
      description: null,
      section: 'Education',
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
      status: 'registered',
      progress: 0,
      leadUnitId: null,
      cooperatingUnitIds: [],
      responsibleLeader: null,
      assumed: [],
      milestones: [],
      blockages: [],
      openBlockages: 0,
      overdueMilestones: 0,
      registeredAt: recordedAt(0),
      updatedAt: recordedAt(0),
      completedAt: null,
      lastReportedAt: null,
      signatures: [],
      handovers: [],
      extensions: [],
      indicators: [],
      notices: [],
      urges: [],
      instructions: [],
      accountabilityRecords: [],
      bonuses: [],
      completion: {
        state: 'none',
        summary: null,
        evidence: [],
        reportedAt: null,
        reportedBy: null,
        acceptedAt: null,
        acceptedBy: null,
        comment: null,
        rejections: [],
      },
      suspended: false,
      suspensions: [],
      termination: null,
      returnRequests: [],
      proposals: [],
      kind: 'annual_plan',
      source: null,
      replies: [],
      evaluations: [],
      redos: [],
    });
  });

  it('is kept under the task id, in collection tasks', () => {
    const [envelope] = envelopes([taskRegistered]);
    expect(taskDetailProjection.collection).toBe('tasks');
    expect(taskDetailProjection.documentId(envelope!)).toBe(taskId);
  });
});

describe('the task page of an assigned task', () => {
  it('shows the units and leader, and the status assigned', () => {
    expect(page([taskRegistered, taskAssigned])).toMatchObject({
      status: 'assigned',
      leadUnitId: 'education-bureau',
      cooperatingUnitIds: ['finance-bureau'],
      responsibleLeader: 'leader-1',
    });
  });

  it('stamps the position, revision and time of the last event', () => {
    expect(page([taskRegistered, taskAssigned])).toMatchObject({
      position: 2,
      revision: 1,
      registeredAt: recordedAt(0),
      updatedAt: recordedAt(1),
    });
  });
});

describe('the milestones on the task page', () => {
  const planned = [
    taskRegistered,
    taskAssigned,
    milestonePlanned('m1', 1),
    milestonePlanned('m2', 3),
  ];

  it('are listed open and at 0 when planned', () => {
    expect(page(planned).milestones[0]).toEqual({
      id: 'm1',
      title: 'Land approved',
      dueDate: '2021-06-30',
      originalDueDate: '2021-06-30',
      weight: 1,
      ownerUnitId: null,
      progress: 0,
      status: 'open',
      completedAt: null,
      lastReportedAt: null,
      lastReportedByUnitId: null,
      lastNote: null,
      lastEvidence: [],
      overdue: false,
      assumed: [],
      reminders: [],
      overdueRecords: [],
      reopenings: [],
    });
  });

  it('show the last reported percent, when and by which unit it was reported', () => {
    const doc = page([...planned, progressReported('m2', 20)]);
    expect(doc.milestones[1]).toMatchObject({
      progress: 20,
      lastReportedAt: recordedAt(4),
      lastReportedByUnitId: 'education-bureau',
    });
    expect(doc.lastReportedAt).toBe(recordedAt(4));
  });

  it('weigh into the task progress', () => {
    const doc = page([...planned, progressReported('m2', 20), milestoneCompleted('m1')]);
    expect(doc.progress).toBe(40);
  });

  it('show a completed milestone at 100 with its completion time', () => {
    const doc = page([...planned, progressReported('m1', 20), milestoneCompleted('m1')]);
    expect(doc.milestones[0]).toMatchObject({
      progress: 100,
      status: 'completed',
      completedAt: recordedAt(5),
    });
  });
});

describe('the status on the task page', () => {
  const planned = [taskRegistered, taskAssigned, milestonePlanned('m1'), milestonePlanned('m2')];

  it('is in progress from the first report, even of 0 percent', () => {
    expect(page([...planned, progressReported('m1', 0)]).status).toBe('in_progress');
  });

  it('is in progress from the first completed milestone', () => {
    expect(page([...planned, milestoneCompleted('m1')]).status).toBe('in_progress');
  });

  it('is completed when every milestone is', () => {
    const doc = page([...planned, milestoneCompleted('m1'), milestoneCompleted('m2')]);
    expect(doc).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('is in progress again when a milestone is planned after completion', () => {
    const done = [...planned, milestoneCompleted('m1'), milestoneCompleted('m2')];
    expect(page([...done, milestonePlanned('m3')]).status).toBe('in_progress');
  });

  it('is in progress when progress is reported before assignment', () => {
    expect(page([taskRegistered, milestonePlanned('m1'), progressReported('m1', 10)]).status).toBe(
      'in_progress',
    );
  });
});

describe('the blockages on the task page', () => {
  const reported = [taskRegistered, taskAssigned, blockageReported('b1'), blockageReported('b2')];

  it('are listed open and counted', () => {
    const doc = page(reported);
    expect(doc.openBlockages).toBe(2);
    expect(doc.blockages[0]).toEqual({
      id: 'b1',
      description: 'Waiting for the land survey',
      waitingOnUnitId: 'land-bureau',
      status: 'open',
      reportedAt: recordedAt(2),
      resolvedAt: null,
      resolution: null,
      reportedByUnitId: 'education-bureau',
      reportedBy: 'office-1',
      escalationLevel: 0,
      escalations: [],
      coordinatorUnitId: null,
      coordinationNote: null,
      coordinationAssignedAt: null,
      reopenings: [],
    });
  });

  it('show a resolved blockage with its resolution, no longer counted as open', () => {
    const doc = page([...reported, blockageResolved('b1')]);
    expect(doc.openBlockages).toBe(1);
    expect(doc.blockages[0]).toMatchObject({
      status: 'resolved',
      resolvedAt: recordedAt(4),
      resolution: 'Survey delivered',
    });
  });
});

describe('the task projection', () => {
  it('builds no page from an event of a task it never saw registered', () => {
    expect(project(taskDetailProjection, [taskAssigned])).toBeNull();
  });

  it('leaves the page as it is for a unit event, and touches no document for it', () => {
    const doc = deepFreeze(page([taskRegistered]));
    const [envelope] = envelopes([unitRegistered]);
    expect(taskDetailProjection.documentId(envelope!)).toBeNull();
    expect(taskDetailProjection.evolve(doc, envelope!)).toBe(doc);
  });

  it('returns a new page and leaves the one it was given unchanged', () => {
    const history = [taskRegistered, taskAssigned, milestonePlanned('m1'), blockageReported('b1')];
    const before = page(history);
    const copy = structuredClone(before);
    const [, , , , next] = envelopes([...history, progressReported('m1', 50)]);
    const after = taskDetailProjection.evolve(before, next!);
    expect(after).not.toBe(before);
    expect(before).toEqual(copy);
  });
});
