import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  clock,
  extensionApproved,
  extensionRequested,
  milestoneCompleted,
  on,
  plannedTask,
  taskId,
  taskResumed,
  taskSuspended,
} from './support/task-fixtures.ts';

const remind = (leadDays = 3, milestoneId = 'm1'): TaskCommand => ({
  type: 'RemindMilestoneDueSoon',
  data: { taskId, milestoneId, leadDays },
});

const recordOverdue = (milestoneId = 'm1'): TaskCommand => ({
  type: 'RecordMilestoneOverdue',
  data: { taskId, milestoneId },
});

const reminded = (remindedOn: string, dueDate = '2021-06-30') => ({
  type: 'MilestoneDueSoonReminded' as const,
  data: { taskId, milestoneId: 'm1', dueDate, remindedOn },
});

const overdue = (recordedOn: string, dueDate = '2021-06-30') => ({
  type: 'MilestoneOverdue' as const,
  data: { taskId, milestoneId: 'm1', dueDate, recordedOn },
});

/** Milestone m1 is due 2021-06-30. */
describe('a milestone due within the lead time', () => {
  it.each(['2021-06-27', '2021-06-29', '2021-06-30'])('is reminded of on %s', (day) => {
    given(taskDecider, plannedTask)
      .when(remind(3), on(day, clock))
      .then([reminded(day)]);
  });

  it('is reminded of from the first minute of the day, China Standard Time', () => {
    const cstMidnight = { ...clock, now: '2021-06-26T16:00:00.000Z' };
    given(taskDecider, plannedTask)
      .when(remind(3), cstMidnight)
      .then([reminded('2021-06-27')]);
  });

  it('is reminded of once per due date', () => {
    given(taskDecider, [...plannedTask, reminded('2021-06-27')])
      .when(remind(3), on('2021-06-28', clock))
      .then([]);
  });

  it('is reminded of again for a new due date after an extension', () => {
    const history = [
      ...plannedTask,
      reminded('2021-06-27'),
      extensionRequested(),
      extensionApproved(),
    ];
    given(taskDecider, history)
      .when(remind(3), on('2021-07-28', clock))
      .then([reminded('2021-07-28', '2021-07-31')]);
  });
});

describe('a milestone not yet within the lead time', () => {
  it('records nothing', () => {
    given(taskDecider, plannedTask).when(remind(3), on('2021-06-26', clock)).then([]);
  });

  it('is reminded of only on the due day with a lead time of 0', () => {
    given(taskDecider, plannedTask).when(remind(0), on('2021-06-29', clock)).then([]);
    given(taskDecider, plannedTask)
      .when(remind(0), on('2021-06-30', clock))
      .then([reminded('2021-06-30')]);
  });

  it('follows the lead time the command brings from the ruleset', () => {
    given(taskDecider, plannedTask)
      .when(remind(7), on('2021-06-23', clock))
      .then([reminded('2021-06-23')]);
  });
});

describe('a reminder that does not apply', () => {
  it.each([
    ['past its due date', plannedTask, '2021-07-01'],
    ['completed', [...plannedTask, milestoneCompleted()], '2021-06-29'],
    ['of a suspended task', [...plannedTask, taskSuspended], '2021-06-29'],
  ])('records nothing for a milestone %s', (_, history, day) => {
    given(taskDecider, history).when(remind(3), on(day, clock)).then([]);
  });

  it('is recorded again once the task is resumed', () => {
    given(taskDecider, [...plannedTask, taskSuspended, taskResumed])
      .when(remind(3), on('2021-06-29', clock))
      .then([reminded('2021-06-29')]);
  });
});

describe('a reminder asked wrongly', () => {
  it.each([-1, 1.5, 367, Number.NaN])('refuses a lead time of %p days', (leadDays) => {
    given(taskDecider, plannedTask)
      .when(remind(leadDays), on('2021-06-29', clock))
      .thenThrows('VALIDATION', 'leadDays');
  });

  it('needs a planned milestone', () => {
    given(taskDecider, plannedTask)
      .when(remind(3, 'm9'), on('2021-06-29', clock))
      .thenThrows('NOT_FOUND', 'milestoneId');
  });
});

describe('a milestone past its due date', () => {
  it('is recorded overdue the day after', () => {
    given(taskDecider, plannedTask)
      .when(recordOverdue(), on('2021-07-01', clock))
      .then([overdue('2021-07-01')]);
  });

  it('is not overdue on the due day, up to its last minute in China Standard Time', () => {
    const lastMinute = { ...clock, now: '2021-06-30T15:59:59.999Z' };
    given(taskDecider, plannedTask).when(recordOverdue(), lastMinute).then([]);
  });

  it('is overdue from the first minute of the next day in China Standard Time', () => {
    const nextDay = { ...clock, now: '2021-06-30T16:00:00.000Z' };
    given(taskDecider, plannedTask)
      .when(recordOverdue(), nextDay)
      .then([overdue('2021-07-01')]);
  });

  it('is recorded overdue once', () => {
    given(taskDecider, [...plannedTask, overdue('2021-07-01')])
      .when(recordOverdue(), on('2021-07-02', clock))
      .then([]);
  });

  it('is recorded overdue again when an extended date passes too', () => {
    const history = [...plannedTask, extensionRequested(), extensionApproved()];
    given(taskDecider, history).when(recordOverdue(), on('2021-07-01', clock)).then([]);
    given(taskDecider, [...history, overdue('2021-07-01')])
      .when(recordOverdue(), on('2021-08-01', clock))
      .then([overdue('2021-08-01', '2021-07-31')]);
  });

  it.each([
    ['completed', [...plannedTask, milestoneCompleted()]],
    ['of a suspended task', [...plannedTask, taskSuspended]],
  ])('records nothing when %s', (_, history) => {
    given(taskDecider, history).when(recordOverdue(), on('2021-07-01', clock)).then([]);
  });

  it('needs a planned milestone', () => {
    given(taskDecider, plannedTask)
      .when(recordOverdue('m9'), on('2021-07-01', clock))
      .thenThrows('NOT_FOUND', 'milestoneId');
  });
});

/** m1 due 2021-06-30; the clock names the limit where the due date was a day off. */
describe('a milestone whose limit the clock names', () => {
  const withLimit = (command: TaskCommand, limitDate: string): TaskCommand =>
    ({ ...command, data: { ...command.data, limitDate } }) as TaskCommand;

  it('is not overdue up to its limit, and is the day after, the limit recorded', () => {
    given(taskDecider, plannedTask)
      .when(withLimit(recordOverdue(), '2021-07-02'), on('2021-07-02', clock))
      .then([]);
    given(taskDecider, plannedTask)
      .when(withLimit(recordOverdue(), '2021-07-02'), on('2021-07-03', clock))
      .then([
        {
          type: 'MilestoneOverdue',
          data: {
            taskId,
            milestoneId: 'm1',
            dueDate: '2021-06-30',
            limitDate: '2021-07-02',
            recordedOn: '2021-07-03',
          },
        },
      ]);
  });

  it('names no limit in the fact when it is the due date itself', () => {
    given(taskDecider, plannedTask)
      .when(withLimit(recordOverdue(), '2021-06-30'), on('2021-07-01', clock))
      .then([overdue('2021-07-01')]);
  });

  it('is reminded of up to its limit, the lead counted by the clock in working days', () => {
    given(taskDecider, plannedTask)
      .when(withLimit(remind(3), '2021-07-02'), on('2021-06-24', clock))
      .then([
        {
          type: 'MilestoneDueSoonReminded',
          data: {
            taskId,
            milestoneId: 'm1',
            dueDate: '2021-06-30',
            limitDate: '2021-07-02',
            remindedOn: '2021-06-24',
          },
        },
      ]);
  });

  it.each([
    ['before the due date', '2021-06-29'],
    ['more than a month after it', '2021-08-01'],
    ['not a date', 'soon'],
  ])('refuses a limit %s, naming limitDate', (_, limitDate) => {
    given(taskDecider, plannedTask)
      .when(withLimit(recordOverdue(), limitDate), on('2021-08-02', clock))
      .thenThrows('VALIDATION', 'limitDate');
  });
});
