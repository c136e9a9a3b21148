import type { TaskEvent } from '../../contracts/events/index.ts';
import { taskListProjection } from '../../projections/task-list/projection.ts';
import { project, recordedAt } from './support/project.ts';
import {
  closedTask,
  completedTask,
  completionRejected,
  completionReported,
  evidenceFile,
  milestoneCompleted,
  plannedTask,
  progressReported,
  taskId,
  taskResumed,
  taskSigned,
  taskSuspended,
  taskTerminated,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const reported = [...completedTask, completionReported];

describe('a completion report (办结报告)', () => {
  it('shows as reported with its summary, evidence, when and who', () => {
    const doc = page(reported, { 4: 'head-of-education-bureau' });
    expect(doc.status).toBe('completion_reported');
    expect(doc.completion).toEqual({
      state: 'reported',
      summary: 'Three schools built',
      evidence: [evidenceFile],
      reportedAt: recordedAt(4),
      reportedBy: 'head-of-education-bureau',
      acceptedAt: null,
      acceptedBy: null,
      comment: null,
      rejections: [],
    });
  });

  it('once accepted closes the task (办结)', () => {
    const doc = page(closedTask);
    expect(doc.status).toBe('closed');
    expect(doc.completion).toMatchObject({
      state: 'accepted',
      acceptedAt: recordedAt(5),
      acceptedBy: 'office-1',
    });
  });

  it('once rejected shows the task completed again, the rejection kept with its reason', () => {
    const doc = page([...reported, completionRejected], { 5: 'office-2' });
    expect(doc.status).toBe('completed');
    expect(doc.completion).toMatchObject({
      state: 'rejected',
      rejections: [
        {
          summary: 'Three schools built',
          reason: 'One school has no playground',
          rejectedAt: recordedAt(5),
          rejectedBy: 'office-2',
        },
      ],
    });
  });

  it('reported again after a rejection is pending again, the first rejection still kept', () => {
    const doc = page([...reported, completionRejected, completionReported]);
    expect(doc.status).toBe('completion_reported');
    expect(doc.completion.rejections).toHaveLength(1);
  });
});

describe('a suspended task', () => {
  const suspended = [...plannedTask, progressReported('m1', 30), taskSuspended];

  it('shows as suspended whatever its progress, with the reason and who suspended it', () => {
    const doc = page(suspended);
    expect(doc).toMatchObject({ status: 'suspended', suspended: true, progress: 30 });
    expect(doc.suspensions).toEqual([
      {
        reason: 'Funding frozen',
        suspendedAt: recordedAt(4),
        suspendedBy: 'office-1',
        resumeReason: null,
        resumedAt: null,
        resumedBy: null,
      },
    ]);
  });

  it('goes back to its work status once resumed, the suspension kept with both reasons', () => {
    const doc = page([...suspended, taskResumed]);
    expect(doc).toMatchObject({ status: 'in_progress', suspended: false });
    expect(doc.suspensions[0]).toMatchObject({
      resumeReason: 'Funding released',
      resumedAt: recordedAt(5),
    });
  });

  it('lists each suspension once suspended again', () => {
    const doc = page([...suspended, taskResumed, taskSuspended]);
    expect(doc.suspensions.map((s) => s.resumedAt)).toEqual([recordedAt(5), null]);
    expect(doc.status).toBe('suspended');
  });

  it('shows as suspended over a pending completion report', () => {
    expect(page([...reported, taskSuspended]).status).toBe('suspended');
  });
});

describe('a terminated task', () => {
  it('shows as terminated, with the reason, when and who', () => {
    const doc = page([...plannedTask, taskTerminated]);
    expect(doc.status).toBe('terminated');
    expect(doc.termination).toEqual({
      reason: 'Plan withdrawn',
      terminatedAt: recordedAt(3),
      terminatedBy: 'office-1',
    });
  });

  it('shows as terminated even when it was suspended', () => {
    expect(page([...plannedTask, taskSuspended, taskTerminated]).status).toBe('terminated');
  });
});

describe('the status of a task signed for and then started', () => {
  it('is signed before any report, in progress after the first', () => {
    const signed = [...plannedTask, taskSigned()];
    expect(page(signed).status).toBe('signed');
    expect(page([...signed, progressReported('m1', 10)]).status).toBe('in_progress');
    expect(page([...signed, milestoneCompleted()]).status).toBe('completed');
  });
});

describe('a pause that moved the open due dates on', () => {
  const pause = { suspendedOn: '2021-04-15', resumedOn: '2021-08-01', workingDays: 75 };
  const shifted: TaskEvent[] = [
    {
      type: 'MilestoneDueDateShifted',
      data: { taskId, milestoneId: 'm1', from: '2021-06-30', to: '2021-10-19', ...pause },
    },
    {
      type: 'TaskDueDateShifted',
      data: { taskId, from: '2021-12-31', to: '2022-04-15', ...pause },
    },
  ];

  it('shows the new dates, the planned one kept, and the working days on the suspension', () => {
    const doc = page([...plannedTask, taskSuspended, taskResumed, ...shifted]);
    expect(doc.dueDate).toBe('2022-04-15');
    expect(doc.milestones[0]).toMatchObject({
      dueDate: '2021-10-19',
      originalDueDate: '2021-06-30',
    });
    expect(doc.suspensions.at(-1)).toMatchObject({ workingDaysShifted: 75 });
  });

  it('moves the task list’s dates too', () => {
    const item = project(taskListProjection, [
      ...plannedTask,
      taskSuspended,
      taskResumed,
      ...shifted,
    ]);
    expect(item).toMatchObject({ dueDate: '2022-04-15', nextDueDate: '2021-10-19' });
  });
});
