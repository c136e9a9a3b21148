import type { TaskEvent } from '../../contracts/events/index.ts';
import type { Escalation, TaskCommand } from '../../services/tasks/domain/commands.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given } from './support/given-when-then.ts';
import {
  clock,
  closedTask,
  completionAccepted,
  cooperatingHead,
  leadHead,
  noticeIssued,
  on,
  plannedTask,
  taskAssigned,
  taskId,
  taskRegistered,
  taskSigned,
  taskSuspended,
} from './support/task-fixtures.ts';

const edu = 'education-bureau';

const remindSigning = (limitDate = '2021-03-08', unitId = edu): TaskCommand => ({
  type: 'RemindSigning',
  data: { taskId, unitId, assignedOn: '2021-03-05', limitDate },
});

const signingReminded = (remindedOn: string, unitId = edu): TaskEvent => ({
  type: 'TaskSigningReminded',
  data: { taskId, unitId, assignedOn: '2021-03-05', limitDate: '2021-03-08', remindedOn },
});

const urgeSigning: TaskCommand = {
  type: 'UrgeSigning',
  data: {
    taskId,
    unitId: edu,
    assignedOn: '2021-03-05',
    urgeId: 'sign-edu',
    replyBy: '2021-03-15',
  },
};

const urged = (urgeId = 'u1', replyBy: string | null = '2021-03-10'): TaskEvent => ({
  type: 'TaskUrged',
  data: { taskId, urgeId, unitId: edu, message: '请加快', replyBy, urgedOn: '2021-03-05' },
});

const urgeAnswered = (answeredOn: string): TaskEvent => ({
  type: 'TaskUrgeAnswered',
  data: { taskId, urgeId: 'u1', unitId: edu, answer: '已推进', answeredOn },
});

const escalation = (level: 'blue' | 'yellow' | 'red', noticeId = `n1-${level}`): Escalation => ({
  noticeId,
  level,
  replyDueDate: '2021-03-16',
  subject: 'subject',
  body: 'body',
});

/** Only the lead unit assigned, not yet signed, on Friday 2021-03-05. */
const assigned: TaskEvent[] = [
  taskRegistered,
  { ...taskAssigned, data: { ...taskAssigned.data, cooperatingUnitIds: [] } },
];

describe('a signing reminder (签收提醒)', () => {
  it('is recorded the day after the limit for a unit still unsigned', () => {
    given(taskDecider, assigned)
      .when(remindSigning(), on('2021-03-09', clock))
      .then([signingReminded('2021-03-09')]);
  });

  it('records nothing on the last day of the limit, once signed, or a second time', () => {
    given(taskDecider, assigned).when(remindSigning(), on('2021-03-08', clock)).then([]);
    given(taskDecider, [...assigned, taskSigned()])
      .when(remindSigning(), on('2021-03-09', clock))
      .then([]);
    given(taskDecider, [...assigned, signingReminded('2021-03-09')])
      .when(remindSigning(), on('2021-03-10', clock))
      .then([]);
  });

  it('records nothing for a unit with no part in the task, nor while suspended', () => {
    given(taskDecider, assigned)
      .when(remindSigning('2021-03-08', 'land-bureau'), on('2021-03-09', clock))
      .then([]);
    given(taskDecider, [...assigned, taskSuspended])
      .when(remindSigning(), on('2021-03-09', clock))
      .then([]);
  });

  it('is the clock’s alone', () => {
    given(taskDecider, assigned).when(remindSigning(), leadHead).thenThrows('FORBIDDEN');
  });
});

describe('the clock’s 催办 of a unit still unsigned', () => {
  it('follows the reminder, as system, with its cause and reply-by', () => {
    given(taskDecider, [...assigned, signingReminded('2021-03-09')])
      .when(urgeSigning, on('2021-03-10', clock))
      .then([
        {
          type: 'TaskUrged',
          data: {
            taskId,
            urgeId: 'sign-edu',
            unitId: edu,
            message: '任务交办后逾期未签收，请即签收并反馈。',
            replyBy: '2021-03-15',
            urgedOn: '2021-03-10',
            cause: 'signing',
          },
        },
      ]);
  });

  it('is not sent without the reminder, nor once signed, nor twice', () => {
    given(taskDecider, assigned).when(urgeSigning, on('2021-03-10', clock)).then([]);
    given(taskDecider, [...assigned, signingReminded('2021-03-09'), taskSigned()])
      .when(urgeSigning, on('2021-03-10', clock))
      .then([]);
    given(taskDecider, [...assigned, signingReminded('2021-03-09'), urged('sign-edu')])
      .when(urgeSigning, on('2021-03-10', clock))
      .then([]);
  });
});

const weeklyTask: TaskEvent[] = [
  taskRegistered,
  { ...taskAssigned, data: { ...taskAssigned.data, reportingCycle: 'weekly' } },
];

const missWeek = (urge: { urgeId: string; replyBy: string } | null): TaskCommand => ({
  type: 'RecordProgressReportMissed',
  data: { taskId, cycle: 'weekly', periodStart: '2021-03-08', periodEnd: '2021-03-14', urge },
});

const reportMissed: TaskEvent = {
  type: 'ProgressReportMissed',
  data: {
    taskId,
    unitId: edu,
    cycle: 'weekly',
    periodStart: '2021-03-08',
    periodEnd: '2021-03-14',
    recordedOn: '2021-03-15',
  },
};

describe('a missed report (未按期报送)', () => {
  it('is recorded for the lead unit with the clock’s 催办 in the same append', () => {
    given(taskDecider, weeklyTask)
      .when(
        missWeek({ urgeId: 'report-2021-03-14', replyBy: '2021-03-18' }),
        on('2021-03-15', clock),
      )
      .then([
        reportMissed,
        {
          type: 'TaskUrged',
          data: {
            taskId,
            urgeId: 'report-2021-03-14',
            unitId: edu,
            message: '2021-03-08至2021-03-14未按期报送进展，请即报送。',
            replyBy: '2021-03-18',
            urgedOn: '2021-03-15',
            cause: 'missed_report',
          },
        },
      ]);
  });

  it('is recorded once per period, for a closed period of the task’s own cycle only', () => {
    given(taskDecider, [...weeklyTask, reportMissed])
      .when(missWeek(null), on('2021-03-16', clock))
      .then([]);
    given(taskDecider, weeklyTask).when(missWeek(null), on('2021-03-14', clock)).then([]);
    given(taskDecider, plannedTask).when(missWeek(null), on('2021-03-15', clock)).then([]);
  });

  it('is not recorded for a closed task (办结)', () => {
    given(taskDecider, [...closedTask])
      .when(missWeek(null), on('2021-03-15', clock))
      .then([]);
  });
});

describe('answering a 催办', () => {
  it('is the urged unit’s, once, on its day', () => {
    const answer: TaskCommand = {
      type: 'AnswerUrge',
      data: { taskId, urgeId: 'u1', answer: '已推进' },
    };
    given(taskDecider, [...plannedTask, urged()])
      .when(answer, on('2021-03-09', leadHead))
      .then([urgeAnswered('2021-03-09')]);
    given(taskDecider, [...plannedTask, urged()])
      .when(answer, cooperatingHead)
      .thenThrows('FORBIDDEN');
    given(taskDecider, [...plannedTask, urged(), urgeAnswered('2021-03-09')])
      .when(answer, leadHead)
      .thenThrows('ILLEGAL_STATE', 'urgeId');
    given(taskDecider, plannedTask).when(answer, leadHead).thenThrows('NOT_FOUND', 'urgeId');
  });
});

const urgeOverdue = (escalate: Escalation | null): TaskCommand => ({
  type: 'RecordUrgeReplyOverdue',
  data: { taskId, urgeId: 'u1', limitDate: '2021-03-10', escalation: escalate },
});

describe('a 催办 not answered by its reply-by', () => {
  it('is recorded overdue with a blue slip to the unit head', () => {
    given(taskDecider, [...plannedTask, urged()])
      .when(urgeOverdue(escalation('blue', 'u1-blue')), on('2021-03-11', clock))
      .then([
        {
          type: 'UrgeReplyOverdue',
          data: {
            taskId,
            urgeId: 'u1',
            unitId: edu,
            replyBy: '2021-03-10',
            limitDate: '2021-03-10',
            recordedOn: '2021-03-11',
          },
        },
        {
          type: 'SupervisionNoticeIssued',
          data: {
            taskId,
            noticeId: 'u1-blue',
            level: 'blue',
            toUnitId: edu,
            subject: 'subject',
            body: 'body',
            replyDueDate: '2021-03-16',
            addressee: { role: 'unit_head', unitId: edu },
            escalatedFrom: { kind: 'urge', urgeId: 'u1' },
          },
        },
      ]);
  });

  it('answered in time, or without a reply-by, records nothing', () => {
    given(taskDecider, [...plannedTask, urged(), urgeAnswered('2021-03-10')])
      .when(urgeOverdue(escalation('blue')), on('2021-03-11', clock))
      .then([]);
    given(taskDecider, [...plannedTask, urged('u1', null)])
      .when(urgeOverdue(escalation('blue')), on('2021-03-11', clock))
      .then([]);
  });

  it('refuses a slip of another colour than blue', () => {
    given(taskDecider, [...plannedTask, urged()])
      .when(urgeOverdue(escalation('yellow')), on('2021-03-11', clock))
      .thenThrows('VALIDATION', 'escalation.level');
  });
});

const noticeOverdue = (escalate: Escalation | null, noticeId = 'n1'): TaskCommand => ({
  type: 'RecordNoticeReplyOverdue',
  data: { taskId, noticeId, limitDate: '2021-03-05', escalation: escalate },
});

const blueNotice: TaskEvent = (() => {
  const event = noticeIssued();
  return { ...event, data: { ...event.data, level: 'blue' } } as TaskEvent;
})();

describe('a blue 督办单 not answered by its reply due date', () => {
  it('is recorded overdue and followed by a yellow slip to the responsible leader', () => {
    given(taskDecider, [...plannedTask, blueNotice])
      .when(noticeOverdue(escalation('yellow')), on('2021-03-08', clock))
      .then([
        {
          type: 'SupervisionNoticeReplyOverdue',
          data: {
            taskId,
            noticeId: 'n1',
            unitId: edu,
            level: 'blue',
            replyDueDate: '2021-03-05',
            limitDate: '2021-03-05',
            recordedOn: '2021-03-08',
          },
        },
        {
          type: 'SupervisionNoticeIssued',
          data: {
            taskId,
            noticeId: 'n1-yellow',
            level: 'yellow',
            toUnitId: edu,
            subject: 'subject',
            body: 'body',
            replyDueDate: '2021-03-16',
            addressee: { role: 'responsible_leader', official: 'leader-1' },
            escalatedFrom: { kind: 'notice', noticeId: 'n1' },
          },
        },
      ]);
  });

  it('answered in time stops the escalation; a second run records nothing', () => {
    const answered: TaskEvent = {
      type: 'SupervisionNoticeAnswered',
      data: { taskId, noticeId: 'n1', answer: 'a', evidence: [], answeredOn: '2021-03-05' },
    };
    given(taskDecider, [...plannedTask, blueNotice, answered])
      .when(noticeOverdue(escalation('yellow')), on('2021-03-08', clock))
      .then([]);
    const overdue: TaskEvent = {
      type: 'SupervisionNoticeReplyOverdue',
      data: {
        taskId,
        noticeId: 'n1',
        unitId: edu,
        level: 'blue',
        replyDueDate: '2021-03-05',
        limitDate: '2021-03-05',
        recordedOn: '2021-03-08',
      },
    };
    given(taskDecider, [...plannedTask, blueNotice, overdue])
      .when(noticeOverdue(escalation('yellow')), on('2021-03-09', clock))
      .then([]);
  });

  it('a red slip goes to the main leader, and nothing follows a red one', () => {
    const yellow: TaskEvent = {
      ...noticeIssued('n1-yellow'),
      data: { ...noticeIssued('n1-yellow').data, level: 'yellow' },
    } as TaskEvent;
    const [, red] = taskDecider.decide(
      noticeOverdue(escalation('red'), 'n1-yellow'),
      [...plannedTask, yellow].reduce(taskDecider.evolve, taskDecider.initialState()),
      on('2021-03-08', clock),
    );
    expect(red?.data).toMatchObject({ level: 'red', addressee: { role: 'main_leader' } });
    const redNotice = { ...noticeIssued('n2'), data: { ...noticeIssued('n2').data, level: 'red' } };
    const afterRed = taskDecider.decide(
      noticeOverdue(escalation('red', 'n2-red'), 'n2'),
      [...plannedTask, redNotice as TaskEvent].reduce(
        taskDecider.evolve,
        taskDecider.initialState(),
      ),
      on('2021-03-08', clock),
    );
    expect(afterRed.map((event) => event.type)).toEqual(['SupervisionNoticeReplyOverdue']);
  });

  it('records nothing on a closed task', () => {
    given(taskDecider, [...plannedTask, blueNotice, completionAccepted])
      .when(noticeOverdue(escalation('yellow')), on('2021-03-08', clock))
      .then([]);
  });
});
