import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  leadHead,
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

describe('suspending a task', () => {
  it('records the reason trimmed', () => {
    given(taskDecider, plannedTask)
      .when(command('SuspendTask', ' Funding frozen '))
      .then([taskSuspended]);
  });

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(command('SuspendTask', ''))
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
      .when(command('TerminateTask', ' Plan withdrawn'))
      .then([taskTerminated]);
  });

  it('needs a reason', () => {
    given(taskDecider, plannedTask)
      .when(command('TerminateTask', ''))
      .thenThrows('VALIDATION', 'reason');
  });

  it('happens once', () => {
    given(taskDecider, [...plannedTask, taskTerminated])
      .when(command('TerminateTask', 'again'))
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
