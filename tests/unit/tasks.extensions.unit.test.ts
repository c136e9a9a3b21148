import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  cooperatingHead,
  extensionApproved,
  extensionRejected,
  extensionRequested,
  leader,
  leadHead,
  milestoneCompleted,
  on,
  plannedTask,
  taskId,
} from './support/task-fixtures.ts';

const requestExtension = taskCommand('RequestDeadlineExtension', {
  taskId,
  requestId: 'r1',
  milestoneId: 'm1',
  requestedDueDate: '2021-07-31',
  reason: ' Survey delayed by rain ',
});

const approve = (requestId = 'r1'): TaskCommand => ({
  type: 'ApproveDeadlineExtension',
  data: { taskId, requestId },
});

const reject = (reason = 'Rain is no reason ', requestId = 'r1'): TaskCommand => ({
  type: 'RejectDeadlineExtension',
  data: { taskId, requestId, reason },
});

/** Milestone m1 is due 2021-06-30; the task 2021-12-31. */
describe('requesting a deadline extension', () => {
  it('records the current and requested due dates, with the reason trimmed', () => {
    given(taskDecider, plannedTask).when(requestExtension(), leadHead).then([extensionRequested()]);
  });

  it('is accepted up to the last minute of the due day, China Standard Time', () => {
    const lastMinute = { ...leadHead, now: '2021-06-30T15:59:59.999Z' };
    given(taskDecider, plannedTask)
      .when(requestExtension(), lastMinute)
      .then([extensionRequested()]);
  });

  it('may ask for the task’s own due date', () => {
    given(taskDecider, plannedTask)
      .when(requestExtension({ requestedDueDate: '2021-12-31' }), leadHead)
      .then([extensionRequested('r1', '2021-12-31')]);
  });

  itRefuses(taskDecider, plannedTask, [
    ['is for the lead unit only', requestExtension(), cooperatingHead, 'FORBIDDEN'],
    [
      'needs a planned milestone',
      requestExtension({ milestoneId: 'm9' }),
      leadHead,
      'NOT_FOUND',
      'milestoneId',
    ],
    [
      'needs a request id fit for an id',
      requestExtension({ requestId: 'r 1' }),
      leadHead,
      'VALIDATION',
      'requestId',
    ],
    ['needs a reason', requestExtension({ reason: '' }), leadHead, 'VALIDATION', 'reason'],
  ]);

  it('is refused for a completed milestone', () => {
    given(taskDecider, [...plannedTask, milestoneCompleted()])
      .when(requestExtension(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('refuses a request id already used', () => {
    given(taskDecider, [...plannedTask, extensionRequested(), extensionRejected()])
      .when(requestExtension(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });

  it.each([
    ['not a date', '2021-07-32'],
    ['the current due date', '2021-06-30'],
    ['before the current due date', '2021-06-01'],
    ['after the task’s due date', '2022-01-01'],
  ])('refuses a requested date that is %s', (_, requestedDueDate) => {
    given(taskDecider, plannedTask)
      .when(requestExtension({ requestedDueDate }), leadHead)
      .thenThrows('VALIDATION', 'requestedDueDate');
  });
});

describe('an extension requested after the deadline', () => {
  it('is refused as ILLEGAL_STATE from the first minute of the next day, China Standard Time', () => {
    const nextDay = { ...leadHead, now: '2021-06-30T16:00:00.000Z' };
    const error = given(taskDecider, plannedTask)
      .when(requestExtension(), nextDay)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
    expect(error.message).toContain('2021-07-01');
  });
});

describe('a milestone with an open extension request', () => {
  it('takes no second request', () => {
    given(taskDecider, [...plannedTask, extensionRequested()])
      .when(requestExtension({ requestId: 'r2', requestedDueDate: '2021-08-31' }), leadHead)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });
});

describe('approving an extension', () => {
  const requested = [...plannedTask, extensionRequested()];

  it('records the new due date and the approving leader', () => {
    given(taskDecider, requested).when(approve(), leader).then([extensionApproved()]);
  });

  it('needs a request that exists', () => {
    given(taskDecider, requested).when(approve('r9'), leader).thenThrows('NOT_FOUND', 'requestId');
  });

  it.each([
    ['approved', extensionApproved()],
    ['rejected', extensionRejected()],
  ])('refuses a request already %s', (_, decision) => {
    given(taskDecider, [...requested, decision])
      .when(approve(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });

  it('refuses a request whose milestone was completed meanwhile', () => {
    given(taskDecider, [...requested, milestoneCompleted()])
      .when(approve(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });
});

describe('an approved extension', () => {
  const approved = [...plannedTask, extensionRequested(), extensionApproved()];

  it('makes the new date the milestone’s due date', () => {
    given(taskDecider, approved)
      .when(
        requestExtension({ requestId: 'r2', requestedDueDate: '2021-08-31' }),
        on('2021-07-15', leadHead),
      )
      .then([extensionRequested('r2', '2021-08-31', 'm1', '2021-07-31')]);
  });
});

describe('rejecting an extension', () => {
  const requested = [...plannedTask, extensionRequested()];

  it('records the reason trimmed and the rejecting leader', () => {
    given(taskDecider, requested).when(reject(), leader).then([extensionRejected()]);
  });

  itRefuses(taskDecider, requested, [
    ['needs a reason', reject(' '), leader, 'VALIDATION', 'reason'],
    ['needs a request that exists', reject('no', 'r9'), leader, 'NOT_FOUND', 'requestId'],
  ]);

  it('refuses a request already decided', () => {
    given(taskDecider, [...requested, extensionApproved()])
      .when(reject(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });
});

describe('a rejected extension', () => {
  const rejected = [...plannedTask, extensionRequested(), extensionRejected()];

  it('keeps the due date: a request after it is too late', () => {
    given(taskDecider, rejected)
      .when(requestExtension({ requestId: 'r2' }), on('2021-07-01', leadHead))
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('leaves the milestone free for another request before the deadline', () => {
    given(taskDecider, rejected)
      .when(requestExtension({ requestId: 'r2', requestedDueDate: '2021-07-15' }), leadHead)
      .then([extensionRequested('r2', '2021-07-15')]);
  });
});
