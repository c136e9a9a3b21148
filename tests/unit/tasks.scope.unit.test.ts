import type { DecisionContext } from '../../services/shared/decider.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { defaultContext, given } from './support/given-when-then.ts';
import {
  blockageReported,
  headOf,
  plannedTask,
  taskId,
  taskRegistered,
} from './support/task-fixtures.ts';

const unitCommands: TaskCommand[] = [
  { type: 'ReportProgress', data: { taskId, milestoneId: 'm1', percent: 10, note: null } },
  { type: 'CompleteMilestone', data: { taskId, milestoneId: 'm1', note: null } },
  {
    type: 'ReportBlockage',
    data: { taskId, blockageId: 'b2', description: 'd', waitingOnUnitId: null, knownUnitIds: [] },
  },
  { type: 'ResolveBlockage', data: { taskId, blockageId: 'b1', resolution: 'r' } },
];

const history = [...plannedTask, blockageReported()];

describe('a department head of a unit not responsible for the task', () => {
  it.each(unitCommands)('is forbidden to $type, told which unit and task', (command) => {
    const error = given(taskDecider, history)
      .when(command, headOf('land-bureau'))
      .thenThrows('FORBIDDEN');
    expect(error.message).toContain('land-bureau');
    expect(error.message).toContain(taskId);
  });

  it('is forbidden even before the task is assigned', () => {
    given(taskDecider, [taskRegistered])
      .when(unitCommands[0]!, headOf('education-bureau'))
      .thenThrows('FORBIDDEN');
  });

  it('learns nothing of a milestone that does not exist', () => {
    const command: TaskCommand = {
      type: 'ReportProgress',
      data: { taskId, milestoneId: 'm9', percent: 10, note: null },
    };
    given(taskDecider, history).when(command, headOf('land-bureau')).thenThrows('FORBIDDEN');
  });
});

describe('a department head without a unit', () => {
  it('is forbidden to act on the task', () => {
    const context: DecisionContext = {
      ...defaultContext,
      actor: { id: 'head-x', role: 'department_head' },
    };
    given(taskDecider, history).when(unitCommands[0]!, context).thenThrows('FORBIDDEN');
  });
});

const decidedBy = (command: TaskCommand, unitId: string) =>
  taskDecider.decide(
    command,
    history.reduce(taskDecider.evolve, taskDecider.initialState()),
    headOf(unitId),
  );

describe('a department head of the lead unit', () => {
  it.each(unitCommands)('may $type', (command) => {
    expect(decidedBy(command, 'education-bureau')).toHaveLength(1);
  });
});

describe('a department head of a cooperating unit', () => {
  const [report, complete, block, resolve] = unitCommands as [
    TaskCommand,
    TaskCommand,
    TaskCommand,
    TaskCommand,
  ];

  it('may report a blockage of its own', () => {
    expect(decidedBy(block, 'finance-bureau')).toHaveLength(1);
  });

  it.each([report, complete, resolve])(
    'may not $type on the lead unit’s milestone or blockage',
    (command) => {
      given(taskDecider, history).when(command, headOf('finance-bureau')).thenThrows('FORBIDDEN');
    },
  );
});

describe('the office', () => {
  it('is not refused by scope', () => {
    const context: DecisionContext = {
      ...defaultContext,
      actor: { id: 'someone', role: 'office' },
    };
    // It records a unit's report only as 代录, naming the unit's source.
    const report = unitCommands[0]!;
    const events = taskDecider.decide(
      { ...report, data: { ...report.data, proxySource: '联络员电话报送' } } as TaskCommand,
      history.reduce(taskDecider.evolve, taskDecider.initialState()),
      context,
    );
    expect(events).toHaveLength(1);
  });
});

describe.each(['leader', 'inspector', 'system'] as const)('an actor with role %s', (role) => {
  it('is refused by the catalogue, the one table of roles', () => {
    const context: DecisionContext = { ...defaultContext, actor: { id: 'someone', role } };
    given(taskDecider, history).when(unitCommands[0]!, context).thenThrows('FORBIDDEN');
  });
});
