import type { Data } from '../events.ts';
import { updateItem } from '../lists.ts';
import type { NoticeDetail, TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** A supervision notice (督办单), unanswered until the addressed unit answers. */
export const withNoticeIssued = (
  doc: TaskDetail,
  data: Data<'SupervisionNoticeIssued'>,
  stamp: Stamp,
): TaskDetail => {
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
  };
  return { ...doc, notices: [...doc.notices, notice] };
};

/** Answered once, by the unit addressed. */
export const withNoticeAnswered = (
  doc: TaskDetail,
  data: Data<'SupervisionNoticeAnswered'>,
  stamp: Stamp,
): TaskDetail => ({
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
