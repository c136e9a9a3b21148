import type { DomainEvent, TaskEvent, UnitEvent } from '../../contracts/events/index.ts';
import { taskEventTypes } from '../../contracts/events/index.ts';
import { clockAgendaProjection } from '../../projections/clock-agenda/projection.ts';
import { envelopes, project } from './support/project.ts';
import {
  blockageReported,
  blockageResolved,
  extensionApproved,
  extensionRequested,
  milestoneCompleted,
  milestonePlanned,
  plannedTask,
  progressReported,
  taskAssigned,
  taskId,
  taskRegistered,
  taskResumed,
  taskSuspended,
  taskTerminated,
} from './support/task-fixtures.ts';

/** The agenda after `events`, the event at index i recorded on 2021-03-01 + i days. */
const agenda = (events: DomainEvent[]) => {
  const item = project(clockAgendaProjection, events);
  if (!item) throw new Error('expected an agenda');
  return item;
};

const reminded = (dueDate = '2021-06-30'): TaskEvent => ({
  type: 'MilestoneDueSoonReminded',
  data: { taskId, milestoneId: 'm1', dueDate, remindedOn: '2021-06-27' },
});

const overdue = (dueDate = '2021-06-30'): TaskEvent => ({
  type: 'MilestoneOverdue',
  data: { taskId, milestoneId: 'm1', dueDate, recordedOn: '2021-07-01' },
});

const escalated = (level: 1 | 2, blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageEscalated',
  data: { taskId, blockageId, level, by: 'system' },
});

const reopened = (blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageReopened',
  data: { taskId, blockageId, reason: 'The approval was withdrawn' },
});

describe('the clock agenda of a registered task', () => {
  it('is kept under the task id in collection clock_agenda, with nothing due', () => {
    const [envelope] = envelopes([taskRegistered]);
    expect(clockAgendaProjection.collection).toBe('clock_agenda');
    expect(clockAgendaProjection.documentId(envelope!)).toBe(taskId);
    expect(agenda([taskRegistered])).toEqual({
      id: taskId,
      position: 1,
      taskId,
      suspended: false,
      terminated: false,
      milestones: [],
      blockages: [],
      nextDueDate: null,
      waitingSince: null,
      light: {
        plannedStart: '2021-01-01',
        dueDate: '2021-12-31',
        accepted: false,
        recorded: 'green',
      },
      lit: true,
    });
  });

  it('touches no document for an event of another aggregate', () => {
    const unit: UnitEvent = { type: 'UnitRegistered', data: { unitId: 'u1', name: 'Unit' } };
    const [envelope] = envelopes([unit], 'unit-u1');
    expect(clockAgendaProjection.documentId(envelope!)).toBeNull();
  });

  it('reads only task events', () => {
    for (const type of clockAgendaProjection.handles) expect(taskEventTypes).toContain(type);
  });
});

describe('the agenda of a planned milestone', () => {
  it('holds its due date as the next one due, and the position of the last event', () => {
    expect(agenda(plannedTask)).toMatchObject({
      position: 3,
      milestones: [
        {
          milestoneId: 'm1',
          dueDate: '2021-06-30',
          completed: false,
          remindedFor: [],
          overdueFor: [],
        },
      ],
      nextDueDate: '2021-06-30',
    });
  });

  it('keeps the earliest due date of several milestones', () => {
    const later: TaskEvent = {
      type: 'MilestonePlanned',
      data: { taskId, milestoneId: 'm2', title: 'Built', dueDate: '2021-09-30', weight: 1 },
    };
    const earlier: TaskEvent = {
      type: 'MilestonePlanned',
      data: { taskId, milestoneId: 'm3', title: 'Sited', dueDate: '2021-04-30', weight: 1 },
    };
    expect(agenda([...plannedTask, later, earlier]).nextDueDate).toBe('2021-04-30');
  });

  it('keeps of progress the percent (its light reads it) and the day the lead unit last reported (its reporting cycle)', () => {
    const before = agenda(plannedTask);
    const after = agenda([...plannedTask, progressReported('m1', 40)]);
    expect(after.milestones).toEqual([{ ...before.milestones[0], percent: 40 }]);
    expect(after.reporting?.lastReportOn).not.toBeNull();
    expect({ ...after.reporting, lastReportOn: null }).toEqual(before.reporting);
  });
});

describe('the agenda of a milestone the clock has spoken of', () => {
  it('remembers the due date reminded of, and still waits for its deadline', () => {
    expect(agenda([...plannedTask, reminded()])).toMatchObject({
      milestones: [{ remindedFor: ['2021-06-30'] }],
      nextDueDate: '2021-06-30',
    });
  });

  it('has nothing more due once recorded overdue', () => {
    expect(agenda([...plannedTask, reminded(), overdue()])).toMatchObject({
      milestones: [{ remindedFor: ['2021-06-30'], overdueFor: ['2021-06-30'] }],
      nextDueDate: null,
    });
  });

  it('is due again at the new date after an extension', () => {
    const events = [
      ...plannedTask,
      reminded(),
      extensionRequested(),
      extensionApproved('r1', '2021-07-31'),
    ];
    expect(agenda(events)).toMatchObject({
      milestones: [{ dueDate: '2021-07-31', remindedFor: ['2021-06-30'] }],
      nextDueDate: '2021-07-31',
    });
  });
});

describe('the agenda of a completed milestone', () => {
  it('has nothing due', () => {
    expect(agenda([...plannedTask, milestoneCompleted()])).toMatchObject({
      milestones: [{ completed: true }],
      nextDueDate: null,
    });
  });

  it('is due again once the milestone is reopened', () => {
    const reopenedMilestone: TaskEvent = {
      type: 'MilestoneReopened',
      data: { taskId, milestoneId: 'm1', reason: 'Evidence missing', percent: 80 },
    };
    const events = [...plannedTask, milestoneCompleted(), reopenedMilestone];
    expect(agenda(events)).toMatchObject({
      milestones: [{ completed: false }],
      nextDueDate: '2021-06-30',
    });
  });
});

describe('the agenda of a blockage', () => {
  // Event i is recorded on 2021-03-01 + i days (China Standard Time).
  const reported = [taskRegistered, taskAssigned, blockageReported()];

  it('waits from the day it was reported, at level 0', () => {
    expect(agenda(reported)).toMatchObject({
      blockages: [{ blockageId: 'b1', open: true, openSince: '2021-03-03', level: 0 }],
      waitingSince: '2021-03-03',
    });
  });

  it('keeps its level as it goes up, and waits no more at the main leader', () => {
    expect(agenda([...reported, escalated(1)])).toMatchObject({
      blockages: [{ level: 1 }],
      waitingSince: '2021-03-03',
    });
    expect(agenda([...reported, escalated(1), escalated(2)])).toMatchObject({
      blockages: [{ level: 2 }],
      waitingSince: null,
    });
  });

  it('never goes down a level', () => {
    expect(agenda([...reported, escalated(2), escalated(1)]).blockages[0]?.level).toBe(2);
  });

  it('waits no more once resolved', () => {
    expect(agenda([...reported, escalated(1), blockageResolved()])).toMatchObject({
      blockages: [{ open: false, level: 1 }],
      waitingSince: null,
    });
  });

  it('waits anew from the day it is reopened, at the level it had', () => {
    const events = [...reported, escalated(1), blockageResolved(), reopened()];
    expect(agenda(events)).toMatchObject({
      blockages: [{ open: true, level: 1, openSince: '2021-03-06' }],
      waitingSince: '2021-03-06',
    });
  });
});

describe('the agenda of a suspended or terminated task', () => {
  it('is marked suspended, and running again once resumed', () => {
    expect(agenda([...plannedTask, taskSuspended]).suspended).toBe(true);
    expect(agenda([...plannedTask, taskSuspended, taskResumed]).suspended).toBe(false);
  });

  it('is marked terminated', () => {
    expect(agenda([...plannedTask, taskTerminated]).terminated).toBe(true);
  });
});

describe('an event without an agenda', () => {
  it('builds nothing: a task stream starts with its registration', () => {
    expect(project(clockAgendaProjection, [milestonePlanned()])).toBeNull();
  });
});

describe('the time limits on the agenda', () => {
  const weekly: TaskEvent = {
    ...taskAssigned,
    data: { ...taskAssigned.data, reportingCycle: 'weekly' },
  };

  it('hold each responsible unit unsigned from the day of the assignment, and the cycle', () => {
    // Index 1: recorded 2021-03-02.
    const item = agenda([taskRegistered, weekly]);
    expect(item.signing?.map((entry) => [entry.unitId, entry.assignedOn, entry.signed])).toEqual([
      ['education-bureau', '2021-03-02', false],
      ['finance-bureau', '2021-03-02', false],
    ]);
    expect(item.reporting).toMatchObject({ cycle: 'weekly', leadUnitId: 'education-bureau' });
    expect(item.watching).toBe(true);
  });

  it('watch replies until answered, and nothing once the task is closed', () => {
    const urged: TaskEvent = {
      type: 'TaskUrged',
      data: {
        taskId,
        urgeId: 'u1',
        unitId: 'education-bureau',
        message: 'm',
        replyBy: '2021-03-10',
        urgedOn: '2021-03-03',
      },
    };
    const signedBoth: TaskEvent[] = [
      { type: 'TaskSigned', data: { taskId, unitId: 'education-bureau' } },
      { type: 'TaskSigned', data: { taskId, unitId: 'finance-bureau' } },
    ];
    const waiting = agenda([taskRegistered, taskAssigned, ...signedBoth, urged]);
    expect(waiting.watching).toBe(true);
    const answered: TaskEvent = {
      type: 'TaskUrgeAnswered',
      data: {
        taskId,
        urgeId: 'u1',
        unitId: 'education-bureau',
        answer: 'a',
        answeredOn: '2021-03-06',
      },
    };
    expect(agenda([taskRegistered, taskAssigned, ...signedBoth, urged, answered]).watching).toBe(
      false,
    );
    const closed: TaskEvent = {
      type: 'TaskCompletionAccepted',
      data: { taskId, comment: null, acceptedOn: '2021-03-06' },
    };
    expect(agenda([taskRegistered, weekly, closed]).watching).toBe(false);
  });
});

describe('the agenda of what a task’s light is judged from', () => {
  const light = (events: DomainEvent[]) => agenda(events).light;

  it('follows the task’s own due date: extended, shifted by a pause, set anew for 重新办理', () => {
    const extended: TaskEvent = {
      type: 'DeadlineExtensionApproved',
      data: {
        taskId,
        requestId: 'r1',
        milestoneId: null,
        newDueDate: '2022-01-31',
        approvedBy: 'l',
      },
    };
    const shifted: TaskEvent = {
      type: 'TaskDueDateShifted',
      data: {
        taskId,
        from: '2022-01-31',
        to: '2022-02-14',
        suspendedOn: '2021-05-01',
        resumedOn: '2021-05-15',
        workingDays: 10,
      },
    };
    expect(light([...plannedTask, extended])?.dueDate).toBe('2022-01-31');
    expect(light([...plannedTask, extended, shifted])?.dueDate).toBe('2022-02-14');
    const accepted: TaskEvent = {
      type: 'TaskCompletionAccepted',
      data: { taskId, comment: null, acceptedOn: '2021-03-01' },
    };
    const redo: TaskEvent = {
      type: 'TaskReopenedForRedo',
      data: {
        taskId,
        evaluationId: 'e1',
        previousDueDate: '2021-12-31',
        dueDate: '2022-03-31',
        reopenedOn: '2021-03-02',
      },
    };
    expect(light([...plannedTask, accepted])?.accepted).toBe(true);
    expect(light([...plannedTask, accepted, redo])).toMatchObject({
      accepted: false,
      dueDate: '2022-03-31',
    });
  });

  it('keeps each milestone’s weight and percent, 100 once completed, and the light last recorded', () => {
    const changed: TaskEvent = {
      type: 'TaskLightChanged',
      data: {
        taskId,
        day: '2021-03-01',
        from: 'green',
        to: 'red',
        reasons: ['behind 33.15 points'],
        actual: 0,
        expected: 33.15,
        rulesetVersion: 0,
      },
    };
    const item = agenda([...plannedTask, progressReported('m1', 40), changed]);
    expect(item.milestones[0]).toMatchObject({ title: 'Land approved', weight: 50, percent: 40 });
    expect(item.light?.recorded).toBe('red');
    expect(agenda([...plannedTask, milestoneCompleted()]).milestones[0]?.percent).toBe(100);
  });
});
