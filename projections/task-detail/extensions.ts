import { updateItem } from '../lists.ts';
import type { PageChange } from './change.ts';
import type { ExtensionDetail, ExtensionStatus } from './document.ts';
import { changeMilestone } from './milestones.ts';

/** The three stages of a request: 申请 (asked), 初审 (the office's review), 决定 (the leader's). */
export type ExtensionStage = 'requested' | 'reviewed' | 'decided';

/** The last stage a request of `status` went through. */
export const extensionStage = (status: ExtensionStatus): ExtensionStage => {
  switch (status) {
    case 'requested':
      return 'requested';
    case 'forwarded':
    case 'declined':
      return 'reviewed';
    case 'approved':
    case 'rejected':
      return 'decided';
    default: {
      const _exhaustive: never = status;
      return 'requested';
    }
  }
};

/** A request stays `requested`, the due date unchanged, until the office reviews it. */
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
    reviewedAt: null,
    reviewedBy: null,
    reviewComment: null,
    decidedAt: null,
    decidedBy: null,
    newDueDate: null,
    rejectionReason: null,
  };
  return { ...doc, extensions: [...doc.extensions, request] };
};

/** 初审: forwarded to the leader, or declined by the office, which closes it. */
export const withExtensionReviewed: PageChange<'DeadlineExtensionReviewed'> = (
  doc,
  data,
  stamp,
) => ({
  ...doc,
  extensions: updateItem(doc.extensions, data.requestId, (request) => ({
    ...request,
    status: data.forwarded ? ('forwarded' as const) : ('declined' as const),
    reviewedAt: stamp.at,
    reviewedBy: data.reviewedBy,
    reviewComment: data.comment,
  })),
});

/**
 * The approval moves the milestone's due date, or the task's own; the planned
 * one and the request's date before stay on record.
 */
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
  if (data.milestoneId === null) {
    const assumed = decided.assumed?.filter((name) => name !== 'due_date');
    return { ...decided, dueDate: data.newDueDate, ...(assumed ? { assumed } : {}) };
  }
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
