import type { TaskEvent } from '../../contracts/events/index.ts';
import { type TaskDetail, taskDetailProjection } from '../../projections/task-detail/projection.ts';
import { envelopes } from './support/project.ts';
import { plannedTask, taskId } from './support/task-fixtures.ts';
import { taskPage as page } from './support/task-page.ts';

const edu = 'education-bureau';

const drafted: TaskEvent = {
  type: 'ProgressReportDrafted',
  data: {
    taskId,
    draftId: 'draft-1',
    milestoneId: 'm1',
    unitId: edu,
    percent: 40,
    note: null,
    evidence: [],
    draftedBy: 'liaison-1',
  },
};

const decidedBy = { unitId: edu, draftedBy: 'liaison-1', milestoneId: 'm1', draftId: 'draft-1' };

describe('a liaison’s draft on the task page', () => {
  it('waits for the unit head, then shows the decision, who took it and why', () => {
    expect(page([...plannedTask, drafted]).drafts).toMatchObject([
      { draftId: 'draft-1', status: 'pending', decidedBy: null, returnReason: null },
    ]);
    const returned: TaskEvent = {
      type: 'ProgressReportReturned',
      data: { taskId, ...decidedBy, reason: '请补充材料', returnedBy: 'head-1' },
    };
    expect(page([...plannedTask, drafted, returned]).drafts).toMatchObject([
      { status: 'returned', decidedBy: 'head-1', returnReason: '请补充材料' },
    ]);
    const approved: TaskEvent = {
      type: 'ProgressReportApproved',
      data: { taskId, ...decidedBy, approvedBy: 'head-1' },
    };
    expect(page([...plannedTask, drafted, approved]).drafts).toMatchObject([
      { status: 'approved', decidedBy: 'head-1' },
    ]);
  });
});

describe('the clock’s time limits on the task page', () => {
  it('show the cycle set at assignment, the missed periods and the signing reminders', () => {
    const missed: TaskEvent = {
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
    const reminded: TaskEvent = {
      type: 'TaskSigningReminded',
      data: {
        taskId,
        unitId: edu,
        assignedOn: '2021-03-02',
        limitDate: '2021-03-04',
        remindedOn: '2021-03-05',
      },
    };
    const doc = page([...plannedTask, reminded, missed]);
    expect(doc.missedReports).toEqual([missed.data].map(({ taskId: _, ...rest }) => rest));
    expect(doc.signingReminders).toEqual([reminded.data].map(({ taskId: _, ...rest }) => rest));
  });

  it('link an urge answered late to the blue slip it went up to, which names its addressee', () => {
    const urged: TaskEvent = {
      type: 'TaskUrged',
      data: {
        taskId,
        urgeId: 'u1',
        unitId: edu,
        message: 'm',
        replyBy: '2021-03-10',
        urgedOn: '2021-03-05',
        cause: 'missed_report',
      },
    };
    const overdue: TaskEvent = {
      type: 'UrgeReplyOverdue',
      data: {
        taskId,
        urgeId: 'u1',
        unitId: edu,
        replyBy: '2021-03-10',
        limitDate: '2021-03-10',
        recordedOn: '2021-03-11',
      },
    };
    const blue: TaskEvent = {
      type: 'SupervisionNoticeIssued',
      data: {
        taskId,
        noticeId: 'u1-blue',
        level: 'blue',
        toUnitId: edu,
        subject: 's',
        body: 'b',
        replyDueDate: '2021-03-18',
        addressee: { role: 'unit_head', unitId: edu },
        escalatedFrom: { kind: 'urge', urgeId: 'u1' },
      },
    };
    const answered: TaskEvent = {
      type: 'TaskUrgeAnswered',
      data: { taskId, urgeId: 'u1', unitId: edu, answer: '已报送', answeredOn: '2021-03-12' },
    };
    const doc = page([...plannedTask, urged, overdue, blue, answered]);
    expect(doc.urges).toMatchObject([
      {
        urgeId: 'u1',
        cause: 'missed_report',
        overdueOn: '2021-03-11',
        escalatedTo: 'u1-blue',
        answer: '已报送',
        answeredOn: '2021-03-12',
      },
    ]);
    expect(doc.notices).toMatchObject([
      {
        id: 'u1-blue',
        addressee: { role: 'unit_head', unitId: edu },
        escalatedFrom: { kind: 'urge', urgeId: 'u1' },
        escalatedTo: null,
      },
    ]);
  });
});

describe('a liaison’s draft by a named token', () => {
  it('keeps the name the token carried, for pages that read no history', () => {
    const folded = envelopes([...plannedTask, drafted]).reduce<TaskDetail | null>(
      (doc, envelope) =>
        taskDetailProjection.evolve(
          doc,
          envelope.event.type === 'ProgressReportDrafted'
            ? { ...envelope, actorId: 'liaison-1', actorName: '教育局联络员' }
            : envelope,
        ),
      null,
    );
    expect(folded?.drafts).toMatchObject([
      { draftedBy: 'liaison-1', draftedByName: '教育局联络员' },
    ]);
    expect(page([...plannedTask, drafted]).drafts).toMatchObject([{ draftedByName: null }]);
  });
});
