import type { PageChange } from './change.ts';

/** 办理答复: each reply is kept, the latest last. */
export const withSourceReplied: PageChange<'SourceReplied'> = (doc, data, stamp) => ({
  ...doc,
  replies: [
    ...(doc.replies ?? []),
    {
      id: data.replyId,
      text: data.text,
      documentNumber: data.documentNumber,
      evidence: data.evidence.map((entry) => ({ ...entry })),
      unitId: data.repliedByUnitId,
      repliedOn: data.repliedOn,
      repliedAt: stamp.at,
      repliedBy: stamp.by,
    },
  ],
});

/** The proposer's rating, as the office recorded it. */
export const withEvaluation: PageChange<'ProposerEvaluationRecorded'> = (doc, data, stamp) => ({
  ...doc,
  evaluations: [
    ...(doc.evaluations ?? []),
    {
      id: data.evaluationId,
      replyId: data.replyId,
      rating: data.rating,
      comment: data.comment,
      unitId: data.unitId,
      recordedOn: data.recordedOn,
      recordedAt: stamp.at,
      recordedBy: stamp.by,
    },
  ],
});

/** 重新办理: the new due date; a report or an acceptance before it no longer closes the task. */
export const withRedo: PageChange<'TaskReopenedForRedo'> = (doc, data, stamp) => ({
  ...doc,
  dueDate: data.dueDate,
  completion: { ...doc.completion, state: 'none' },
  redos: [
    ...(doc.redos ?? []),
    {
      evaluationId: data.evaluationId,
      previousDueDate: data.previousDueDate,
      dueDate: data.dueDate,
      reopenedOn: data.reopenedOn,
      reopenedAt: stamp.at,
    },
  ],
});
