import type { TaskEvent } from '../../contracts/events/index.ts';
import { recordedAt } from './support/project.ts';
import {
  extensionApproved,
  extensionRejected,
  extensionRequested,
  milestoneCompleted,
  milestonePlanned,
  plannedTask,
  progressReported,
  taskId,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const reminded = (dueDate = '2021-06-30', remindedOn = '2021-06-27'): TaskEvent => ({
  type: 'MilestoneDueSoonReminded',
  data: { taskId, milestoneId: 'm1', dueDate, remindedOn },
});

const overdue = (dueDate = '2021-06-30', recordedOn = '2021-07-01'): TaskEvent => ({
  type: 'MilestoneOverdue',
  data: { taskId, milestoneId: 'm1', dueDate, recordedOn },
});

const reopened: TaskEvent = {
  type: 'MilestoneReopened',
  data: { taskId, milestoneId: 'm1', reason: 'Inspection failed', percent: 80 },
};

describe('an extension requested for a milestone', () => {
  const requested = [...plannedTask, extensionRequested()];

  it('is listed as requested, with the dates, the reason and who asked', () => {
    const doc = page(requested, { 3: 'head-of-education-bureau' });
    expect(doc.extensions).toEqual([
      {
        id: 'r1',
        milestoneId: 'm1',
        currentDueDate: '2021-06-30',
        requestedDueDate: '2021-07-31',
        reason: 'Survey delayed by rain',
        status: 'requested',
        requestedAt: recordedAt(3),
        requestedBy: 'head-of-education-bureau',
        reviewedAt: null,
        reviewedBy: null,
        reviewComment: null,
        decidedAt: null,
        decidedBy: null,
        newDueDate: null,
        rejectionReason: null,
      },
    ]);
  });

  it('leaves the due date as it is until a leader decides', () => {
    expect(page(requested).milestones[0]?.dueDate).toBe('2021-06-30');
  });

  it('once approved moves the milestone’s due date and keeps the original one', () => {
    const doc = page([...requested, extensionApproved()]);
    expect(doc.milestones[0]).toMatchObject({
      dueDate: '2021-07-31',
      originalDueDate: '2021-06-30',
    });
    expect(doc.extensions[0]).toMatchObject({
      status: 'approved',
      decidedAt: recordedAt(4),
      decidedBy: 'leader-1',
      newDueDate: '2021-07-31',
    });
  });

  it('once rejected keeps the due date and shows the leader’s reason', () => {
    const doc = page([...requested, extensionRejected()]);
    expect(doc.milestones[0]?.dueDate).toBe('2021-06-30');
    expect(doc.extensions[0]).toMatchObject({
      status: 'rejected',
      decidedAt: recordedAt(4),
      decidedBy: 'leader-1',
      rejectionReason: 'Rain is no reason',
      newDueDate: null,
    });
  });
});

describe('the clock’s facts on a milestone', () => {
  it('list each due-soon reminder with the day it was given', () => {
    const doc = page([...plannedTask, reminded()]);
    expect(doc.milestones[0]?.reminders).toEqual([
      { dueDate: '2021-06-30', remindedOn: '2021-06-27', recordedAt: recordedAt(3) },
    ]);
    expect(doc.milestones[0]?.overdue).toBe(false);
  });

  it('mark an open milestone overdue and count it on the task', () => {
    const doc = page([...plannedTask, milestonePlanned('m2'), overdue()]);
    expect(doc.milestones[0]).toMatchObject({
      overdue: true,
      overdueRecords: [{ dueDate: '2021-06-30', recordedOn: '2021-07-01' }],
    });
    expect(doc.milestones[1]?.overdue).toBe(false);
    expect(doc.overdueMilestones).toBe(1);
  });

  it('no longer count a milestone overdue once it is completed, late', () => {
    const doc = page([...plannedTask, overdue(), milestoneCompleted()]);
    expect(doc.milestones[0]).toMatchObject({ overdue: false, status: 'completed' });
    expect(doc.milestones[0]?.overdueRecords).toHaveLength(1);
    expect(doc.overdueMilestones).toBe(0);
  });

  it('no longer count it overdue once an extension gives it a later due date', () => {
    const late = [...plannedTask, extensionRequested(), overdue(), extensionApproved()];
    const doc = page(late);
    expect(doc.milestones[0]).toMatchObject({ overdue: false, dueDate: '2021-07-31' });
    expect(doc.overdueMilestones).toBe(0);
  });

  it('count it overdue again when the extended date passes too', () => {
    const late = [...plannedTask, extensionRequested(), extensionApproved()];
    const doc = page([...late, overdue('2021-07-31', '2021-08-01')]);
    expect(doc.overdueMilestones).toBe(1);
  });
});

describe('a reopened milestone', () => {
  const completed = [...plannedTask, progressReported('m1', 80), milestoneCompleted()];

  it('is open again at its last reported percent, no longer completed', () => {
    const doc = page([...completed, reopened]);
    expect(doc.milestones[0]).toMatchObject({ status: 'open', progress: 80, completedAt: null });
    expect(doc).toMatchObject({ status: 'in_progress', progress: 80, completedAt: null });
  });

  it('keeps the reason and who reopened it', () => {
    const doc = page([...completed, reopened], { 5: 'leader-1' });
    expect(doc.milestones[0]?.reopenings).toEqual([
      {
        reason: 'Inspection failed',
        percent: 80,
        reopenedAt: recordedAt(5),
        reopenedBy: 'leader-1',
      },
    ]);
  });

  it('counts as overdue again when its due date was recorded passed', () => {
    const doc = page([...completed, overdue(), reopened]);
    expect(doc.overdueMilestones).toBe(1);
  });

  it('leaves the task in progress even when it was completed without any report', () => {
    const doc = page([...plannedTask, milestoneCompleted(), reopened]);
    expect(doc.status).toBe('in_progress');
  });
});

describe('the task’s completion time', () => {
  it('is when its last open milestone was completed', () => {
    const doc = page([...plannedTask, milestonePlanned('m2'), milestoneCompleted('m1')]);
    expect(doc.completedAt).toBeNull();
    const done = page([
      ...plannedTask,
      milestonePlanned('m2'),
      milestoneCompleted('m1'),
      milestoneCompleted('m2'),
    ]);
    expect(done).toMatchObject({ status: 'completed', completedAt: recordedAt(5) });
  });

  it('stays the time it was reached while later events arrive', () => {
    const done = [...plannedTask, milestoneCompleted()];
    expect(page([...done, extensionRequested()]).completedAt).toBe(recordedAt(3));
  });

  it('is cleared when a new milestone is planned', () => {
    const doc = page([...plannedTask, milestoneCompleted(), milestonePlanned('m2')]);
    expect(doc.completedAt).toBeNull();
  });
});

describe("a milestone's evidence (佐证材料)", () => {
  const file = { fileName: '施工许可证.pdf', sha256: 'cd'.repeat(32), size: 4096 };
  const withEvidence = (percent: number, evidence: (typeof file)[]): TaskEvent => {
    const reported = progressReported('m1', percent);
    if (reported.type !== 'MilestoneProgressReported') throw new Error('a progress report');
    return { ...reported, data: { ...reported.data, evidence } };
  };

  it('is none before any report', () => {
    expect(page(plannedTask).milestones[0]?.lastEvidence).toEqual([]);
  });

  it('is the files offered with the last report, and none after a report without any', () => {
    const offered = page([...plannedTask, withEvidence(40, [file])]);
    expect(offered.milestones[0]?.lastEvidence).toEqual([file]);
    const later = page([...plannedTask, withEvidence(40, [file]), withEvidence(60, [])]);
    expect(later.milestones[0]?.lastEvidence).toEqual([]);
  });
});

describe('a report the office recorded for the unit (代录)', () => {
  it('names the unit it speaks for and the source, and a unit’s own next report none', () => {
    const recordedForUnit: TaskEvent = {
      type: 'MilestoneProgressReported',
      data: {
        taskId,
        milestoneId: 'm1',
        percent: 40,
        previousPercent: 0,
        note: null,
        reportedByUnitId: 'education-bureau',
        evidence: [],
        proxySource: '联络员张三 6月30日电话报送',
      },
    };
    expect(page([...plannedTask, recordedForUnit]).milestones[0]).toMatchObject({
      progress: 40,
      lastReportedByUnitId: 'education-bureau',
      lastProxySource: '联络员张三 6月30日电话报送',
    });
    expect(
      page([...plannedTask, recordedForUnit, progressReported('m1', 50, 40)]).milestones[0],
    ).toMatchObject({ progress: 50, lastProxySource: null });
  });
});
