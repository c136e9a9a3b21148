import { updateItem } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { ExtensionDetail } from './document.ts';
import { changeMilestone } from './milestones.ts';

/** A request stays `requested`, the due date unchanged, until a leader decides. */
export const withExtensionRequested: PageChange<'DeadlineExtensionRequested'> = (
  doc,
  data,
  stamp,
) => {
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
export const withExtensionApproved: PageChange<'DeadlineExtensionApproved'> = (
  doc,
  data,
  stamp,
) => {
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
  // The new due date is a leader's decision, no longer the plan's assumption.
  return changeMilestone(decided, data.milestoneId, (milestone) => ({
    ...milestone,
    dueDate: data.newDueDate,
    ...(milestone.assumed
      ? { assumed: milestone.assumed.filter((name) => name !== 'due_date') }
      : {}),
  }));
};

/** Rejected by a leader, with the reason; the due date stays. */
export const withExtensionRejected: PageChange<'DeadlineExtensionRejected'> = (
  doc,
  data,
  stamp,
) => ({
  ...doc,
  extensions: updateItem(doc.extensions, data.requestId, (request) => ({
    ...request,
    status: 'rejected' as const,
    decidedAt: stamp.at,
    decidedBy: data.rejectedBy,
    rejectionReason: data.reason,
  })),
});
