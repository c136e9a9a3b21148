/**
 * Where an extension request stands: `pending` the office's review (初审),
 * `forwarded` by the office to the leader, `declined` by the office (closed),
 * `approved` or `rejected` by the leader.
 */
export type ExtensionStatus = 'pending' | 'forwarded' | 'declined' | 'approved' | 'rejected';

/** A deadline extension asked for a milestone, the office's review and what a leader decided. */
export type ExtensionEntry = {
  requestId: string;
  requestedOn: string;
  currentDueDate: string;
  requestedDueDate: string;
  reason: string;
  status: ExtensionStatus;
  /** The day of the office's review; null before it, absent in entries built before reviews. */
  reviewedOn?: string | null;
  /** Id of the office's actor who reviewed. */
  reviewedBy?: string | null;
  reviewComment?: string | null;
  decidedOn: string | null;
  /** Id of the leader who decided. */
  decidedBy: string | null;
  rejectionReason: string | null;
};

/**
 * One milestone (环节) as the boards read it (collection `board_milestones`,
 * id = `taskId/milestoneId`): due dates, completion, extensions, what the
 * clock recorded. Its state on a day (due soon, overdue…) is the builder's.
 */
export type BoardMilestone = {
  id: string;
  position: number;
  taskId: string;
  milestoneId: string;
  title: string;
  weight: number;
  /**
   * The cooperating unit the office gave it to; null: the lead unit's. Absent in
   * documents built before owners were kept (read as the lead unit's until a rebuild).
   */
  ownerUnitId?: string | null;
  plannedDueDate: string;
  /** The due date now: the planned one, or the last extension approved. */
  dueDate: string;
  percent: number;
  completed: boolean;
  /** The day of the last completion; null while open (a reopening clears it). */
  completedOn: string | null;
  lastReportedOn: string | null;
  reopenedCount: number;
  extensions: ExtensionEntry[];
  /** Days the clock recorded a reminder / overdue for the current due date. */
  remindedOn: string | null;
  overdueRecordedOn: string | null;
};
