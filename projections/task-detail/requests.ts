import { withoutSignatures } from './assignment.ts';
import type { PageChange } from './change.ts';
import type { ProposalDetail, ReturnRequestDetail, TaskDetail } from './document.ts';

const returnRequestsOf = (doc: TaskDetail): ReturnRequestDetail[] => doc.returnRequests ?? [];
const proposalsOf = (doc: TaskDetail): ProposalDetail[] => doc.proposals ?? [];

/** The last element changed; a ruling always answers the last request. */
const withLast = <T>(items: readonly T[], change: (item: T) => T): T[] =>
  items.map((item, index) => (index === items.length - 1 ? change(item) : item));

/** 退回申请: the unit keeps the lead until the office rules. */
export const withReturnRequested: PageChange<'TaskReturnRequested'> = (doc, data, stamp) => ({
  ...doc,
  returnRequests: [
    ...returnRequestsOf(doc),
    {
      unitId: data.unitId,
      reason: data.reason,
      requestedAt: stamp.at,
      requestedBy: stamp.by,
      ruling: 'pending',
      toUnitId: null,
      rulingReason: null,
      ruledAt: null,
      ruledBy: null,
    },
  ],
});

/** Accepted: the request is closed and the lead handed on, as a return (a handover). */
export const withReturnAccepted: PageChange<'TaskReturnAccepted'> = (doc, data, stamp) => ({
  ...doc,
  leadUnitId: data.toUnitId,
  signatures: withoutSignatures(doc, data.unitId),
  handovers: [
    ...doc.handovers,
    {
      kind: 'returned',
      fromUnitId: data.unitId,
      toUnitId: data.toUnitId,
      reason: data.reason,
      at: stamp.at,
      by: stamp.by,
    },
  ],
  returnRequests: withLast(returnRequestsOf(doc), (request) => ({
    ...request,
    ruling: 'accepted',
    toUnitId: data.toUnitId,
    rulingReason: data.reason,
    ruledAt: stamp.at,
    ruledBy: stamp.by,
  })),
});

/** Refused: the unit keeps the task. */
export const withReturnRefused: PageChange<'TaskReturnRefused'> = (doc, data, stamp) => ({
  ...doc,
  returnRequests: withLast(returnRequestsOf(doc), (request) => ({
    ...request,
    ruling: 'refused',
    rulingReason: data.reason,
    ruledAt: stamp.at,
    ruledBy: stamp.by,
  })),
});

export const withProposed: PageChange<'TaskLifecycleChangeProposed'> = (doc, data, stamp) => ({
  ...doc,
  proposals: [
    ...proposalsOf(doc),
    {
      change: data.change,
      reason: data.reason,
      proposedAt: stamp.at,
      proposedBy: stamp.by,
      decision: 'pending',
      comment: null,
      decidedAt: null,
      decidedBy: null,
    },
  ],
});

/** The leader's decision; an approval's suspension or termination follows as its own event. */
export const withProposalDecided: PageChange<'TaskLifecycleChangeDecided'> = (
  doc,
  data,
  stamp,
) => ({
  ...doc,
  proposals: withLast(proposalsOf(doc), (proposal) => ({
    ...proposal,
    decision: data.approved ? 'approved' : 'rejected',
    comment: data.comment,
    decidedAt: stamp.at,
    decidedBy: data.decidedBy,
  })),
});
