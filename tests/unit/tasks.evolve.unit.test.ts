import type { TaskEvent } from '../../contracts/events/index.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { deepFreeze } from './support/project.ts';
import {
  blockageEscalated,
  blockageReported,
  blockageResolved,
  completionAccepted,
  completionRejected,
  completionReported,
  extensionApproved,
  extensionRequested,
  indicatorDefined,
  milestoneCompleted,
  noticeAnswered,
  noticeIssued,
  plannedTask,
  progressReported,
  taskId,
  taskResumed,
  taskSigned,
  taskSuspended,
  taskTransferred,
} from './support/task-fixtures.ts';

/** A year of one task, touching every part of the state. */
const year: TaskEvent[] = [
  ...plannedTask,
  taskSigned(),
  taskSigned('finance-bureau'),
  progressReported('m1', 40),
  extensionRequested(),
  extensionApproved(),
  {
    type: 'MilestoneDueSoonReminded',
    data: { taskId, milestoneId: 'm1', dueDate: '2021-07-31', remindedOn: '2021-07-28' },
  },
  {
    type: 'MilestoneOverdue',
    data: { taskId, milestoneId: 'm1', dueDate: '2021-07-31', recordedOn: '2021-08-01' },
  },
  blockageReported(),
  blockageEscalated(1),
  blockageResolved(),
  { type: 'BlockageReopened', data: { taskId, blockageId: 'b1', reason: 'again' } },
  indicatorDefined(),
  noticeIssued(),
  noticeAnswered(),
  {
    type: 'LeadershipInstructionIssued',
    data: { taskId, instructionId: 'ins1', text: 't', addressedToUnitIds: [] },
  },
  {
    type: 'AccountabilityRecorded',
    data: {
      taskId,
      recordId: 'acc1',
      against: { kind: 'unit', id: 'education-bureau' },
      kind: 'criticism',
      reason: 'r',
      scoreDeduction: 1,
    },
  },
  taskSuspended,
  taskResumed,
  taskTransferred('land-bureau'),
  milestoneCompleted(),
  completionReported,
  completionRejected,
  completionReported,
  completionAccepted,
];

describe('folding a task’s history', () => {
  it('never changes a state it was given', () => {
    expect(() =>
      year.reduce(
        (state, event) => deepFreeze(taskDecider.evolve(state, event)),
        deepFreeze(taskDecider.initialState()),
      ),
    ).not.toThrow();
  });

  it('ignores events before the task is registered', () => {
    const stray = [taskSigned(), taskSuspended, milestoneCompleted()];
    expect(stray.reduce(taskDecider.evolve, taskDecider.initialState())).toEqual({
      registered: false,
    });
  });

  it('reads the facts that later rules need', () => {
    const state = year.reduce(taskDecider.evolve, taskDecider.initialState());
    if (!state.registered) throw new Error('expected a registered task');
    expect({
      leadUnitId: state.leadUnitId,
      signed: [...state.signedUnitIds],
      completion: state.completion,
      suspended: state.suspended,
      milestone: state.milestones.get('m1'),
      blockage: state.blockages.get('b1'),
      notice: state.notices.get('n1'),
    }).toEqual({
      leadUnitId: 'land-bureau',
      signed: ['finance-bureau'],
      completion: 'accepted',
      suspended: false,
      milestone: {
        ownerUnitId: null,
        dueDate: '2021-07-31',
        percent: 100,
        reportedPercent: 40,
        completed: true,
        openRequestId: null,
        remindedFor: new Set(['2021-07-31']),
        overdueFor: new Set(['2021-07-31']),
      },
      blockage: {
        open: true,
        level: 1,
        reportedByUnitId: 'education-bureau',
        waitingOnUnitId: 'land-bureau',
      },
      notice: {
        toUnitId: 'education-bureau',
        answered: true,
        level: 'yellow',
        replyDueDate: '2021-03-05',
        answeredOn: '2021-03-01',
        overdue: false,
      },
    });
  });
});
