import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { evolve } from '../../services/tasks/domain/evolve.ts';
import { isInScope } from '../../services/tasks/domain/scope.ts';
import { initialState } from '../../services/tasks/domain/state.ts';
import { given } from './support/given-when-then.ts';
import { headOf, plannedTask, taskId } from './support/task-fixtures.ts';

/** The district above the education bureau (the lead unit), the bureau, one of its schools. */
const districtScope = ['district', 'education-bureau', 'school-1', 'land-bureau'];
const landScope = ['land-bureau', 'land-office'];

const report = (scopeUnitIds?: string[]): TaskCommand =>
  ({
    type: 'ReportProgress',
    data: {
      taskId,
      milestoneId: 'm1',
      percent: 30,
      note: null,
      ...(scopeUnitIds ? { scopeUnitIds } : {}),
    },
  }) as TaskCommand;

describe('a department head of a unit above the task’s units in the tree', () => {
  it('acts on the task, for the lead unit it oversees: the fact names that unit', () => {
    given(taskDecider, plannedTask)
      .when(report(districtScope), headOf('district'))
      .then([
        {
          type: 'MilestoneProgressReported',
          data: {
            taskId,
            milestoneId: 'm1',
            percent: 30,
            previousPercent: 0,
            note: null,
            reportedByUnitId: 'education-bureau',
            evidence: [],
          },
        },
      ]);
  });

  it('of another branch is refused: the task’s units are not below it', () => {
    given(taskDecider, plannedTask)
      .when(report(landScope), headOf('land-bureau'))
      .thenThrows('FORBIDDEN');
  });

  it('is refused when the service looked up no subtree: its own unit alone counts', () => {
    given(taskDecider, plannedTask).when(report(), headOf('district')).thenThrows('FORBIDDEN');
  });
});

describe('the scope check', () => {
  const task = plannedTask.reduce(evolve, initialState());
  if (!task.registered) throw new Error('the fixture registers the task');

  it('admits the lead unit, a unit above it, and no other', () => {
    expect(isInScope(task, headOf('education-bureau').actor)).toBe(true);
    expect(isInScope(task, headOf('district').actor, districtScope)).toBe(true);
    expect(isInScope(task, headOf('land-bureau').actor, landScope)).toBe(false);
    expect(isInScope(task, headOf('district').actor)).toBe(false);
  });
});
