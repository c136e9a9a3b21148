import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import { leader, plannedTask, taskId } from './support/task-fixtures.ts';

const instruct = taskCommand('IssueLeadershipInstruction', {
  taskId,
  instructionId: 'ins1',
  text: ' Finish the land approval this month ',
  addressedToUnitIds: ['education-bureau', 'land-bureau'],
  knownUnitIds: ['education-bureau', 'land-bureau'],
});

const issued = (addressedToUnitIds: string[]) => ({
  type: 'LeadershipInstructionIssued' as const,
  data: {
    taskId,
    instructionId: 'ins1',
    text: 'Finish the land approval this month',
    addressedToUnitIds,
  },
});

describe('issuing a leadership instruction (批示)', () => {
  it('records the text trimmed and the units addressed', () => {
    given(taskDecider, plannedTask)
      .when(instruct(), leader)
      .then([issued(['education-bureau', 'land-bureau'])]);
  });

  it('may address no unit in particular', () => {
    given(taskDecider, plannedTask)
      .when(instruct({ addressedToUnitIds: [] }), leader)
      .then([issued([])]);
  });

  it('refuses an instruction id already used', () => {
    const history = [...plannedTask, issued([])];
    given(taskDecider, history)
      .when(instruct(), leader)
      .thenThrows('ILLEGAL_STATE', 'instructionId');
  });

  const units = Array.from({ length: 51 }, (_, i) => `unit-${i}`);
  itRefuses(taskDecider, plannedTask, [
    ['needs text', instruct({ text: '  ' }), leader, 'VALIDATION', 'text'],
    [
      'needs units the directory knows, naming the one missing',
      instruct({ knownUnitIds: ['education-bureau'] }),
      leader,
      'NOT_FOUND',
      'addressedToUnitIds[1]',
    ],
    [
      'refuses a unit named twice',
      instruct({ addressedToUnitIds: ['land-bureau', 'land-bureau'] }),
      leader,
      'VALIDATION',
      'addressedToUnitIds[1]',
    ],
    [
      'refuses more than 50 units',
      instruct({ addressedToUnitIds: units, knownUnitIds: units }),
      leader,
      'VALIDATION',
      'addressedToUnitIds',
    ],
  ]);
});
