import type { Data } from '../events.ts';
import { updateLast } from '../lists.ts';
import type { TaskDetail } from './document.ts';
import type { Stamp } from './stamp.ts';

/** 办结报告: pending until the office accepts or rejects it. */
export const withCompletionReported = (
  doc: TaskDetail,
  data: Data<'TaskCompletionReported'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  completion: {
    ...doc.completion,
    state: 'reported',
    summary: data.summary,
    evidence: [...data.evidence],
    reportedAt: stamp.at,
    reportedBy: stamp.by,
  },
});

/** 办结: the task is closed. */
export const withCompletionAccepted = (
  doc: TaskDetail,
  data: Data<'TaskCompletionAccepted'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  completion: {
    ...doc.completion,
    state: 'accepted',
    acceptedAt: stamp.at,
    acceptedBy: stamp.by,
    comment: data.comment,
  },
});

/** 退回重办: the report is kept among the rejections, with the reason. */
export const withCompletionRejected = (
  doc: TaskDetail,
  data: Data<'TaskCompletionRejected'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  completion: {
    ...doc.completion,
    state: 'rejected',
    rejections: [
      ...doc.completion.rejections,
      {
        summary: doc.completion.summary,
        reason: data.reason,
        rejectedAt: stamp.at,
        rejectedBy: stamp.by,
      },
    ],
  },
});

/** Paused; each suspension is kept, with its reason. */
export const withSuspended = (
  doc: TaskDetail,
  data: Data<'TaskSuspended'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  suspended: true,
  suspensions: [
    ...doc.suspensions,
    {
      reason: data.reason,
      suspendedAt: stamp.at,
      suspendedBy: stamp.by,
      resumeReason: null,
      resumedAt: null,
      resumedBy: null,
    },
  ],
});

/** Closes the suspension in force, the last one. */
export const withResumed = (
  doc: TaskDetail,
  data: Data<'TaskResumed'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  suspended: false,
  suspensions: updateLast(doc.suspensions, (suspension) => ({
    ...suspension,
    resumeReason: data.reason,
    resumedAt: stamp.at,
    resumedBy: stamp.by,
  })),
});

/** Final: the decider takes no more commands for the task. */
export const withTerminated = (
  doc: TaskDetail,
  data: Data<'TaskTerminated'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  termination: { reason: data.reason, terminatedAt: stamp.at, terminatedBy: stamp.by },
});
