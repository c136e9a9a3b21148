import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { defaultContext, given, itRefuses } from './support/given-when-then.ts';
import {
  blockageReported,
  blockageResolved,
  headOf,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

const reportBlockage = (
  data: Partial<Extract<TaskCommand, { type: 'ReportBlockage' }>['data']> = {},
): TaskCommand => ({
  type: 'ReportBlockage',
  data: {
    taskId,
    blockageId: 'b1',
    description: ' Waiting for the land survey ',
    waitingOnUnitId: 'land-bureau',
    knownUnitIds: ['land-bureau'],
    ...data,
  },
});

const resolveBlockage = (resolution = ' Survey delivered', blockageId = 'b1'): TaskCommand => ({
  type: 'ResolveBlockage',
  data: { taskId, blockageId, resolution },
});

describe('reporting a blockage', () => {
  it('records it trimmed, with the reporting unit', () => {
    given(taskDecider, plannedTask)
      .when(reportBlockage(), headOf('education-bureau'))
      .then([blockageReported()]);
  });

  it('may name no unit to wait on', () => {
    given(taskDecider, plannedTask)
      .when(reportBlockage({ blockageId: 'b2', waitingOnUnitId: null, knownUnitIds: [] }))
      .then([
        {
          type: 'BlockageReported',
          data: {
            taskId,
            blockageId: 'b2',
            description: 'Waiting for the land survey',
            waitingOnUnitId: null,
            reportedByUnitId: null,
          },
        },
      ]);
  });

  it('refuses a blockage id already reported', () => {
    given(taskDecider, [...plannedTask, blockageReported()])
      .when(reportBlockage())
      .thenThrows('ILLEGAL_STATE', 'blockageId');
  });

  itRefuses(taskDecider, plannedTask, [
    [
      'needs a description',
      reportBlockage({ description: ' \t' }),
      defaultContext,
      'VALIDATION',
      'description',
    ],
    [
      'needs the unit waited on to be known to the directory',
      reportBlockage({ knownUnitIds: [] }),
      defaultContext,
      'NOT_FOUND',
      'waitingOnUnitId',
    ],
  ]);
});

describe('resolving a blockage', () => {
  it('records the resolution trimmed', () => {
    given(taskDecider, [...plannedTask, blockageReported()])
      .when(resolveBlockage())
      .then([blockageResolved()]);
  });

  it('needs a reported blockage', () => {
    given(taskDecider, plannedTask).when(resolveBlockage()).thenThrows('NOT_FOUND', 'blockageId');
  });

  it('needs a resolution', () => {
    given(taskDecider, [...plannedTask, blockageReported()])
      .when(resolveBlockage('  '))
      .thenThrows('VALIDATION', 'resolution');
  });
});

describe('a resolved blockage', () => {
  it('cannot be resolved again', () => {
    given(taskDecider, [...plannedTask, blockageReported(), blockageResolved()])
      .when(resolveBlockage())
      .thenThrows('ILLEGAL_STATE', 'blockageId');
  });
});
