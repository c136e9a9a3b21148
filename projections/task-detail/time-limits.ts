import type { EscalationSource } from '../../contracts/events/task-events.ts';
import { updateItem, updateWhere } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { DraftDetail, TaskDetail, UrgeDetail } from './document.ts';

const changeUrge = (doc: TaskDetail, urgeId: string, change: Partial<UrgeDetail>): TaskDetail => ({
  ...doc,
  urges: updateWhere(
    doc.urges ?? [],
    (urge) => urge.urgeId === urgeId,
    (urge) => ({
      ...urge,
      ...change,
    }),
  ),
});

/** The slip the clock issued names the matter it escalated: that matter points on to it. */
export const withEscalation = (
  doc: TaskDetail,
  source: EscalationSource | undefined,
  noticeId: string,
): TaskDetail => {
  switch (source?.kind) {
    case undefined:
      return doc;
    case 'urge':
      return changeUrge(doc, source.urgeId, { escalatedTo: noticeId });
    case 'notice':
      return {
        ...doc,
        notices: updateItem(doc.notices, source.noticeId, (notice) => ({
          ...notice,
          escalatedTo: noticeId,
        })),
      };
    default: {
      const _exhaustive: never = source;
      return doc;
    }
  }
};

export const withSigningReminded: PageChange<'TaskSigningReminded'> = (doc, data) => ({
  ...doc,
  signingReminders: [
    ...(doc.signingReminders ?? []),
    {
      unitId: data.unitId,
      assignedOn: data.assignedOn,
      limitDate: data.limitDate,
      remindedOn: data.remindedOn,
    },
  ],
});

export const withReportMissed: PageChange<'ProgressReportMissed'> = (doc, data) => ({
  ...doc,
  missedReports: [
    ...(doc.missedReports ?? []),
    {
      unitId: data.unitId,
      cycle: data.cycle,
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
      recordedOn: data.recordedOn,
    },
  ],
});

export const withUrgeAnswered: PageChange<'TaskUrgeAnswered'> = (doc, data) =>
  changeUrge(doc, data.urgeId, { answer: data.answer, answeredOn: data.answeredOn });

export const withUrgeOverdue: PageChange<'UrgeReplyOverdue'> = (doc, data) =>
  changeUrge(doc, data.urgeId, { overdueOn: data.recordedOn });

export const withNoticeOverdue: PageChange<'SupervisionNoticeReplyOverdue'> = (doc, data) => ({
  ...doc,
  notices: updateItem(doc.notices, data.noticeId, (notice) => ({
    ...notice,
    overdueOn: data.recordedOn,
  })),
});

export const withDrafted: PageChange<'ProgressReportDrafted'> = (doc, data, stamp) => {
  const draft: DraftDetail = {
    draftId: data.draftId,
    milestoneId: data.milestoneId,
    unitId: data.unitId,
    percent: data.percent,
    note: data.note,
    evidence: [...data.evidence],
    draftedBy: data.draftedBy,
    draftedAt: stamp.at,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    returnReason: null,
    draftedByName: stamp.name ?? null,
  };
  return { ...doc, drafts: [...(doc.drafts ?? []), draft] };
};

const decided = (
  doc: TaskDetail,
  draftId: string,
  change: Pick<DraftDetail, 'status' | 'decidedBy' | 'decidedAt' | 'returnReason'>,
): TaskDetail => ({
  ...doc,
  drafts: updateWhere(
    doc.drafts ?? [],
    (draft) => draft.draftId === draftId,
    (draft) => ({
      ...draft,
      ...change,
    }),
  ),
});

export const withDraftApproved: PageChange<'ProgressReportApproved'> = (doc, data, stamp) =>
  decided(doc, data.draftId, {
    status: 'approved',
    decidedBy: data.approvedBy,
    decidedAt: stamp.at,
    returnReason: null,
  });

export const withDraftReturned: PageChange<'ProgressReportReturned'> = (doc, data, stamp) =>
  decided(doc, data.draftId, {
    status: 'returned',
    decidedBy: data.returnedBy,
    decidedAt: stamp.at,
    returnReason: data.reason,
  });
