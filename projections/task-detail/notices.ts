import { updateItem } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { NoticeDetail } from './document.ts';
import { withEscalation } from './time-limits.ts';

/** A supervision notice (督办单), unanswered until the addressed unit answers. */
export const withNoticeIssued: PageChange<'SupervisionNoticeIssued'> = (doc, data, stamp) => {
  const notice: NoticeDetail = {
    id: data.noticeId,
    level: data.level,
    toUnitId: data.toUnitId,
    subject: data.subject,
    body: data.body,
    replyDueDate: data.replyDueDate,
    issuedAt: stamp.at,
    issuedBy: stamp.by,
    answered: false,
    answer: null,
    answerEvidence: [],
    answeredAt: null,
    answeredBy: null,
    addressee: data.addressee ?? null,
    escalatedFrom: data.escalatedFrom ?? null,
    escalatedTo: null,
    overdueOn: null,
  };
  const issued = { ...doc, notices: [...doc.notices, notice] };
  return withEscalation(issued, data.escalatedFrom, data.noticeId);
};

/** Answered once, by the unit addressed. */
export const withNoticeAnswered: PageChange<'SupervisionNoticeAnswered'> = (doc, data, stamp) => ({
  ...doc,
  notices: updateItem(doc.notices, data.noticeId, (notice) => ({
    ...notice,
    answered: true,
    answer: data.answer,
    answerEvidence: [...data.evidence],
    answeredAt: stamp.at,
    answeredBy: stamp.by,
  })),
});
