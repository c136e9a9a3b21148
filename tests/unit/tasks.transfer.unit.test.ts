import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  cooperatingHead,
  leadHead,
  plannedTask,
  taskId,
  taskRegistered,
  taskReturned,
  taskSigned,
  taskTransferred,
} from './support/task-fixtures.ts';

const transferTask = taskCommand('TransferTask', {
  taskId,
  toUnitId: 'land-bureau',
  reason: ' Land is the land bureau’s work ',
  knownUnitIds: ['land-bureau'],
});

const returnTask = (reason = ' Not ours: school land is planned elsewhere'): TaskCommand => ({
  type: 'ReturnTask',
  data: { taskId, reason },
});

describe('transferring a task', () => {
  it('records the move from the lead unit, with the reason trimmed', () => {
    given(taskDecider, plannedTask).when(transferTask()).then([taskTransferred()]);
  });

  it('records a move from no unit after a return', () => {
    given(taskDecider, [...plannedTask, taskReturned()])
      .when(transferTask())
      .then([taskTransferred('land-bureau', null)]);
  });

  it('needs the task assigned first', () => {
    given(taskDecider, [taskRegistered]).when(transferTask()).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('needs a unit the directory knows', () => {
    given(taskDecider, plannedTask)
      .when(transferTask({ knownUnitIds: [] }))
      .thenThrows('NOT_FOUND', 'toUnitId');
  });

  it('refuses the current lead unit', () => {
    const command = transferTask({
      toUnitId: 'education-bureau',
      knownUnitIds: ['education-bureau'],
    });
    given(taskDecider, plannedTask).when(command).thenThrows('VALIDATION', 'toUnitId');
  });

  it('refuses a cooperating unit: that is a re-assignment', () => {
    const command = transferTask({ toUnitId: 'finance-bureau', knownUnitIds: ['finance-bureau'] });
    given(taskDecider, plannedTask).when(command).thenThrows('VALIDATION', 'toUnitId');
  });

  it.each([' ', 'x'.repeat(2001)])('needs a reason of at most 2000 characters (%#)', (reason) => {
    given(taskDecider, plannedTask)
      .when(transferTask({ reason }))
      .thenThrows('VALIDATION', 'reason');
  });
});

describe('a task transferred', () => {
  it('is out of the former lead unit’s hands', () => {
    const progress: TaskCommand = {
      type: 'ReportProgress',
      data: { taskId, milestoneId: 'm1', percent: 10, note: null },
    };
    given(taskDecider, [...plannedTask, taskTransferred()])
      .when(progress, leadHead)
      .thenThrows('FORBIDDEN');
  });
});

describe('returning a task', () => {
  it('records the lead unit and the reason trimmed', () => {
    given(taskDecider, plannedTask).when(returnTask(), leadHead).then([taskReturned()]);
  });

  it('is for the lead unit only', () => {
    given(taskDecider, plannedTask).when(returnTask(), cooperatingHead).thenThrows('FORBIDDEN');
  });

  it('is too late once the lead unit signed', () => {
    given(taskDecider, [...plannedTask, taskSigned()])
      .when(returnTask(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is allowed when only a cooperating unit signed', () => {
    given(taskDecider, [...plannedTask, taskSigned('finance-bureau')])
      .when(returnTask(), leadHead)
      .then([taskReturned()]);
  });

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(returnTask('\n'), leadHead)
      .thenThrows('VALIDATION', 'reason');
  });
});

describe('a returned task', () => {
  it('leaves the unit that returned it out of the task', () => {
    given(taskDecider, [...plannedTask, taskReturned()])
      .when(returnTask(), leadHead)
      .thenThrows('FORBIDDEN');
  });
});
