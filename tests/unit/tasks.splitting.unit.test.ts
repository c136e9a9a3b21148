import type { TaskEvent } from '../../contracts/events/index.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { subTaskIdOf } from '../../services/tasks/domain/splitting.ts';
import { given } from './support/given-when-then.ts';
import {
  cooperatingHead,
  headOf,
  leadHead,
  on,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

/** The education bureau (the lead unit) with two schools below it; the land bureau elsewhere. */
const unitPaths = {
  'school-1': ['district', 'education-bureau', 'school-1'],
  'school-2': ['district', 'education-bureau', 'school-2'],
  'land-office': ['district', 'land-bureau', 'land-office'],
  'education-bureau': ['district', 'education-bureau'],
};

const subTask = (unitId: string, title = `${unitId} 改造`, dueDate = '2021-10-31', weight = 1) => ({
  unitId,
  title,
  dueDate,
  weight,
});

const split = (
  subTasks = [subTask('school-1', '一校改造', '2021-10-31', 2), subTask('school-2')],
  splitId = 's1',
): TaskCommand => ({ type: 'SplitTask', data: { taskId, splitId, subTasks, unitPaths } });

const taskSplit: TaskEvent = {
  type: 'TaskSplit',
  data: {
    taskId,
    splitId: 's1',
    section: 'Education',
    responsibleLeader: 'leader-1',
    subTasks: [
      {
        subTaskId: 's1.1',
        unitId: 'school-1',
        title: '一校改造',
        plannedStart: '2021-03-01',
        dueDate: '2021-10-31',
        weight: 2,
      },
      {
        subTaskId: 's1.2',
        unitId: 'school-2',
        title: 'school-2 改造',
        plannedStart: '2021-03-01',
        dueDate: '2021-10-31',
        weight: 1,
      },
    ],
  },
};

describe('分解交办 (splitting a task among sub-units)', () => {
  it('by the lead unit’s head records the split, each sub-task id derived from the split’s', () => {
    given(taskDecider, plannedTask).when(split(), on('2021-03-01', leadHead)).then([taskSplit]);
    expect(subTaskIdOf('s1', 0)).toBe('s1.1');
  });

  it('by the office is recorded the same way', () => {
    given(taskDecider, plannedTask).when(split(), on('2021-03-01')).then([taskSplit]);
  });

  it('is refused to a cooperating unit: only the lead unit splits its task', () => {
    given(taskDecider, plannedTask).when(split(), cooperatingHead).thenThrows('FORBIDDEN');
  });

  it('is refused to the head of a unit above the lead unit, though it may act on the task', () => {
    const districtHead = headOf('district');
    const scope = {
      ...split(),
      data: { ...split().data, scopeUnitIds: ['district', 'education-bureau'] },
    };
    given(taskDecider, plannedTask)
      .when(scope as TaskCommand, districtHead)
      .thenThrows('FORBIDDEN');
  });

  it('is refused for a unit outside the lead unit’s subtree, naming the sub-task', () => {
    given(taskDecider, plannedTask)
      .when(split([subTask('school-1'), subTask('land-office')]), leadHead)
      .thenThrows('VALIDATION', 'subTasks[1].unitId');
  });

  it('is refused for the lead unit itself: a sub-task goes to a unit below it', () => {
    given(taskDecider, plannedTask)
      .when(split([subTask('education-bureau')]), leadHead)
      .thenThrows('VALIDATION', 'subTasks[0].unitId');
  });

  it('is refused for a unit the directory does not know', () => {
    given(taskDecider, plannedTask)
      .when(split([subTask('nowhere')]), leadHead)
      .thenThrows('NOT_FOUND', 'subTasks[0].unitId');
  });

  it('is refused when a unit is named twice', () => {
    given(taskDecider, plannedTask)
      .when(split([subTask('school-1'), subTask('school-1')]), leadHead)
      .thenThrows('VALIDATION', 'subTasks[1].unitId');
  });

  it('is refused for a due date after the task’s own', () => {
    given(taskDecider, plannedTask)
      .when(split([subTask('school-1', '改造', '2022-01-31')]), leadHead)
      .thenThrows('VALIDATION', 'subTasks[0].dueDate');
  });

  it('is refused for no sub-task, naming the field', () => {
    given(taskDecider, plannedTask).when(split([]), leadHead).thenThrows('VALIDATION', 'subTasks');
  });

  it('is recorded once per split id', () => {
    given(taskDecider, [...plannedTask, taskSplit])
      .when(split(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'splitId');
  });
});

describe('a sub-task of a recorded split', () => {
  const register: TaskCommand = {
    type: 'RegisterSubTask',
    data: {
      taskId: 's1.1',
      parentTaskId: taskId,
      split: {
        section: 'Education',
        responsibleLeader: 'leader-1',
        subTask:
          taskSplit.type === 'TaskSplit' ? taskSplit.data.subTasks[0]! : (undefined as never),
      },
    },
  };

  const created: TaskEvent[] = [
    {
      type: 'TaskRegistered',
      data: {
        taskId: 's1.1',
        title: '一校改造',
        description: null,
        section: 'Education',
        plannedStart: '2021-03-01',
        dueDate: '2021-10-31',
        parentTaskId: taskId,
      },
    },
    {
      type: 'TaskAssigned',
      data: {
        taskId: 's1.1',
        leadUnitId: 'school-1',
        cooperatingUnitIds: [],
        responsibleLeader: 'leader-1',
      },
    },
    {
      type: 'MilestonePlanned',
      data: {
        taskId: 's1.1',
        milestoneId: 's1.1.m1',
        title: '一校改造',
        dueDate: '2021-10-31',
        weight: 1,
      },
    },
  ];

  it('is registered under its parent, assigned to its sub-unit, with a milestone to report on', () => {
    given(taskDecider, []).when(register, leadHead).then(created);
  });

  it('sent again creates nothing new: a retried split completes, never doubles', () => {
    given(taskDecider, created).when(register, leadHead).then([]);
  });

  it('is signed and reported on by its sub-unit, as any lead unit does', () => {
    given(taskDecider, created)
      .when(
        {
          type: 'ReportProgress',
          data: { taskId: 's1.1', milestoneId: 's1.1.m1', percent: 40, note: null },
        },
        headOf('school-1'),
      )
      .then([
        {
          type: 'MilestoneProgressReported',
          data: {
            taskId: 's1.1',
            milestoneId: 's1.1.m1',
            percent: 40,
            previousPercent: 0,
            note: null,
            reportedByUnitId: 'school-1',
            evidence: [],
          },
        },
      ]);
  });
});
