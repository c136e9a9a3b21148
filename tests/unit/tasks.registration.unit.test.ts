import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import { taskAssigned, taskId, taskRegistered } from './support/task-fixtures.ts';

const registerTask = taskCommand('RegisterTask', taskRegistered.data);

const assignTask = taskCommand('AssignTask', {
  ...taskAssigned.data,
  knownUnitIds: ['education-bureau', 'finance-bureau', 'land-bureau'],
});

describe('registering a task', () => {
  it('records the task', () => {
    given(taskDecider, []).when(registerTask()).then([taskRegistered]);
  });

  it('records the text trimmed and blank optional text as absent', () => {
    const command = registerTask({
      title: '  Build 3 new schools ',
      description: '  ',
      section: ' Education\n',
    });
    given(taskDecider, []).when(command).then([taskRegistered]);
  });

  it('accepts a task due on the day it starts', () => {
    const command = registerTask({ plannedStart: '2021-05-01', dueDate: '2021-05-01' });
    const registered = {
      ...taskRegistered.data,
      plannedStart: '2021-05-01',
      dueDate: '2021-05-01',
    };
    given(taskDecider, [])
      .when(command)
      .then([{ type: 'TaskRegistered', data: registered }]);
  });

  it('happens only once', () => {
    given(taskDecider, [taskRegistered]).when(registerTask()).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('needs a title', () => {
    given(taskDecider, [])
      .when(registerTask({ title: '   ' }))
      .thenThrows('VALIDATION', 'title');
  });

  it('refuses a title longer than the limit', () => {
    const command = registerTask({ title: 'x'.repeat(201) });
    given(taskDecider, []).when(command).thenThrows('VALIDATION', 'title');
  });

  it('needs a task id fit for a stream id', () => {
    const command = registerTask({ taskId: 'has spaces' });
    given(taskDecider, []).when(command).thenThrows('VALIDATION', 'taskId');
  });

  it.each(['2021-02-30', '21-01-01', '1999-12-31', ''])('refuses %p as plannedStart', (date) => {
    const command = registerTask({ plannedStart: date });
    const error = given(taskDecider, []).when(command).thenThrows('VALIDATION', 'plannedStart');
    expect(error.details.rule).toBe(
      'must be an ISO date YYYY-MM-DD between 2000-01-01 and 2100-12-31',
    );
  });

  it('refuses an invalid dueDate', () => {
    const command = registerTask({ dueDate: '2101-01-01' });
    given(taskDecider, []).when(command).thenThrows('VALIDATION', 'dueDate');
  });

  it('refuses a dueDate before plannedStart', () => {
    const command = registerTask({ plannedStart: '2021-06-01', dueDate: '2021-05-31' });
    const error = given(taskDecider, []).when(command).thenThrows('VALIDATION', 'dueDate');
    expect(error.details.rule).toBe('must not be before plannedStart');
  });
});

describe('a task not registered', () => {
  it.each<TaskCommand>([
    assignTask(),
    {
      type: 'PlanMilestone',
      data: { taskId, milestoneId: 'm1', title: 't', dueDate: '2021-06-01', weight: 1 },
    },
    { type: 'ReportProgress', data: { taskId, milestoneId: 'm1', percent: 10, note: null } },
    { type: 'CompleteMilestone', data: { taskId, milestoneId: 'm1', note: null } },
    {
      type: 'ReportBlockage',
      data: { taskId, blockageId: 'b1', description: 'd', waitingOnUnitId: null, knownUnitIds: [] },
    },
    { type: 'ResolveBlockage', data: { taskId, blockageId: 'b1', resolution: 'r' } },
  ])('is not found by $type', (command) => {
    given(taskDecider, []).when(command).thenThrows('NOT_FOUND', 'taskId');
  });
});

describe('assigning a task', () => {
  it('records the lead unit, cooperating units and responsible leader', () => {
    given(taskDecider, [taskRegistered]).when(assignTask()).then([taskAssigned]);
  });

  it('may happen again, replacing the assignment', () => {
    const command = assignTask({
      leadUnitId: 'land-bureau',
      cooperatingUnitIds: [],
      responsibleLeader: ' ',
    });
    given(taskDecider, [taskRegistered, taskAssigned])
      .when(command)
      .then([
        {
          type: 'TaskAssigned',
          data: {
            taskId,
            leadUnitId: 'land-bureau',
            cooperatingUnitIds: [],
            responsibleLeader: null,
          },
        },
      ]);
  });

  it('needs a lead unit the directory knows', () => {
    const command = assignTask({ knownUnitIds: ['finance-bureau'] });
    given(taskDecider, [taskRegistered]).when(command).thenThrows('NOT_FOUND', 'leadUnitId');
  });

  it('needs cooperating units the directory knows, naming the one missing', () => {
    const command = assignTask({
      cooperatingUnitIds: ['finance-bureau', 'ghost-bureau'],
      knownUnitIds: ['education-bureau', 'finance-bureau'],
    });
    given(taskDecider, [taskRegistered])
      .when(command)
      .thenThrows('NOT_FOUND', 'cooperatingUnitIds[1]');
  });

  it('refuses the lead unit as a cooperating unit', () => {
    const command = assignTask({ cooperatingUnitIds: ['finance-bureau', 'education-bureau'] });
    given(taskDecider, [taskRegistered])
      .when(command)
      .thenThrows('VALIDATION', 'cooperatingUnitIds[1]');
  });

  it('refuses a cooperating unit named twice', () => {
    const command = assignTask({
      cooperatingUnitIds: ['finance-bureau', 'land-bureau', 'finance-bureau'],
    });
    given(taskDecider, [taskRegistered])
      .when(command)
      .thenThrows('VALIDATION', 'cooperatingUnitIds[2]');
  });

  it('refuses more cooperating units than the limit', () => {
    const many = Array.from({ length: 21 }, (_, i) => `unit-${i}`);
    const command = assignTask({
      cooperatingUnitIds: many,
      knownUnitIds: ['education-bureau', ...many],
    });
    given(taskDecider, [taskRegistered])
      .when(command)
      .thenThrows('VALIDATION', 'cooperatingUnitIds');
  });
});
