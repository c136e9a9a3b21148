import type { TaskEvent } from '../../contracts/events/index.ts';
import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import type { TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given, itRefuses } from './support/given-when-then.ts';
import { taskCommand } from './support/task-commands.ts';
import {
  actingAs,
  cooperatingHead,
  extensionApproved,
  extensionRejected,
  extensionRequested,
  extensionReviewed,
  leader,
  leadHead,
  milestoneCompleted,
  on,
  otherLeader,
  plannedTask,
  taskAssigned,
  taskId,
  taskRegistered,
} from './support/task-fixtures.ts';

const requestExtension = taskCommand('RequestDeadlineExtension', {
  taskId,
  requestId: 'r1',
  milestoneId: 'm1',
  requestedDueDate: '2021-07-31',
  reason: ' Survey delayed by rain ',
});

/** More time for the task's own due date (2021-12-31). */
const requestTaskExtension = (data: Parameters<typeof requestExtension>[0] = {}) =>
  requestExtension({ requestId: 't1', milestoneId: null, requestedDueDate: '2022-01-31', ...data });

const review = taskCommand('ReviewDeadlineExtension', {
  taskId,
  requestId: 'r1',
  forward: true,
  comment: ' Rain days on record: forwarded ',
});

const approve = (requestId = 'r1'): TaskCommand => ({
  type: 'ApproveDeadlineExtension',
  data: { taskId, requestId },
});

const reject = (reason = 'Rain is no reason ', requestId = 'r1'): TaskCommand => ({
  type: 'RejectDeadlineExtension',
  data: { taskId, requestId, reason },
});

/** The task-level request t1, for 2022-01-31, as recorded. */
const taskRequested = extensionRequested('t1', '2022-01-31', null, '2021-12-31');

/** A request the office forwarded to the responsible leader. */
const forwarded = [...plannedTask, extensionRequested(), extensionReviewed()];

/** Milestone m1 is due 2021-06-30 (a Wednesday); the task 2021-12-31 (a Friday). */
describe('requesting a deadline extension for a milestone', () => {
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
    given(taskDecider, [...forwarded, extensionRejected()])
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

describe('an extension requested after the limit', () => {
  it('is refused as ILLEGAL_STATE from the first minute of the next working day, China Standard Time', () => {
    const nextDay = { ...leadHead, now: '2021-06-30T16:00:00.000Z' };
    const error = given(taskDecider, plannedTask)
      .when(requestExtension(), nextDay)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
    expect(error.message).toContain('2021-07-01');
  });
});

describe('a milestone due on a day off', () => {
  /** Due 2021-10-03, in the National Day holiday: its limit runs to 10-08, the first working day after. */
  const dueInHoliday: TaskEvent = {
    type: 'MilestonePlanned',
    data: { taskId, milestoneId: 'm2', title: 'Schools open', dueDate: '2021-10-03', weight: 1 },
  };
  const request = requestExtension({ milestoneId: 'm2', requestedDueDate: '2021-10-31' });

  it('takes a request up to its limit, the next working day', () => {
    given(taskDecider, [...plannedTask, dueInHoliday])
      .when(request, on('2021-10-08', leadHead))
      .then([extensionRequested('r1', '2021-10-31', 'm2', '2021-10-03')]);
  });

  it('refuses one the day after the limit, naming the limit', () => {
    const error = given(taskDecider, [...plannedTask, dueInHoliday])
      .when(request, on('2021-10-09', leadHead))
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
    expect(error.message).toContain('2021-10-08');
  });

  it('counts the limit on the calendars the service looked up', () => {
    // The office published 2021-06-30 as a day off: m1's limit runs to 07-01.
    const calendar = shippedCalendars.get(2021)!;
    const withDayOff = { ...calendar, holidays: [...calendar.holidays, '2021-06-30'].sort() };
    given(taskDecider, plannedTask)
      .when(requestExtension({ calendars: [withDayOff] }), on('2021-07-01', leadHead))
      .then([extensionRequested()]);
  });
});

describe('a milestone with an open extension request', () => {
  it('takes no second request', () => {
    given(taskDecider, [...plannedTask, extensionRequested()])
      .when(requestExtension({ requestId: 'r2', requestedDueDate: '2021-08-31' }), leadHead)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('takes none while a forwarded one waits for the leader', () => {
    given(taskDecider, forwarded)
      .when(requestExtension({ requestId: 'r2', requestedDueDate: '2021-08-31' }), leadHead)
      .thenThrows('ILLEGAL_STATE', 'milestoneId');
  });

  it('does not hold up a request for the task’s own due date', () => {
    given(taskDecider, [...plannedTask, extensionRequested()])
      .when(requestTaskExtension(), leadHead)
      .then([taskRequested]);
  });
});

describe('requesting an extension of the task’s own due date (milestoneId null)', () => {
  it('records the task’s due date as the current one and no milestone', () => {
    given(taskDecider, plannedTask).when(requestTaskExtension(), leadHead).then([taskRequested]);
  });

  it('is accepted on the task’s due day', () => {
    given(taskDecider, plannedTask)
      .when(requestTaskExtension(), on('2021-12-31', leadHead))
      .then([taskRequested]);
  });

  it.each([
    ['the task’s due date', '2021-12-31'],
    ['before it', '2021-11-30'],
  ])('refuses a requested date that is %s', (_, requestedDueDate) => {
    given(taskDecider, plannedTask)
      .when(requestTaskExtension({ requestedDueDate }), leadHead)
      .thenThrows('VALIDATION', 'requestedDueDate');
  });

  it('is refused after the task’s limit, naming the task', () => {
    const error = given(taskDecider, plannedTask)
      .when(requestTaskExtension(), on('2022-01-01', leadHead))
      .thenThrows('ILLEGAL_STATE', 'taskId');
    expect(error.message).toContain(`task ${taskId}`);
  });

  it('is for the lead unit only', () => {
    given(taskDecider, plannedTask)
      .when(requestTaskExtension(), cooperatingHead)
      .thenThrows('FORBIDDEN');
  });

  it('takes no second request while one is open', () => {
    given(taskDecider, [...plannedTask, taskRequested])
      .when(requestTaskExtension({ requestId: 't2' }), leadHead)
      .thenThrows('ILLEGAL_STATE', 'taskId');
  });

  it('does not hold up a request for a milestone', () => {
    given(taskDecider, [...plannedTask, taskRequested])
      .when(requestExtension(), leadHead)
      .then([extensionRequested()]);
  });
});

describe('the office’s review (初审)', () => {
  const requested = [...plannedTask, extensionRequested()];

  it('forwards a request to the responsible leader, the comment trimmed', () => {
    given(taskDecider, requested).when(review()).then([extensionReviewed()]);
  });

  it('may refuse it instead', () => {
    given(taskDecider, requested)
      .when(review({ forward: false, comment: 'The survey was on time' }))
      .then([extensionReviewed('r1', false)]);
  });

  it('names the task’s own due date for a task-level request', () => {
    given(taskDecider, [...plannedTask, taskRequested])
      .when(review({ requestId: 't1' }))
      .then([extensionReviewed('t1', true, null)]);
  });

  itRefuses(taskDecider, requested, [
    ['needs a comment', review({ comment: ' ' }), actingAs('office'), 'VALIDATION', 'comment'],
    [
      'needs a request that exists',
      review({ requestId: 'r9' }),
      actingAs('office'),
      'NOT_FOUND',
      'requestId',
    ],
    ['is the office’s, not a leader’s', review(), leader, 'FORBIDDEN'],
    ['is the office’s, not the unit’s', review(), leadHead, 'FORBIDDEN'],
  ]);

  it('refuses a forward that is not true or false', () => {
    const notBoolean = {
      type: 'ReviewDeadlineExtension',
      data: { ...review().data, forward: 'yes' },
    };
    given(taskDecider, requested)
      .when(notBoolean as TaskCommand)
      .thenThrows('VALIDATION', 'forward');
  });

  it.each([
    ['forwarded', extensionReviewed()],
    ['refused', extensionReviewed('r1', false)],
  ])('is refused a second time, after the request was %s', (_, first) => {
    given(taskDecider, [...requested, first])
      .when(review())
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });

  it('is refused once a leader decided', () => {
    given(taskDecider, [...forwarded, extensionApproved()])
      .when(review())
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });
});

describe('a request the office refused at its review', () => {
  const declined = [...plannedTask, extensionRequested(), extensionReviewed('r1', false)];

  it.each([
    ['approved', approve()],
    ['rejected', reject()],
  ])('cannot be %s by the leader', (_, decision) => {
    given(taskDecider, declined).when(decision, leader).thenThrows('ILLEGAL_STATE', 'requestId');
  });

  it('leaves the due date and frees the milestone for another request before the limit', () => {
    given(taskDecider, declined)
      .when(requestExtension({ requestId: 'r2', requestedDueDate: '2021-07-15' }), leadHead)
      .then([extensionRequested('r2', '2021-07-15')]);
  });
});

describe('deciding before the office’s review', () => {
  const requested = [...plannedTask, extensionRequested()];

  it.each([
    ['an approval', approve()],
    ['a rejection', reject()],
  ])('refuses %s as ILLEGAL_STATE naming the request', (_, decision) => {
    const error = given(taskDecider, requested)
      .when(decision, leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
    expect(error.message).toContain('初审');
  });
});

describe('who decides a forwarded request', () => {
  it.each([
    ['approve', approve()],
    ['reject', reject()],
  ])('a leader not responsible for the task may not %s it, told who is', (_, decision) => {
    const error = given(taskDecider, forwarded).when(decision, otherLeader).thenThrows('FORBIDDEN');
    expect(error.message).toContain('leader-1');
  });

  it('any leader decides on a task without a responsible leader', () => {
    const noLeader = { ...taskAssigned, data: { ...taskAssigned.data, responsibleLeader: null } };
    const history = [taskRegistered, noLeader, ...forwarded.slice(2)];
    given(taskDecider, history)
      .when(approve(), otherLeader)
      .then([
        {
          type: 'DeadlineExtensionApproved',
          data: {
            taskId,
            requestId: 'r1',
            milestoneId: 'm1',
            newDueDate: '2021-07-31',
            approvedBy: 'leader-2',
          },
        },
      ]);
  });

  it('follows a re-assignment to another responsible leader', () => {
    const reassigned = {
      ...taskAssigned,
      data: { ...taskAssigned.data, responsibleLeader: 'leader-2' },
    };
    given(taskDecider, [...forwarded, reassigned])
      .when(approve(), leader)
      .thenThrows('FORBIDDEN');
  });
});

describe('approving a forwarded extension', () => {
  it('records the new due date and the approving responsible leader', () => {
    given(taskDecider, forwarded).when(approve(), leader).then([extensionApproved()]);
  });

  it('needs a request that exists', () => {
    given(taskDecider, forwarded).when(approve('r9'), leader).thenThrows('NOT_FOUND', 'requestId');
  });

  it.each([
    ['approved', extensionApproved()],
    ['rejected', extensionRejected()],
  ])('refuses a request already %s', (_, decision) => {
    given(taskDecider, [...forwarded, decision])
      .when(approve(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });

  it('refuses a request whose milestone was completed meanwhile', () => {
    given(taskDecider, [...forwarded, milestoneCompleted()])
      .when(approve(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });

  it('refuses a request a pause has overtaken: the due date moved to the requested one or past it', () => {
    const shifted: TaskEvent = {
      type: 'MilestoneDueDateShifted',
      data: {
        taskId,
        milestoneId: 'm1',
        from: '2021-06-30',
        to: '2021-08-10',
        suspendedOn: '2021-06-01',
        resumedOn: '2021-07-10',
        workingDays: 29,
      },
    };
    const error = given(taskDecider, [...forwarded, shifted])
      .when(approve(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
    expect(error.message).toContain('2021-08-10');
  });
});

describe('an approved extension of a milestone', () => {
  const approved = [...forwarded, extensionApproved()];

  it('makes the new date the milestone’s due date', () => {
    given(taskDecider, approved)
      .when(
        requestExtension({ requestId: 'r2', requestedDueDate: '2021-08-31' }),
        on('2021-07-15', leadHead),
      )
      .then([extensionRequested('r2', '2021-08-31', 'm1', '2021-07-31')]);
  });
});

describe('an approved extension of the task’s own due date', () => {
  const approved = [
    ...plannedTask,
    taskRequested,
    extensionReviewed('t1', true, null),
    extensionApproved('t1', '2022-01-31', null),
  ];

  it('is recorded for the task (milestoneId null)', () => {
    given(taskDecider, approved.slice(0, -1))
      .when(approve('t1'), leader)
      .then([extensionApproved('t1', '2022-01-31', null)]);
  });

  it('makes the new date the task’s due date: a later request starts from it', () => {
    given(taskDecider, approved)
      .when(requestTaskExtension({ requestId: 't2', requestedDueDate: '2022-02-28' }), leadHead)
      .then([extensionRequested('t2', '2022-02-28', null, '2022-01-31')]);
  });

  it('lets a milestone’s request go up to the new date', () => {
    given(taskDecider, approved)
      .when(requestExtension({ requestedDueDate: '2022-01-31' }), leadHead)
      .then([extensionRequested('r1', '2022-01-31')]);
  });

  it('moves the task’s limit: a request on the old due date’s next day is in time', () => {
    given(taskDecider, approved)
      .when(
        requestTaskExtension({ requestId: 't2', requestedDueDate: '2022-02-28' }),
        on('2022-01-04', leadHead),
      )
      .then([extensionRequested('t2', '2022-02-28', null, '2022-01-31')]);
  });
});

describe('rejecting a forwarded extension', () => {
  it('records the reason trimmed and the rejecting responsible leader', () => {
    given(taskDecider, forwarded).when(reject(), leader).then([extensionRejected()]);
  });

  itRefuses(taskDecider, forwarded, [
    ['needs a reason', reject(' '), leader, 'VALIDATION', 'reason'],
    ['needs a request that exists', reject('no', 'r9'), leader, 'NOT_FOUND', 'requestId'],
  ]);

  it('refuses a request already decided', () => {
    given(taskDecider, [...forwarded, extensionApproved()])
      .when(reject(), leader)
      .thenThrows('ILLEGAL_STATE', 'requestId');
  });
});

describe('a rejected extension', () => {
  const rejected = [...forwarded, extensionRejected()];

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

describe('a log recorded before reviews and task-level requests', () => {
  it('folds a request decided without a review: closed, the date moved', () => {
    given(taskDecider, [...plannedTask, extensionRequested(), extensionApproved()])
      .when(
        requestExtension({ requestId: 'r2', requestedDueDate: '2021-08-31' }),
        on('2021-07-15', leadHead),
      )
      .then([extensionRequested('r2', '2021-08-31', 'm1', '2021-07-31')]);
  });
});
