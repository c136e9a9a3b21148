import type { TaskEvent } from '../../contracts/events/index.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  clock,
  leadHead,
  on,
  plannedTask,
  taskId,
  taskResumed,
  taskSuspended,
  taskTerminated,
} from './support/task-fixtures.ts';

type Colour = 'green' | 'yellow' | 'red';

const recordLight = (light: Colour): TaskCommand => ({
  type: 'RecordTaskLight',
  data: {
    taskId,
    light,
    reasons: light === 'green' ? [] : ['behind 35 points'],
    actual: 10,
    expected: 45,
    rulesetVersion: 2,
  },
});

const changed = (day: string, from: Colour, to: Colour): TaskEvent => ({
  type: 'TaskLightChanged',
  data: {
    taskId,
    day,
    from,
    to,
    reasons: to === 'green' ? [] : ['behind 35 points'],
    actual: 10,
    expected: 45,
    rulesetVersion: 2,
  },
});

describe('the light the clock judged for a task', () => {
  it('is recorded as a change from green when none was recorded before, on the clock’s day', () => {
    given(taskDecider, plannedTask)
      .when(recordLight('red'), on('2021-06-01', clock))
      .then([changed('2021-06-01', 'green', 'red')]);
  });

  it('is not recorded while it stays the light last recorded', () => {
    given(taskDecider, [...plannedTask, changed('2021-06-01', 'green', 'red')])
      .when(recordLight('red'), on('2021-06-02', clock))
      .then([]);
    given(taskDecider, plannedTask).when(recordLight('green'), on('2021-06-02', clock)).then([]);
  });

  it('changes from the light the task itself last recorded, whatever the clock believed', () => {
    given(taskDecider, [...plannedTask, changed('2021-06-01', 'green', 'yellow')])
      .when(recordLight('green'), on('2021-06-02', clock))
      .then([changed('2021-06-02', 'yellow', 'green')]);
  });

  it('is not recorded while the task is suspended, and again once resumed', () => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(recordLight('red'), on('2021-06-02', clock))
      .then([]);
    given(taskDecider, [...plannedTask, taskSuspended, taskResumed])
      .when(recordLight('red'), on('2021-06-02', clock))
      .then([changed('2021-06-02', 'green', 'red')]);
  });

  it('is refused for a terminated task, and to anyone but the clock', () => {
    given(taskDecider, [...plannedTask, taskTerminated])
      .when(recordLight('red'), on('2021-06-02', clock))
      .thenThrows('ILLEGAL_STATE');
    given(taskDecider, plannedTask).when(recordLight('red'), leadHead).thenThrows('FORBIDDEN');
  });

  it('names a colour and percents the judgement can give', () => {
    const command = recordLight('red');
    const blue = { ...command, data: { ...command.data, light: 'blue' } } as unknown as TaskCommand;
    given(taskDecider, plannedTask).when(blue, clock).thenThrows('VALIDATION', 'light');
    const over = { ...command, data: { ...command.data, expected: 101 } } as TaskCommand;
    given(taskDecider, plannedTask).when(over, clock).thenThrows('VALIDATION', 'expected');
  });
});
