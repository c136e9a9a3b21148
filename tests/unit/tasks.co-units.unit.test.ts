import type { TaskEvent } from '../../contracts/events/index.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { defaultContext, given } from './support/given-when-then.ts';
import {
  blockageReported,
  cooperatingHead,
  headOf,
  indicatorDefined,
  leader,
  leadHead,
  milestonePlanned,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

/*
 * What a cooperating unit may do on a task it co-owns: its own milestones, not
 * the lead unit's; a blockage is resolved by the unit held up, and the unit it
 * waits on declares its part done; the task's indicators are the lead unit's.
 */

/** The events `command` decides on a task of `past`. */
const decided = (past: readonly TaskEvent[], command: TaskCommand, context = defaultContext) =>
  taskDecider.decide(command, past.reduce(taskDecider.evolve, taskDecider.initialState()), context);

const plan = (milestoneId: string, ownerUnitId: string | null): TaskCommand => ({
  type: 'PlanMilestone',
  data: {
    taskId,
    milestoneId,
    title: `Part ${milestoneId}`,
    dueDate: '2021-09-30',
    weight: 1,
    ownerUnitId,
  },
});
const report = (milestoneId: string, percent = 40): TaskCommand => ({
  type: 'ReportProgress',
  data: { taskId, milestoneId, percent, note: null },
});
const complete = (milestoneId: string): TaskCommand => ({
  type: 'CompleteMilestone',
  data: { taskId, milestoneId, note: null },
});
const financePart = {
  ...milestonePlanned('m2'),
  data: { ...milestonePlanned('m2').data, ownerUnitId: 'finance-bureau' },
};
const withParts = [...plannedTask, financePart];

describe('a milestone given to a cooperating unit', () => {
  it('is planned by the office naming a cooperating unit of the task', () => {
    const [event] = decided(plannedTask, plan('m2', 'finance-bureau'));
    expect(event).toMatchObject({
      type: 'MilestonePlanned',
      data: { ownerUnitId: 'finance-bureau' },
    });
  });

  it('cannot be given to a unit with no part in the task', () => {
    given(taskDecider, plannedTask)
      .when(plan('m2', 'land-bureau'))
      .thenThrows('VALIDATION', 'ownerUnitId');
  });

  it('is reported on and completed by its cooperating unit', () => {
    expect(decided(withParts, report('m2'), cooperatingHead)).toHaveLength(1);
    expect(decided(withParts, complete('m2'), cooperatingHead)).toHaveLength(1);
  });

  it('is reported on by the lead unit too, which answers for the whole task', () => {
    expect(decided(withParts, report('m2'), leadHead)).toHaveLength(1);
  });
});

describe('a milestone’s owner changed by the office', () => {
  const assign = (milestoneId: string, ownerUnitId: string | null): TaskCommand => ({
    type: 'AssignMilestoneOwner',
    data: { taskId, milestoneId, ownerUnitId, reason: 'The finance bureau holds the funds' },
  });
  const given1 = { type: 'MilestoneOwnerAssigned' as const };

  it('gives the lead unit’s milestone to a cooperating unit, which then reports on it', () => {
    const [event] = decided(plannedTask, assign('m1', 'finance-bureau'));
    expect(event).toMatchObject({
      ...given1,
      data: { milestoneId: 'm1', ownerUnitId: 'finance-bureau', previousOwnerUnitId: null },
    });
    const moved = [...plannedTask, event as TaskEvent];
    expect(decided(moved, report('m1'), cooperatingHead)).toHaveLength(1);
  });

  it('gives a cooperating unit’s milestone back to the lead unit, and the co-unit may no longer report', () => {
    const [event] = decided(withParts, assign('m2', null));
    expect(event).toMatchObject({
      ...given1,
      data: { milestoneId: 'm2', ownerUnitId: null, previousOwnerUnitId: 'finance-bureau' },
    });
    given(taskDecider, [...withParts, event as TaskEvent])
      .when(report('m2'), cooperatingHead)
      .thenThrows('FORBIDDEN');
  });

  it('refuses a unit with no part in the task, the owner it already has, and a completed milestone', () => {
    given(taskDecider, plannedTask)
      .when(assign('m1', 'land-bureau'))
      .thenThrows('VALIDATION', 'ownerUnitId');
    given(taskDecider, withParts)
      .when(assign('m2', 'finance-bureau'))
      .thenThrows('ILLEGAL_STATE', 'ownerUnitId');
    given(taskDecider, plannedTask)
      .when(assign('m1', null))
      .thenThrows('ILLEGAL_STATE', 'ownerUnitId');
    const done = decided(withParts, complete('m2'), cooperatingHead);
    given(taskDecider, [...withParts, ...done])
      .when(assign('m2', null))
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('is the office’s alone', () => {
    given(taskDecider, plannedTask)
      .when(assign('m1', 'finance-bureau'), leadHead)
      .thenThrows('FORBIDDEN');
  });
});

describe('a cooperating unit on the lead unit’s milestone', () => {
  it('may neither report progress nor complete it', () => {
    const refused = given(taskDecider, withParts)
      .when(report('m1'), cooperatingHead)
      .thenThrows('FORBIDDEN');
    expect(refused.message).toContain(
      'a cooperating unit reports on and completes only its own milestones',
    );
    given(taskDecider, withParts).when(complete('m1'), cooperatingHead).thenThrows('FORBIDDEN');
  });
});

describe('a blockage', () => {
  const blocked = [...plannedTask, blockageReported()];
  const resolve: TaskCommand = {
    type: 'ResolveBlockage',
    data: { taskId, blockageId: 'b1', resolution: 'Survey delivered' },
  };
  const declare: TaskCommand = {
    type: 'DeclareBlockagePartDone',
    data: { taskId, blockageId: 'b1', note: 'Survey delivered on 05-20' },
  };

  it('is resolved by the unit it holds up, which reported it, or a leader', () => {
    expect(decided(blocked, resolve, leadHead)).toHaveLength(1);
    expect(decided(blocked, resolve, leader)).toHaveLength(1);
  });

  it('is not resolved by the unit it waits on, which is told to declare its part done', () => {
    const waitingOnFinance = {
      ...blockageReported('b2'),
      data: { ...blockageReported('b2').data, blockageId: 'b2', waitingOnUnitId: 'finance-bureau' },
    } as TaskEvent;
    const refused = given(taskDecider, [...plannedTask, waitingOnFinance])
      .when(
        { ...resolve, data: { ...resolve.data, blockageId: 'b2' } } as TaskCommand,
        cooperatingHead,
      )
      .thenThrows('FORBIDDEN');
    expect(refused.message).toContain('declareBlockagePartDone');
    // A unit waited on that has no part in the task is refused before the blockage is read.
    given(taskDecider, blocked).when(resolve, headOf('land-bureau')).thenThrows('FORBIDDEN');
  });

  it('has its part declared done by the unit it waits on, and stays open', () => {
    given(taskDecider, blocked)
      .when(declare, headOf('land-bureau'))
      .then([
        {
          type: 'BlockagePartDeclaredDone',
          data: {
            taskId,
            blockageId: 'b1',
            unitId: 'land-bureau',
            note: 'Survey delivered on 05-20',
          },
        },
      ]);
    decided(
      [
        ...blocked,
        {
          type: 'BlockagePartDeclaredDone',
          data: { taskId, blockageId: 'b1', unitId: 'land-bureau', note: 'x' },
        },
      ],
      resolve,
      leadHead,
    );
  });

  it('has its part declared done by no other unit', () => {
    given(taskDecider, blocked).when(declare, leadHead).thenThrows('FORBIDDEN');
    given(taskDecider, blocked).when(declare, cooperatingHead).thenThrows('FORBIDDEN');
  });
});

describe('an indicator of the task', () => {
  const defined = [...plannedTask, indicatorDefined()];
  const value: TaskCommand = {
    type: 'ReportIndicatorValue',
    data: { taskId, indicatorId: 'i1', value: 90, asOf: '2021-03-01', evidence: [] },
  };

  it('has its value reported by the lead unit, self-reported', () => {
    const [event] = decided(defined, value, leadHead);
    expect(event).toMatchObject({
      data: { source: 'self_reported', reportedByUnitId: 'education-bureau' },
    });
  });

  it('has no value reported by a cooperating unit', () => {
    given(taskDecider, defined).when(value, cooperatingHead).thenThrows('FORBIDDEN');
  });
});
