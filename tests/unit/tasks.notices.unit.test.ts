import type { NoticeLevel } from '../../contracts/events/task-events.ts';
import { taskDecider } from '../../services/tasks/domain/decider.ts';
import { given, itRefuses } from './support/given-when-then.ts';
import { type TaskCommandData, taskCommand } from './support/task-commands.ts';
import {
  cooperatingHead,
  evidenceFile,
  leadHead,
  noticeAnswered,
  noticeIssued,
  outsiderHead,
  plannedTask,
  taskId,
  taskTransferred,
} from './support/task-fixtures.ts';

const issue = taskCommand('IssueSupervisionNotice', {
  taskId,
  noticeId: 'n1',
  level: 'yellow',
  toUnitId: 'education-bureau',
  subject: ' Land approval is late ',
  body: 'Report the cause and a new date.\n',
  replyDueDate: '2021-03-05',
});

const answer = taskCommand('AnswerSupervisionNotice', {
  taskId,
  noticeId: 'n1',
  answer: ' Approval expected 10 March ',
  evidence: [],
});

/** Today is 2021-03-01 in the default context. */
describe('issuing a supervision notice', () => {
  it('records it with text trimmed', () => {
    given(taskDecider, plannedTask).when(issue()).then([noticeIssued()]);
  });

  it('may go to a cooperating unit, with an answer due today', () => {
    const expected = noticeIssued('n1', 'finance-bureau');
    given(taskDecider, plannedTask)
      .when(issue({ toUnitId: 'finance-bureau', replyDueDate: '2021-03-01', level: 'red' }))
      .then([
        {
          ...expected,
          data: { ...expected.data, replyDueDate: '2021-03-01', level: 'red' },
        } as typeof expected,
      ]);
  });

  it('refuses a notice id already used', () => {
    given(taskDecider, [...plannedTask, noticeIssued()])
      .when(issue())
      .thenThrows('ILLEGAL_STATE', 'noticeId');
  });

  it.each<[string, Partial<TaskCommandData<'IssueSupervisionNotice'>>, string]>([
    ['an id unfit for an id', { noticeId: '' }, 'noticeId'],
    ['an unknown slip colour', { level: 'green' as NoticeLevel }, 'level'],
    ['a unit with no part in the task', { toUnitId: 'land-bureau' }, 'toUnitId'],
    ['a blank subject', { subject: '' }, 'subject'],
    ['a blank body', { body: ' ' }, 'body'],
    ['a reply day that is no date', { replyDueDate: 'tomorrow' }, 'replyDueDate'],
    ['a reply day already past', { replyDueDate: '2021-02-28' }, 'replyDueDate'],
  ])('refuses %s', (_, change, field) => {
    given(taskDecider, plannedTask).when(issue(change)).thenThrows('VALIDATION', field);
  });
});

describe('answering a supervision notice', () => {
  const issued = [...plannedTask, noticeIssued()];

  it('records the answer trimmed, by the unit addressed', () => {
    given(taskDecider, issued).when(answer(), leadHead).then([noticeAnswered()]);
  });

  it('records the evidence', () => {
    const expected = noticeAnswered();
    given(taskDecider, issued)
      .when(answer({ evidence: [evidenceFile] }), leadHead)
      .then([
        { ...expected, data: { ...expected.data, evidence: [evidenceFile] } } as typeof expected,
      ]);
  });

  itRefuses(taskDecider, issued, [
    ['is for the unit addressed only', answer(), cooperatingHead, 'FORBIDDEN'],
    ['needs a notice that exists', answer({ noticeId: 'n9' }), leadHead, 'NOT_FOUND', 'noticeId'],
    [
      'tells a unit with no part in the task nothing of notices that do not exist',
      answer({ noticeId: 'n9' }),
      outsiderHead,
      'FORBIDDEN',
    ],
    ['needs an answer', answer({ answer: '' }), leadHead, 'VALIDATION', 'answer'],
    [
      'checks the evidence',
      answer({ evidence: [{ ...evidenceFile, fileName: '' }] }),
      leadHead,
      'VALIDATION',
      'evidence[0].fileName',
    ],
  ]);

  it('is still open to the unit addressed after the task moved to another unit', () => {
    given(taskDecider, [...issued, taskTransferred('land-bureau')])
      .when(answer(), leadHead)
      .then([noticeAnswered()]);
  });
});

describe('an answered notice', () => {
  it('is not answered twice', () => {
    given(taskDecider, [...plannedTask, noticeIssued(), noticeAnswered()])
      .when(answer(), leadHead)
      .thenThrows('ILLEGAL_STATE', 'noticeId');
  });
});
