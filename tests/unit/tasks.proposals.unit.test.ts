import type { TaskEvent } from '../../contracts/events/index.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { defaultContext, given } from './support/given-when-then.ts';
import {
  actingAs,
  leader,
  leadHead,
  plannedTask,
  taskAssigned,
  taskId,
  taskRegistered,
  taskSuspended,
} from './support/task-fixtures.ts';

const propose = (type: 'ProposeSuspension' | 'ProposeTermination'): TaskCommand => ({
  type,
  data: { taskId, reason: ' Funding frozen ' },
});

const proposed = (change: 'suspend' | 'terminate'): TaskEvent => ({
  type: 'TaskLifecycleChangeProposed',
  data: { taskId, change, reason: 'Funding frozen' },
});

const approve: TaskCommand = {
  type: 'ApproveLifecycleChange',
  data: { taskId, comment: ' Agreed ' },
};

const reject: TaskCommand = {
  type: 'RejectLifecycleChange',
  data: { taskId, reason: ' Funds come in May ' },
};

/** Another leader than the task's responsible one (`leader-1` in the fixtures). */
const otherLeader = { ...defaultContext, actor: { id: 'leader-2', role: 'leader' as const } };

describe('the office proposing to suspend or terminate a task', () => {
  it.each([
    ['ProposeSuspension', 'suspend'],
    ['ProposeTermination', 'terminate'],
  ] as const)(
    '%s records the proposal, the reason trimmed; nothing changes yet',
    (type, change) => {
      given(taskDecider, plannedTask)
        .when(propose(type))
        .then([proposed(change)]);
    },
  );

  it('is one proposal at a time', () => {
    given(taskDecider, [...plannedTask, proposed('suspend')])
      .when(propose('ProposeTermination'))
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is not for a department head or a leader', () => {
    given(taskDecider, plannedTask)
      .when(propose('ProposeSuspension'), leadHead)
      .thenThrows('FORBIDDEN');
    given(taskDecider, plannedTask)
      .when(propose('ProposeSuspension'), leader)
      .thenThrows('FORBIDDEN');
  });

  it('cannot propose to suspend a suspended task', () => {
    given(taskDecider, [...plannedTask, taskSuspended])
      .when(propose('ProposeSuspension'))
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });
});

describe('the responsible leader deciding the proposal', () => {
  it('approves a suspension: the decision, then the suspension from today with the office’s reason', () => {
    given(taskDecider, [...plannedTask, proposed('suspend')])
      .when(approve, leader)
      .then([
        {
          type: 'TaskLifecycleChangeDecided',
          data: {
            taskId,
            change: 'suspend',
            approved: true,
            comment: 'Agreed',
            decidedBy: 'leader-1',
          },
        },
        {
          type: 'TaskSuspended',
          data: { taskId, reason: 'Funding frozen', suspendedOn: '2021-03-01' },
        },
      ]);
  });

  it('approves a termination: the task ends', () => {
    const events = taskDecider.decide(
      approve,
      [...plannedTask, proposed('terminate')].reduce(
        taskDecider.evolve,
        taskDecider.initialState(),
      ),
      leader,
    );
    expect(events.map((event) => event.type)).toEqual([
      'TaskLifecycleChangeDecided',
      'TaskTerminated',
    ]);
  });

  it('rejects it with a reason: the task runs on, and the office may propose again', () => {
    const rejected: TaskEvent = {
      type: 'TaskLifecycleChangeDecided',
      data: {
        taskId,
        change: 'suspend',
        approved: false,
        comment: 'Funds come in May',
        decidedBy: 'leader-1',
      },
    };
    given(taskDecider, [...plannedTask, proposed('suspend')])
      .when(reject, leader)
      .then([rejected]);
    given(taskDecider, [...plannedTask, proposed('suspend'), rejected])
      .when(propose('ProposeSuspension'))
      .then([proposed('suspend')]);
  });

  it('is for the task’s own responsible leader: another leader is FORBIDDEN, and told who', () => {
    const error = given(taskDecider, [...plannedTask, proposed('suspend')])
      .when(approve, otherLeader)
      .thenThrows('FORBIDDEN');
    expect(error.message).toContain('leader-1');
  });

  it('is for any leader where the task names no responsible leader', () => {
    const noLeader: TaskEvent = {
      type: 'TaskAssigned',
      data: { ...taskAssigned.data, responsibleLeader: null } as typeof taskAssigned.data,
    };
    const events = taskDecider.decide(
      reject,
      [taskRegistered, noLeader, proposed('suspend')].reduce(
        taskDecider.evolve,
        taskDecider.initialState(),
      ),
      otherLeader,
    );
    expect(events.map((event) => event.type)).toEqual(['TaskLifecycleChangeDecided']);
  });

  it('needs an open proposal', () => {
    given(taskDecider, plannedTask).when(approve, leader).thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is not for the office', () => {
    given(taskDecider, [...plannedTask, proposed('suspend')])
      .when(approve, actingAs('office'))
      .thenThrows('FORBIDDEN');
  });
});

describe('the responsible leader suspending or terminating on their own decision', () => {
  const suspend: TaskCommand = { type: 'SuspendTask', data: { taskId, reason: 'Funding frozen' } };

  it('suspends the task at once', () => {
    given(taskDecider, plannedTask)
      .when(suspend, leader)
      .then([
        {
          type: 'TaskSuspended',
          data: { taskId, reason: 'Funding frozen', suspendedOn: '2021-03-01' },
        },
      ]);
  });

  it('is not for another leader, nor while a proposal waits on them', () => {
    given(taskDecider, plannedTask).when(suspend, otherLeader).thenThrows('FORBIDDEN');
    given(taskDecider, [...plannedTask, proposed('terminate')])
      .when(suspend, leader)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('is no longer the office’s', () => {
    given(taskDecider, plannedTask).when(suspend).thenThrows('FORBIDDEN');
  });
});
