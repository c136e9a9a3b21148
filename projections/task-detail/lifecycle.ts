import { updateLast } from '../lists.ts';
import type { PageChange } from './change.ts';
import { changeMilestone } from './milestones.ts';

/** 办结报告: pending until the office accepts or rejects it. */
export const withCompletionReported: PageChange<'TaskCompletionReported'> = (doc, data, stamp) => ({
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
export const withCompletionAccepted: PageChange<'TaskCompletionAccepted'> = (doc, data, stamp) => ({
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
export const withCompletionRejected: PageChange<'TaskCompletionRejected'> = (doc, data, stamp) => ({
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
export const withSuspended: PageChange<'TaskSuspended'> = (doc, data, stamp) => ({
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
export const withResumed: PageChange<'TaskResumed'> = (doc, data, stamp) => ({
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
export const withTerminated: PageChange<'TaskTerminated'> = (doc, data, stamp) => ({
  ...doc,
  termination: { reason: data.reason, terminatedAt: stamp.at, terminatedBy: stamp.by },
});

/** The pause's working days, on the suspension it ends. */
const shiftedBy = (doc: Parameters<PageChange<'TaskResumed'>>[0], workingDays: number) =>
  updateLast(doc.suspensions, (suspension) => ({ ...suspension, workingDaysShifted: workingDays }));

/** A milestone's due date moved on at the resumption; its planned one stays on record. */
export const withMilestoneDueDateShifted: PageChange<'MilestoneDueDateShifted'> = (doc, data) =>
  changeMilestone(
    { ...doc, suspensions: shiftedBy(doc, data.workingDays) },
    data.milestoneId,
    (m) => ({
      ...m,
      dueDate: data.to,
    }),
  );

/** The task's due date moved on at the resumption. */
export const withTaskDueDateShifted: PageChange<'TaskDueDateShifted'> = (doc, data) => ({
  ...doc,
  dueDate: data.to,
  suspensions: shiftedBy(doc, data.workingDays),
});
