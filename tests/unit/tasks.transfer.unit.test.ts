import type { TaskEvent } from '../../contracts/events/index.ts';
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

const returnRequested = (unitId = 'education-bureau'): TaskEvent => ({
  type: 'TaskReturnRequested',
  data: { taskId, unitId, reason: 'Not ours: school land is planned elsewhere' },
});

const acceptReturn = taskCommand('AcceptReturn', {
  taskId,
  toUnitId: 'land-bureau',
  reason: ' Land is the land bureau’s work ',
  knownUnitIds: ['land-bureau', 'education-bureau', 'finance-bureau'],
});

const refuseReturn: TaskCommand = {
  type: 'RefuseReturn',
  data: { taskId, reason: ' Schools are the education bureau’s work ' },
};

describe('returning a task (退回)', () => {
  it('records the request of the lead unit, the reason trimmed', () => {
    given(taskDecider, plannedTask).when(returnTask(), leadHead).then([returnRequested()]);
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
      .then([returnRequested()]);
  });

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(returnTask('\n'), leadHead)
      .thenThrows('VALIDATION', 'reason');
  });

  it('is asked once until the office rules', () => {
    given(taskDecider, [...plannedTask, returnRequested()])
      .when(returnTask(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a task whose lead unit asked to return it', () => {
  const asked = [...plannedTask, returnRequested()];

  it('keeps its lead unit until the office rules: it still reports on it', () => {
    const progress: TaskCommand = {
      type: 'ReportProgress',
      data: { taskId, milestoneId: 'm1', percent: 10, note: 'meanwhile' },
    };
    const events = taskDecider.decide(progress, state(asked), leadHead);
    expect(events.map((event) => event.type)).toEqual(['MilestoneProgressReported']);
  });

  it('cannot be signed for by the unit that asked', () => {
    given(taskDecider, asked)
      .when({ type: 'SignTask', data: { taskId } }, leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('goes to another unit when the office accepts, recorded as the return it was', () => {
    given(taskDecider, asked)
      .when(acceptReturn())
      .then([
        {
          type: 'TaskReturnAccepted',
          data: {
            taskId,
            unitId: 'education-bureau',
            toUnitId: 'land-bureau',
            reason: 'Land is the land bureau’s work',
          },
        },
      ]);
  });

  it('is out of the returning unit’s hands once accepted', () => {
    const accepted: TaskEvent = {
      type: 'TaskReturnAccepted',
      data: { taskId, unitId: 'education-bureau', toUnitId: 'land-bureau', reason: 'r' },
    };
    given(taskDecider, [...asked, accepted])
      .when(returnTask(), leadHead)
      .thenThrows('FORBIDDEN');
  });

  it('cannot be given back to the unit that returned it, nor to a cooperating unit', () => {
    given(taskDecider, asked)
      .when(acceptReturn({ toUnitId: 'education-bureau' }))
      .thenThrows('VALIDATION', 'toUnitId');
    given(taskDecider, asked)
      .when(acceptReturn({ toUnitId: 'finance-bureau' }))
      .thenThrows('VALIDATION', 'toUnitId');
  });

  it('stays with the unit when the office refuses, which then signs for it', () => {
    given(taskDecider, asked)
      .when(refuseReturn)
      .then([
        {
          type: 'TaskReturnRefused',
          data: {
            taskId,
            unitId: 'education-bureau',
            reason: 'Schools are the education bureau’s work',
          },
        },
      ]);
    const refused: TaskEvent = {
      type: 'TaskReturnRefused',
      data: { taskId, unitId: 'education-bureau', reason: 'r' },
    };
    given(taskDecider, [...asked, refused])
      .when({ type: 'SignTask', data: { taskId } }, leadHead)
      .then([{ type: 'TaskSigned', data: { taskId, unitId: 'education-bureau' } }]);
  });

  it('is no longer awaiting a ruling once transferred by the office', () => {
    given(taskDecider, [...asked, taskTransferred()])
      .when(refuseReturn)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a ruling with no return asked', () => {
  it.each([
    ['accepting', acceptReturn()],
    ['refusing', refuseReturn],
  ])('%s is refused as ILLEGAL_STATE', (_, command) => {
    given(taskDecider, plannedTask).when(command).thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a task returned before returns were requests', () => {
  it('leaves the unit that returned it out of the task', () => {
    given(taskDecider, [...plannedTask, taskReturned()])
      .when(returnTask(), leadHead)
      .thenThrows('FORBIDDEN');
  });
});

const state = (history: TaskEvent[]) =>
  history.reduce(taskDecider.evolve, taskDecider.initialState());
