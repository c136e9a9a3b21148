import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  cooperatingHead,
  headOf,
  leadHead,
  plannedTask,
  taskAssigned,
  taskId,
  taskRegistered,
  taskReturned,
  taskSigned,
  taskTransferred,
} from './support/task-fixtures.ts';

const signTask: TaskCommand = { type: 'SignTask', data: { taskId } };

describe('signing for a task (签收)', () => {
  it('records the lead unit’s signature', () => {
    given(taskDecider, plannedTask)
      .when(signTask, leadHead)
      .then([taskSigned('education-bureau')]);
  });

  it('records a cooperating unit’s own signature', () => {
    given(taskDecider, [...plannedTask, taskSigned('education-bureau')])
      .when(signTask, cooperatingHead)
      .then([taskSigned('finance-bureau')]);
  });
});

describe('a unit that signed for the assignment', () => {
  it('cannot sign again', () => {
    given(taskDecider, [...plannedTask, taskSigned()])
      .when(signTask, leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('signs again after a re-assignment', () => {
    given(taskDecider, [...plannedTask, taskSigned(), taskAssigned])
      .when(signTask, leadHead)
      .then([taskSigned()]);
  });

  it('keeps a cooperating signature across a transfer of the lead', () => {
    given(taskDecider, [...plannedTask, taskSigned('finance-bureau'), taskTransferred()])
      .when(signTask, cooperatingHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a task transferred to a new lead unit', () => {
  it('asks the new lead unit to sign', () => {
    given(taskDecider, [...plannedTask, taskSigned(), taskTransferred('land-bureau')])
      .when(signTask, headOf('land-bureau'))
      .then([taskSigned('land-bureau')]);
  });

  it('asks a unit that led it before to sign again when it comes back', () => {
    const history = [
      ...plannedTask,
      taskSigned(),
      taskTransferred('land-bureau'),
      taskTransferred('education-bureau', 'land-bureau'),
    ];
    given(taskDecider, history).when(signTask, leadHead).then([taskSigned()]);
  });
});

describe('a task returned by its lead unit', () => {
  it('cannot be signed by a cooperating unit while it has no lead unit', () => {
    given(taskDecider, [...plannedTask, taskReturned()])
      .when(signTask, cooperatingHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('a task not assigned yet', () => {
  it('has no unit to sign for it', () => {
    given(taskDecider, [taskRegistered]).when(signTask, leadHead).thenThrows('FORBIDDEN');
  });
});

describe('a department head without a unit', () => {
  it('cannot sign', () => {
    const context = { ...leadHead, actor: { id: 'head-x', role: 'department_head' as const } };
    given(taskDecider, plannedTask).when(signTask, context).thenThrows('FORBIDDEN');
  });
});
