import type { TaskEventOf, TaskEventType } from '../../../contracts/events/task-events.ts';
import { withChanged, withEntry, withMember } from './collections.ts';
import type { RegisteredTask } from './state.ts';

type Data<T extends TaskEventType> = TaskEventOf<T>['data'];

export const signingReminded = (
  task: RegisteredTask,
  data: Data<'TaskSigningReminded'>,
): RegisteredTask => ({
  ...task,
  signingReminders: withMember(task.signingReminders, `${data.unitId}|${data.assignedOn}`),
});

export const reportMissed = (
  task: RegisteredTask,
  data: Data<'ProgressReportMissed'>,
): RegisteredTask => ({
  ...task,
  missedReports: withMember(task.missedReports, `${data.unitId}|${data.periodEnd}`),
});

export const urged = (task: RegisteredTask, data: Data<'TaskUrged'>): RegisteredTask => ({
  ...task,
  urges: withEntry(task.urges, data.urgeId, {
    unitId: data.unitId,
    replyBy: data.replyBy,
    answeredOn: null,
    overdue: false,
  }),
});

export const urgeAnswered = (
  task: RegisteredTask,
  data: Data<'TaskUrgeAnswered'>,
): RegisteredTask => ({
  ...task,
  urges: withChanged(task.urges, data.urgeId, (urge) => ({ ...urge, answeredOn: data.answeredOn })),
});

export const urgeOverdue = (
  task: RegisteredTask,
  data: Data<'UrgeReplyOverdue'>,
): RegisteredTask => ({
  ...task,
  urges: withChanged(task.urges, data.urgeId, (urge) => ({ ...urge, overdue: true })),
});

export const noticeOverdue = (
  task: RegisteredTask,
  data: Data<'SupervisionNoticeReplyOverdue'>,
): RegisteredTask => ({
  ...task,
  notices: withChanged(task.notices, data.noticeId, (notice) => ({ ...notice, overdue: true })),
});

export const drafted = (
  task: RegisteredTask,
  data: Data<'ProgressReportDrafted'>,
): RegisteredTask => ({
  ...task,
  drafts: withEntry(task.drafts, data.draftId, {
    milestoneId: data.milestoneId,
    unitId: data.unitId,
    percent: data.percent,
    note: data.note,
    evidence: data.evidence,
    draftedBy: data.draftedBy,
    open: true,
  }),
});

/** Approved or returned, a draft is closed: a new report is a new draft. */
export const draftClosed = (task: RegisteredTask, draftId: string): RegisteredTask => ({
  ...task,
  drafts: withChanged(task.drafts, draftId, (draft) => ({ ...draft, open: false })),
});
