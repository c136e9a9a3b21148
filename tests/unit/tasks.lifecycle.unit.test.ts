import type { TaskEvent } from '../../contracts/events/index.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  clock,
  leader,
  leadHead,
  milestoneCompleted,
  milestonePlanned,
  on,
  plannedTask,
  taskId,
  taskResumed,
  taskSuspended,
  taskTerminated,
} from './support/task-fixtures.ts';

const command = (
  type: 'SuspendTask' | 'ResumeTask' | 'TerminateTask',
  reason: string,
): TaskCommand => ({ type, data: { taskId, reason } });

/** The suspension as recorded on `day`. */
const suspendedOn = (day: string): TaskEvent => ({
  type: 'TaskSuspended',
  data: { taskId, reason: 'Funding frozen', suspendedOn: day },
});

describe('suspending a task', () => {
  it('records the reason trimmed', () => {
    given(taskDecider, plannedTask)
      .when(command('SuspendTask', ' Funding frozen '), leader)
      .then([suspendedOn('2021-03-01')]);
  });

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(command('SuspendTask', ''), leader)
      .thenThrows('VALIDATION', 'reason');
  });
});

describe('resuming a task', () => {
  it('records the reason trimmed', () => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(command('ResumeTask', 'Funding released\n'))
      .then([taskResumed]);
  });

  it('needs a reason', () => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(command('ResumeTask', ' '))
      .thenThrows('VALIDATION', 'reason');
  });

  it.each([
    ['never suspended', plannedTask],
    ['already resumed', [...plannedTask, taskSuspended, taskResumed]],
  ])('is refused for a task %s', (_, history) => {
    given(taskDecider, history)
      .when(command('ResumeTask', 'r'))
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

/** Suspended 2021-04-15, resumed 2021-08-01: 75 working days paused (04-15 to 07-31). */
describe('a task paused from 2021-04-15 to 2021-08-01 (the suspension case)', () => {
  const suspended = (milestones: TaskEvent[] = []) => [
    ...plannedTask,
    ...milestones,
    suspendedOn('2021-04-15'),
  ];
  const pause = { suspendedOn: '2021-04-15', resumedOn: '2021-08-01', workingDays: 75 };
  const resume = command('ResumeTask', 'Funding released');

  it('moves its open due dates on by the working days paused, each recorded', () => {
    given(taskDecider, suspended())
      .when(resume, on('2021-08-01'))
      .then([
        taskResumed,
        {
          type: 'MilestoneDueDateShifted',
          data: { taskId, milestoneId: 'm1', from: '2021-06-30', to: '2021-10-19', ...pause },
        },
        {
          type: 'TaskDueDateShifted',
          data: { taskId, from: '2021-12-31', to: '2022-04-15', ...pause },
        },
      ]);
  });

  it('so its milestone due 06-30 is not overdue on resuming, and can still be extended', () => {
    const fold = (events: readonly TaskEvent[]) =>
      events.reduce(taskDecider.evolve, taskDecider.initialState());
    const resumed = taskDecider.decide(resume, fold(suspended()), on('2021-08-01'));
    const state = fold([...suspended(), ...resumed]);
    const overdue = taskDecider.decide(
      { type: 'RecordMilestoneOverdue', data: { taskId, milestoneId: 'm1' } },
      state,
      on('2021-08-02', clock),
    );
    expect(overdue).toEqual([]);
    const asked = taskDecider.decide(
      {
        type: 'RequestDeadlineExtension',
        data: {
          taskId,
          milestoneId: 'm1',
          requestId: 'r1',
          requestedDueDate: '2021-11-30',
          reason: 'land approval',
        },
      },
      state,
      on('2021-08-02', leadHead),
    );
    expect(asked.map((event) => event.type)).toEqual(['DeadlineExtensionRequested']);
  });

  it('leaves a completed milestone, and one due before the pause, where they were', () => {
    const early = {
      ...milestonePlanned('m0'),
      data: { ...milestonePlanned('m0').data, dueDate: '2021-03-31' },
    };
    const events = taskDecider.decide(
      resume,
      suspended([early, milestonePlanned('m2'), milestoneCompleted('m2')]).reduce(
        taskDecider.evolve,
        taskDecider.initialState(),
      ),
      on('2021-08-01'),
    );
    expect(
      events.flatMap((event) =>
        event.type === 'MilestoneDueDateShifted' ? [event.data.milestoneId] : [],
      ),
    ).toEqual(['m1']);
  });

  it('counts the working days in the calendars the service looked up', () => {
    const calendar = shippedCalendars.get(2021)!;
    const withDayOff = { ...calendar, holidays: [...calendar.holidays, '2021-05-06'].sort() };
    const events = taskDecider.decide(
      { type: 'ResumeTask', data: { taskId, reason: 'r', calendars: [withDayOff] } },
      suspended().reduce(taskDecider.evolve, taskDecider.initialState()),
      on('2021-08-01'),
    );
    expect(events[1]).toMatchObject({ data: { workingDays: 74, to: '2021-10-18' } });
  });

  it('moves nothing after a pause over days off only', () => {
    const weekend = [...plannedTask, suspendedOn('2021-04-17')];
    given(taskDecider, weekend).when(resume, on('2021-04-19')).then([taskResumed]);
  });

  it('moves nothing when its suspension did not record the day (facts recorded before)', () => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(resume, on('2021-08-01'))
      .then([taskResumed]);
  });
});

describe('a resumed task', () => {
  it('takes progress again', () => {
    const progress: TaskCommand = {
      type: 'ReportProgress',
      data: { taskId, milestoneId: 'm1', percent: 10, note: null },
    };
    const events = taskDecider.decide(
      progress,
      [...plannedTask, taskSuspended, taskResumed].reduce(
        taskDecider.evolve,
        taskDecider.initialState(),
      ),
      leadHead,
    );
    expect(events.map((event) => event.type)).toEqual(['MilestoneProgressReported']);
  });
});

describe('terminating a task', () => {
  it('records the reason trimmed', () => {
    given(taskDecider, plannedTask)
      .when(command('TerminateTask', ' Plan withdrawn'), leader)
      .then([taskTerminated]);
  });

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(command('TerminateTask', ''), leader)
      .thenThrows('VALIDATION', 'reason');
  });

  it('happens once', () => {
    given(taskDecider, [...plannedTask, taskTerminated])
      .when(command('TerminateTask', 'again'), leader)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a terminated task', () => {
  it('is still registered: registering it again is refused', () => {
    const register: TaskCommand = {
      type: 'RegisterTask',
      data: {
        taskId,
        title: 't',
        description: null,
        section: null,
        plannedStart: '2021-01-01',
        dueDate: '2021-12-31',
      },
    };
    given(taskDecider, [...plannedTask, taskTerminated])
      .when(register)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});
