import type { EscalationLevel } from '../../contracts/events/task-events.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { defaultContext, given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  blockageEscalated,
  blockageReported,
  blockageResolved,
  clock,
  cooperatingHead,
  leader,
  leadHead,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

const escalate = (level: number, blockageId = 'b1'): TaskCommand => ({
  type: 'EscalateBlockage',
  data: { taskId, blockageId, level: level as EscalationLevel },
});

const escalated = (level: EscalationLevel, by: 'system' | 'leader') => ({
  type: 'BlockageEscalated' as const,
  data: { taskId, blockageId: 'b1', level, by },
});

const coordinate = taskCommand('AssignBlockageCoordination', {
  taskId,
  blockageId: 'b1',
  coordinatorUnitId: 'land-bureau',
  note: ' Meet weekly until solved ',
  knownUnitIds: ['land-bureau'],
});

const reopen = (reason = ' Survey had errors '): TaskCommand => ({
  type: 'ReopenBlockage',
  data: { taskId, blockageId: 'b1', reason },
});

const reopened = {
  type: 'BlockageReopened' as const,
  data: { taskId, blockageId: 'b1', reason: 'Survey had errors' },
};

/** Blockage b1 was reported by the lead unit (education-bureau). */
const open = [...plannedTask, blockageReported()];
const resolved = [...open, blockageResolved()];

describe('escalating a blockage', () => {
  it('records a leader’s escalation to the responsible leader', () => {
    given(taskDecider, open)
      .when(escalate(1), leader)
      .then([escalated(1, 'leader')]);
  });

  it('records the clock’s escalation', () => {
    given(taskDecider, open)
      .when(escalate(1), clock)
      .then([escalated(1, 'system')]);
  });

  it('may go straight to the main leader', () => {
    given(taskDecider, open)
      .when(escalate(2), leader)
      .then([escalated(2, 'leader')]);
  });

  it('goes from level 1 to level 2', () => {
    given(taskDecider, [...open, blockageEscalated(1)])
      .when(escalate(2), clock)
      .then([escalated(2, 'system')]);
  });

  it.each([0, 3, 1.5])('refuses level %p', (level) => {
    given(taskDecider, open).when(escalate(level), leader).thenThrows('VALIDATION', 'level');
  });

  it('needs a reported blockage', () => {
    given(taskDecider, open).when(escalate(1, 'b9'), leader).thenThrows('NOT_FOUND', 'blockageId');
  });
});

describe('an escalation that is not upwards', () => {
  it.each([1, 2])('is refused to a leader at level 2 asking for %p', (level) => {
    given(taskDecider, [...open, blockageEscalated(2)])
      .when(escalate(level), leader)
      .thenThrows('ILLEGAL_STATE', 'blockageId');
  });

  it('records nothing for the clock, which may ask again any number of times', () => {
    given(taskDecider, [...open, blockageEscalated(1)])
      .when(escalate(1), clock)
      .then([]);
  });
});

describe('escalating a resolved blockage', () => {
  it('is refused to a leader', () => {
    given(taskDecider, resolved)
      .when(escalate(1), leader)
      .thenThrows('ILLEGAL_STATE', 'blockageId');
  });

  it('records nothing for the clock, whose view may lag', () => {
    given(taskDecider, resolved).when(escalate(1), clock).then([]);
  });
});

describe('assigning the coordination of a blockage', () => {
  const assigned = (note: string | null) => ({
    type: 'BlockageCoordinationAssigned' as const,
    data: { taskId, blockageId: 'b1', coordinatorUnitId: 'land-bureau', note },
  });

  it('records the coordinating unit and the note trimmed', () => {
    given(taskDecider, open)
      .when(coordinate(), leader)
      .then([assigned('Meet weekly until solved')]);
  });

  it('may come without a note', () => {
    given(taskDecider, open)
      .when(coordinate({ note: ' ' }), leader)
      .then([assigned(null)]);
  });

  itRefuses(taskDecider, open, [
    [
      'needs a unit the directory knows',
      coordinate({ knownUnitIds: [] }),
      leader,
      'NOT_FOUND',
      'coordinatorUnitId',
    ],
    [
      'needs a reported blockage',
      coordinate({ blockageId: 'b9' }),
      leader,
      'NOT_FOUND',
      'blockageId',
    ],
    [
      'refuses a note over 2000 characters',
      coordinate({ note: 'x'.repeat(2001) }),
      leader,
      'VALIDATION',
      'note',
    ],
  ]);

  it('needs an open blockage', () => {
    given(taskDecider, resolved)
      .when(coordinate(), leader)
      .thenThrows('ILLEGAL_STATE', 'blockageId');
  });
});

describe('reopening a resolved blockage', () => {
  it('is recorded with the reason trimmed, for the reporting unit', () => {
    given(taskDecider, resolved).when(reopen(), leadHead).then([reopened]);
  });

  it('is recorded for the office', () => {
    given(taskDecider, resolved).when(reopen()).then([reopened]);
  });

  const reopenB9: TaskCommand = {
    type: 'ReopenBlockage',
    data: { taskId, blockageId: 'b9', reason: 'r' },
  };
  itRefuses(taskDecider, resolved, [
    ['is forbidden to another unit of the task', reopen(), cooperatingHead, 'FORBIDDEN'],
    ['needs a reason', reopen(' '), defaultContext, 'VALIDATION', 'reason'],
    ['needs a reported blockage', reopenB9, defaultContext, 'NOT_FOUND', 'blockageId'],
  ]);
});

describe('an open blockage', () => {
  it('cannot be reopened', () => {
    given(taskDecider, open).when(reopen()).thenThrows('ILLEGAL_STATE', 'blockageId');
  });
});

describe('a reopened blockage', () => {
  const history = [...open, blockageEscalated(1), blockageResolved(), reopened];

  it('can be resolved again', () => {
    given(taskDecider, history)
      .when({
        type: 'ResolveBlockage',
        data: { taskId, blockageId: 'b1', resolution: 'Survey delivered' },
      })
      .then([blockageResolved()]);
  });

  it('keeps its escalation level', () => {
    given(taskDecider, history).when(escalate(1), leader).thenThrows('ILLEGAL_STATE', 'blockageId');
  });
});
