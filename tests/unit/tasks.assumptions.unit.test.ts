import type { TaskEvent } from '../../contracts/events/task-events.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  extensionApproved,
  extensionRequested,
  milestonePlanned,
  taskAssigned,
  taskId,
  taskRegistered,
  taskReturned,
  taskTransferred,
} from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

/*
 * Values a plan took as assumptions (假定): the work report does not state them.
 * Each fact lists which of its own fields are assumed; the task page keeps which
 * of the values it shows still are.
 */

const registerTask = taskCommand('RegisterTask', taskRegistered.data);
const assignTask = taskCommand('AssignTask', {
  ...taskAssigned.data,
  knownUnitIds: ['education-bureau', 'finance-bureau', 'land-bureau'],
});
const planMilestone = taskCommand('PlanMilestone', {
  taskId,
  milestoneId: 'm1',
  title: 'Land approved',
  dueDate: '2021-06-30',
  weight: 50,
});

const registeredAssuming: TaskEvent = {
  type: 'TaskRegistered',
  data: { ...taskRegistered.data, assumed: ['planned_start'] },
};
const assignedAssuming: TaskEvent = {
  type: 'TaskAssigned',
  data: { ...taskAssigned.data, assumed: ['lead_unit', 'responsible_leader'] },
};
const plannedAssuming = (): TaskEvent => {
  const planned = milestonePlanned();
  return { ...planned, data: { ...planned.data, assumed: ['due_date', 'weight'] } } as TaskEvent;
};

describe('a fact of the plan with assumed values', () => {
  it('records which dates of a task the plan assumed', () => {
    given(taskDecider, [])
      .when(registerTask({ assumed: ['planned_start'] }))
      .then([registeredAssuming]);
  });

  it('records which of the units and leader of an assignment the plan assumed', () => {
    given(taskDecider, [taskRegistered])
      .when(assignTask({ assumed: ['lead_unit', 'responsible_leader'] }))
      .then([assignedAssuming]);
  });

  it('records which of a milestone’s terms the plan assumed', () => {
    given(taskDecider, [taskRegistered, taskAssigned])
      .when(planMilestone({ assumed: ['due_date', 'weight'] }))
      .then([plannedAssuming()]);
  });

  it('keeps the shape it always had when nothing is assumed', () => {
    given(taskDecider, [])
      .when(registerTask({ assumed: [] }))
      .then([taskRegistered]);
    given(taskDecider, [taskRegistered]).when(assignTask()).then([taskAssigned]);
  });

  it.each([
    [
      'a field that is not one of the task’s dates',
      registerTask({ assumed: ['lead_unit' as never] }),
      'assumed[0]',
    ],
    ['a field named twice', registerTask({ assumed: ['due_date', 'due_date'] }), 'assumed'],
  ])('refuses %s', (_, command, field) => {
    given(taskDecider, []).when(command).thenThrows('VALIDATION', field);
  });

  it('refuses an assignment assuming a field of another fact', () => {
    given(taskDecider, [taskRegistered])
      .when(assignTask({ assumed: ['weight' as never] }))
      .thenThrows('VALIDATION', 'assumed[0]');
  });
});

describe('the assumed values on the task page', () => {
  const assumedTask = [registeredAssuming, assignedAssuming, plannedAssuming()];

  it('lists those of the task and of each milestone', () => {
    const doc = page(assumedTask);
    expect(doc.assumed).toEqual(['planned_start', 'lead_unit', 'responsible_leader']);
    expect(doc.milestones[0]?.assumed).toEqual(['due_date', 'weight']);
  });

  it('lists none for facts recorded without assumptions', () => {
    const doc = page([taskRegistered, taskAssigned, milestonePlanned()]);
    expect(doc.assumed).toEqual([]);
    expect(doc.milestones[0]?.assumed).toEqual([]);
  });

  it('drops the lead unit once the office transfers the task: that is its decision', () => {
    expect(page([...assumedTask, taskTransferred('land-bureau')]).assumed).toEqual([
      'planned_start',
      'responsible_leader',
    ]);
  });

  it('drops the lead unit once the task is returned', () => {
    expect(page([...assumedTask, taskReturned()]).assumed).toEqual([
      'planned_start',
      'responsible_leader',
    ]);
  });

  it('takes a new assignment’s assumptions in place of the earlier one’s', () => {
    const reassigned: TaskEvent = {
      type: 'TaskAssigned',
      data: { ...taskAssigned.data, assumed: ['cooperating_units'] },
    };
    expect(page([...assumedTask, reassigned]).assumed).toEqual([
      'planned_start',
      'cooperating_units',
    ]);
    expect(page([...assumedTask, taskAssigned]).assumed).toEqual(['planned_start']);
  });

  it('drops a milestone’s due date once a leader extends it, and keeps its weight', () => {
    const extended = page([...assumedTask, extensionRequested(), extensionApproved()]);
    expect(extended.milestones[0]).toMatchObject({ dueDate: '2021-07-31', assumed: ['weight'] });
  });
});

describe('an indicator’s tolerance, count and assumptions on the task page', () => {
  const defined = (data: Record<string, unknown>): TaskEvent =>
    ({
      type: 'IndicatorDefined',
      data: {
        taskId,
        indicatorId: 'i1',
        name: '公共卫生服务中心建筑面积',
        unitOfMeasure: '平方米',
        target: 22_000,
        comparison: 'gte',
        dueDate: '2021-12-31',
        baseline: 0,
        ...data,
      },
    }) as TaskEvent;

  it('keeps them as defined', () => {
    const doc = page([
      taskRegistered,
      taskAssigned,
      defined({ tolerance: 500, wholeNumbers: true, assumed: ['baseline', 'tolerance'] }),
    ]);
    expect(doc.indicators[0]).toMatchObject({
      tolerance: 500,
      wholeNumbers: true,
      assumed: ['baseline', 'tolerance'],
    });
  });

  it('reads an indicator defined before they were kept as exact, of any number, assuming nothing', () => {
    const doc = page([taskRegistered, taskAssigned, defined({})]);
    expect(doc.indicators[0]).toMatchObject({ tolerance: 0, wholeNumbers: false, assumed: [] });
  });
});
