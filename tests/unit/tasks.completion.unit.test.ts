import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  completedTask,
  completionAccepted,
  completionRejected,
  completionReported,
  cooperatingHead,
  evidenceFile,
  leadHead,
  milestoneCompleted,
  milestonePlanned,
  plannedTask,
  taskAssigned,
  taskId,
  taskRegistered,
  taskReturned,
} from './support/task-fixtures.ts';

const report = (summary = ' Three schools built ', evidence = [evidenceFile]): TaskCommand => ({
  type: 'ReportTaskCompletion',
  data: { taskId, summary, evidence },
});

const accept = (comment: string | null = null): TaskCommand => ({
  type: 'AcceptTaskCompletion',
  data: { taskId, comment },
});

const reject = (reason = ' One school has no playground'): TaskCommand => ({
  type: 'RejectTaskCompletion',
  data: { taskId, reason },
});

describe('reporting completion (办结报告)', () => {
  it('records the summary trimmed and the evidence', () => {
    given(taskDecider, completedTask).when(report(), leadHead).then([completionReported]);
  });

  it('is for the lead unit only', () => {
    given(taskDecider, completedTask).when(report(), cooperatingHead).thenThrows('FORBIDDEN');
  });

  it('needs every milestone completed, naming those that are not', () => {
    const history = [...completedTask, milestonePlanned('m2'), milestonePlanned('m3')];
    const error = given(taskDecider, history)
      .when(report(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
    expect(error.message).toContain('m2, m3');
  });

  it('needs at least one milestone', () => {
    given(taskDecider, [taskRegistered, taskAssigned])
      .when(report(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('needs a summary', () => {
    given(taskDecider, completedTask)
      .when(report('   '), leadHead)
      .thenThrows('VALIDATION', 'summary');
  });

  it('checks the evidence', () => {
    const evidence = [{ ...evidenceFile, sha256: 'not-a-hash' }];
    given(taskDecider, completedTask)
      .when(report('done', evidence), leadHead)
      .thenThrows('VALIDATION', 'evidence[0].sha256');
  });

  it('needs a lead unit: a returned task has none', () => {
    given(taskDecider, [...completedTask, taskReturned()])
      .when(report(), leadHead)
      .thenThrows('FORBIDDEN');
  });
});

describe('a completion report pending', () => {
  const pending = [...completedTask, completionReported];

  it('is not reported twice', () => {
    given(taskDecider, pending).when(report(), leadHead).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('takes no new milestone', () => {
    const plan: TaskCommand = {
      type: 'PlanMilestone',
      data: { taskId, milestoneId: 'm2', title: 'Playground', dueDate: '2021-09-30', weight: 10 },
    };
    given(taskDecider, pending).when(plan).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is accepted with the comment trimmed', () => {
    given(taskDecider, pending)
      .when(accept(' Well done '))
      .then([
        {
          type: 'TaskCompletionAccepted',
          data: { taskId, comment: 'Well done', acceptedOn: '2021-03-01' },
        },
      ]);
  });

  it('is accepted without a comment, blank counting as none', () => {
    given(taskDecider, pending).when(accept(' ')).then([completionAccepted]);
  });

  it('refuses a comment over 2000 characters', () => {
    given(taskDecider, pending)
      .when(accept('x'.repeat(2001)))
      .thenThrows('VALIDATION', 'comment');
  });

  it('is rejected (退回重办) with the reason trimmed', () => {
    given(taskDecider, pending).when(reject()).then([completionRejected]);
  });

  it('is not rejected without a reason', () => {
    given(taskDecider, pending).when(reject('')).thenThrows('VALIDATION', 'reason');
  });
});

describe('a task with no completion report pending', () => {
  it.each([
    ['never reported', completedTask],
    ['rejected', [...completedTask, completionReported, completionRejected]],
  ])('cannot be accepted (%s)', (_, history) => {
    given(taskDecider, history).when(accept()).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('cannot be rejected', () => {
    given(taskDecider, completedTask).when(reject()).thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a completion report rejected', () => {
  it('is reported again by the lead unit', () => {
    given(taskDecider, [...completedTask, completionReported, completionRejected])
      .when(report(), leadHead)
      .then([completionReported]);
  });

  it('lets the office reopen a milestone for the rework', () => {
    given(taskDecider, [...completedTask, completionReported, completionRejected])
      .when({ type: 'ReopenMilestone', data: { taskId, milestoneId: 'm1', reason: 'rework' } })
      .then([
        {
          type: 'MilestoneReopened',
          data: { taskId, milestoneId: 'm1', reason: 'rework', percent: 0 },
        },
      ]);
  });
});

describe('a closed task', () => {
  it('takes no second acceptance', () => {
    given(taskDecider, [
      ...plannedTask,
      milestoneCompleted(),
      completionReported,
      completionAccepted,
    ])
      .when(accept())
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});
