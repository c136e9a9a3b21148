import { type Data, recordedOn } from '../events.ts';
import type { EventEnvelope } from '../projection.ts';
import type { ExtensionEntry } from './milestones/document.ts';

/** A request as asked, pending the office's review (初审). */
export const requestedEntry = (
  data: Data<'DeadlineExtensionRequested'>,
  envelope: EventEnvelope,
): ExtensionEntry => ({
  requestId: data.requestId,
  requestedOn: recordedOn(envelope),
  currentDueDate: data.currentDueDate,
  requestedDueDate: data.requestedDueDate,
  reason: data.reason,
  status: 'pending',
  reviewedOn: null,
  reviewedBy: null,
  reviewComment: null,
  decidedOn: null,
  decidedBy: null,
  rejectionReason: null,
});

/** The office's review: forwarded to the leader, or declined (closed). */
export const reviewStep = (
  data: Data<'DeadlineExtensionReviewed'>,
  envelope: EventEnvelope,
): Partial<ExtensionEntry> => ({
  status: data.forwarded ? 'forwarded' : 'declined',
  reviewedOn: recordedOn(envelope),
  reviewedBy: data.reviewedBy,
  reviewComment: data.comment,
});

export const approvalStep = (
  data: Data<'DeadlineExtensionApproved'>,
  envelope: EventEnvelope,
): Partial<ExtensionEntry> => ({
  status: 'approved',
  decidedOn: recordedOn(envelope),
  decidedBy: data.approvedBy,
  rejectionReason: null,
});

export const rejectionStep = (
  data: Data<'DeadlineExtensionRejected'>,
  envelope: EventEnvelope,
): Partial<ExtensionEntry> => ({
  status: 'rejected',
  decidedOn: recordedOn(envelope),
  decidedBy: data.rejectedBy,
  rejectionReason: data.reason,
});

/** The entries with one step applied to the request `requestId`. */
export const withStep = (
  entries: readonly ExtensionEntry[],
  requestId: string,
  step: Partial<ExtensionEntry>,
): ExtensionEntry[] =>
  entries.map((entry) => (entry.requestId === requestId ? { ...entry, ...step } : entry));
