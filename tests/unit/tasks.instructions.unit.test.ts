import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
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

  it('needs text', () => {
    given(taskDecider, plannedTask)
      .when(instruct({ text: '  ' }), leader)
      .thenThrows('VALIDATION', 'text');
  });

  it('needs units the directory knows, naming the one missing', () => {
    given(taskDecider, plannedTask)
      .when(instruct({ knownUnitIds: ['education-bureau'] }), leader)
      .thenThrows('NOT_FOUND', 'addressedToUnitIds[1]');
  });

  it('refuses a unit named twice', () => {
    const units = ['land-bureau', 'land-bureau'];
    given(taskDecider, plannedTask)
      .when(instruct({ addressedToUnitIds: units }), leader)
      .thenThrows('VALIDATION', 'addressedToUnitIds[1]');
  });

  it('refuses more than 50 units', () => {
    const units = Array.from({ length: 51 }, (_, i) => `unit-${i}`);
    given(taskDecider, plannedTask)
      .when(instruct({ addressedToUnitIds: units, knownUnitIds: units }), leader)
      .thenThrows('VALIDATION', 'addressedToUnitIds');
  });
});
