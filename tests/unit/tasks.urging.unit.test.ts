import type { TaskEvent } from '../../contracts/events/index.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { defaultContext, given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  closedTask,
  leadHead,
  on,
  plannedTask,
  taskId,
  taskRegistered,
  taskReturned,
  taskSuspended,
} from './support/task-fixtures.ts';

const knownUnitIds = ['education-bureau', 'finance-bureau', 'land-bureau'];

const urge = taskCommand('UrgeTask', {
  taskId,
  urgeId: 'u1',
  unitId: null,
  message: 'Land approval is late: report by Friday',
  replyBy: '2021-03-05',
  knownUnitIds,
});

const urged = (change: Partial<Extract<TaskEvent, { type: 'TaskUrged' }>['data']> = {}) => ({
  type: 'TaskUrged' as const,
  data: {
    taskId,
    urgeId: 'u1',
    unitId: 'education-bureau',
    message: 'Land approval is late: report by Friday',
    replyBy: '2021-03-05',
    urgedOn: '2021-03-01',
    ...change,
  },
});

/** Today is 2021-03-01 in the default context. */
describe('urging a task (催办)', () => {
  it('urges the lead unit when no unit is named, on the day of the clock', () => {
    given(taskDecider, plannedTask).when(urge()).then([urged()]);
  });

  it('urges a cooperating unit the office names', () => {
    given(taskDecider, plannedTask)
      .when(urge({ unitId: 'finance-bureau' }))
      .then([urged({ unitId: 'finance-bureau' })]);
  });

  it('may set no day to reply by', () => {
    given(taskDecider, plannedTask)
      .when(urge({ replyBy: null }))
      .then([urged({ replyBy: null })]);
  });

  it('may ask for a reply on the day itself', () => {
    given(taskDecider, plannedTask)
      .when(urge({ replyBy: '2021-03-10' }), on('2021-03-10'))
      .then([urged({ replyBy: '2021-03-10', urgedOn: '2021-03-10' })]);
  });

  it('takes its business day in China Standard Time', () => {
    // 17:00 UTC on 1 March is 01:00 on 2 March in Beijing.
    const context = { ...on('2021-03-01'), now: '2021-03-01T17:00:00.000Z' };
    given(taskDecider, plannedTask)
      .when(urge({ replyBy: null }), context)
      .then([urged({ replyBy: null, urgedOn: '2021-03-02' })]);
  });

  it('may urge a suspended task: the office presses for it to resume', () => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(urge())
      .then([urged()]);
  });

  itRefuses(taskDecider, plannedTask, [
    [
      'refuses a unit with no part in the task',
      urge({ unitId: 'land-bureau' }),
      defaultContext,
      'VALIDATION',
      'unitId',
    ],
    [
      'refuses a unit the directory does not know',
      urge({ unitId: 'ghost-bureau' }),
      defaultContext,
      'NOT_FOUND',
      'unitId',
    ],
    [
      'refuses a reply day already past',
      urge({ replyBy: '2021-02-28' }),
      defaultContext,
      'VALIDATION',
      'replyBy',
    ],
    ['is for the office only', urge(), leadHead, 'FORBIDDEN'],
  ]);

  it('needs a lead unit: a task not yet assigned has none to urge', () => {
    given(taskDecider, [taskRegistered]).when(urge()).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('needs a lead unit: a returned task has none until it is assigned again', () => {
    given(taskDecider, [...plannedTask, taskReturned()])
      .when(urge({ unitId: 'finance-bureau' }))
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is refused once the task is closed (办结)', () => {
    given(taskDecider, closedTask).when(urge()).thenThrows('ILLEGAL_STATE', 'taskId');
  });
});
