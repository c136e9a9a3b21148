import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  completionReported,
  leader,
  leadHead,
  milestoneCompleted,
  plannedTask,
  progressReported,
  taskId,
} from './support/task-fixtures.ts';

const reopen = (reason = ' Playground not built ', milestoneId = 'm1'): TaskCommand => ({
  type: 'ReopenMilestone',
  data: { taskId, milestoneId, reason },
});

const reopened = (percent: number) => ({
  type: 'MilestoneReopened' as const,
  data: { taskId, milestoneId: 'm1', reason: 'Playground not built', percent },
});

describe('reopening a completed milestone', () => {
  const completed = [...plannedTask, progressReported('m1', 60), milestoneCompleted()];

  it('goes back to the last percent reported before completion', () => {
    given(taskDecider, completed)
      .when(reopen())
      .then([reopened(60)]);
  });

  it('goes back to 0 when no progress was ever reported', () => {
    given(taskDecider, [...plannedTask, milestoneCompleted()])
      .when(reopen(), leader)
      .then([reopened(0)]);
  });

  it('needs a planned milestone', () => {
    given(taskDecider, completed).when(reopen('r', 'm9')).thenThrows('NOT_FOUND', 'milestoneId');
  });

  it('needs a reason', () => {
    given(taskDecider, completed).when(reopen('  ')).thenThrows('VALIDATION', 'reason');
  });

  it('waits while a completion report is pending', () => {
    given(taskDecider, [...completed, completionReported])
      .when(reopen())
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a milestone not completed', () => {
  it('cannot be reopened', () => {
    given(taskDecider, plannedTask).when(reopen()).thenThrows('ILLEGAL_STATE', 'milestoneId');
  });
});

describe('a reopened milestone', () => {
  it('takes progress again, from where it went back to', () => {
    const history = [
      ...plannedTask,
      progressReported('m1', 60),
      milestoneCompleted(),
      reopened(60),
    ];
    const progress: TaskCommand = {
      type: 'ReportProgress',
      data: { taskId, milestoneId: 'm1', percent: 80, note: null },
    };
    given(taskDecider, history)
      .when(progress, leadHead)
      .then([
        {
          type: 'MilestoneProgressReported',
          data: {
            taskId,
            milestoneId: 'm1',
            percent: 80,
            previousPercent: 60,
            note: null,
            reportedByUnitId: 'education-bureau',
            evidence: [],
          },
        },
      ]);
  });

  it('can be completed again', () => {
    const history = [...plannedTask, milestoneCompleted(), reopened(0)];
    given(taskDecider, history)
      .when(
        { type: 'CompleteMilestone', data: { taskId, milestoneId: 'm1', note: null } },
        leadHead,
      )
      .then([milestoneCompleted()]);
  });
});
