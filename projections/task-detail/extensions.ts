import type { Data } from '../events.ts';
import { updateItem } from '../lists.ts';
import type { ExtensionDetail, TaskDetail } from './document.ts';
import { changeMilestone } from './milestones.ts';
import type { Stamp } from './stamp.ts';

/** A request stays `requested`, the due date unchanged, until a leader decides. */
export const withExtensionRequested = (
  doc: TaskDetail,
  data: Data<'DeadlineExtensionRequested'>,
  stamp: Stamp,
): TaskDetail => {
  const request: ExtensionDetail = {
    id: data.requestId,
    milestoneId: data.milestoneId,
    currentDueDate: data.currentDueDate,
    requestedDueDate: data.requestedDueDate,
    reason: data.reason,
    status: 'requested',
    requestedAt: stamp.at,
    requestedBy: stamp.by,
    decidedAt: null,
    decidedBy: null,
    newDueDate: null,
    rejectionReason: null,
  };
  return { ...doc, extensions: [...doc.extensions, request] };
};

/** The approval moves the milestone's due date; its original one stays on record. */
export const withExtensionApproved = (
  doc: TaskDetail,
  data: Data<'DeadlineExtensionApproved'>,
  stamp: Stamp,
): TaskDetail => {
  const decided = {
    ...doc,
    extensions: updateItem(doc.extensions, data.requestId, (request) => ({
      ...request,
      status: 'approved' as const,
      decidedAt: stamp.at,
      decidedBy: data.approvedBy,
      newDueDate: data.newDueDate,
    })),
  };
  return changeMilestone(decided, data.milestoneId, (milestone) => ({
    ...milestone,
    dueDate: data.newDueDate,
  }));
};

/** Rejected by a leader, with the reason; the due date stays. */
export const withExtensionRejected = (
  doc: TaskDetail,
  data: Data<'DeadlineExtensionRejected'>,
  stamp: Stamp,
): TaskDetail => ({
  ...doc,
  extensions: updateItem(doc.extensions, data.requestId, (request) => ({
    ...request,
    status: 'rejected' as const,
    decidedAt: stamp.at,
    decidedBy: data.rejectedBy,
    rejectionReason: data.reason,
  })),
});
