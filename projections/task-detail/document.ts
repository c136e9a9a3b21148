import type {
  AssignmentAssumption,
  MilestoneAssumption,
  TaskAssumption,
} from '../../contracts/events/assumptions.ts';
import type {
  MatterSource,
  ProposerRating,
  TaskKind,
} from '../../contracts/events/matter-sources.ts';
import type {
  AccountabilityKind,
  AccountabilityStatus,
  AccountabilitySubject,
  BonusKind,
  EscalationSource,
  Evidence,
  IndicatorSource,
  LifecycleChange,
  NoticeAddressee,
  NoticeLevel,
  ReportingCycle,
  SubTaskEntry,
  TaskEventOf,
  UrgeCause,
} from '../../contracts/events/task-events.ts';
import type { TaskStatus } from '../../domain/progress.ts';
import type { IndicatorTerms } from '../indicator-terms.ts';

/*
 * Every record below names who recorded it (`…By`: the actor id of the event)
 * and when (`…At`: the time the event was recorded); business dates are plain
 * `YYYY-MM-DD` days.
 */

/** The clock's due-soon reminder (提醒) for one due date of a milestone. */
export type ReminderRecord = { dueDate: string; remindedOn: string; recordedAt: string };

/** The clock's record that a milestone passed one of its due dates undone. */
export type OverdueRecord = { dueDate: string; recordedOn: string; recordedAt: string };

/** A completed milestone opened again, back at `percent`. */
export type MilestoneReopening = {
  reason: string;
  percent: number;
  reopenedAt: string;
  reopenedBy: string;
};

/** One milestone (环节) as the task page shows it. */
export type MilestoneDetail = {
  id: string;
  title: string;
  /** The current due date: the planned one, or the last extension approved. */
  dueDate: string;
  /** The due date as first planned. */
  originalDueDate: string;
  weight: number;
  /**
   * The cooperating unit whose part it is (it reports on and completes it);
   * null: the lead unit's. Absent on pages projected before owners existed.
   */
  ownerUnitId?: string | null;
  /** Percent done; 100 once completed. */
  progress: number;
  status: 'open' | 'completed';
  completedAt: string | null;
  lastReportedAt: string | null;
  lastReportedByUnitId: string | null;
  /** 代录: the source the office named for the last report; absent or null when the unit reported. */
  lastProxySource?: string | null;
  lastNote: string | null;
  /**
   * The files offered with the last progress report (佐证材料); absent on pages
   * projected before they were kept (read as none).
   */
  lastEvidence?: Evidence[];
  /** Open and recorded overdue by the clock for its current due date. */
  overdue: boolean;
  /**
   * Which of its title, current due date and weight are the plan's assumptions
   * (假定); a due date a leader extended is not. Absent on pages projected before
   * assumptions were kept: none.
   */
  assumed?: MilestoneAssumption[];
  reminders: ReminderRecord[];
  overdueRecords: OverdueRecord[];
  reopenings: MilestoneReopening[];
};

/** One escalation of a blockage: by the clock (unresolved too long) or by a leader. */
export type BlockageEscalation = {
  level: 1 | 2;
  escalatedByRole: 'system' | 'leader';
  escalatedAt: string;
  escalatedBy: string;
};

/** A resolved blockage opened again; the resolution it had is kept here. */
export type BlockageReopening = {
  reason: string;
  previousResolution: string | null;
  reopenedAt: string;
  reopenedBy: string;
};

/** One blockage (堵点) as the task page shows it. */
export type BlockageDetail = {
  id: string;
  description: string;
  waitingOnUnitId: string | null;
  status: 'open' | 'resolved';
  reportedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  reportedByUnitId: string | null;
  reportedBy: string;
  /** 0 until escalated: 1 to the responsible leader, 2 to the main leader. */
  escalationLevel: 0 | 1 | 2;
  escalations: BlockageEscalation[];
  coordinatorUnitId: string | null;
  coordinationNote: string | null;
  coordinationAssignedAt: string | null;
  reopenings: BlockageReopening[];
  /**
   * The unit waited on declared its part done (the unit held up then resolves
   * it); the latest declaration. Absent on pages projected before declarations.
   */
  partDone?: BlockagePartDone | null;
};

/** The unit a blockage waits on said its part is done. */
export type BlockagePartDone = {
  unitId: string;
  note: string;
  declaredAt: string;
  declaredBy: string;
};

/** A unit's signature (签收); `current` while the assignment it signed for holds. */
export type SignatureDetail = {
  unitId: string;
  signedAt: string;
  signedBy: string;
  current: boolean;
};

/**
 * A change of the lead unit: assigned by the office, transferred to another unit
 * (with the reason), or returned by the lead unit as wrongly assigned.
 */
export type HandoverDetail = {
  kind: 'assigned' | 'transferred' | 'returned';
  fromUnitId: string | null;
  toUnitId: string | null;
  reason: string | null;
  at: string;
  by: string;
};

/**
 * Where an extension request stands: `requested` (申请, awaiting the office's
 * review), `forwarded` or `declined` by the office (初审; declined closes it),
 * `approved` or `rejected` by the leader (决定).
 */
export type ExtensionStatus = 'requested' | 'forwarded' | 'declined' | 'approved' | 'rejected';

/** A deadline extension request (延期), the office's review and the leader's decision. */
export type ExtensionDetail = {
  id: string;
  /** The milestone it asks more time for; null: the task's own due date. */
  milestoneId: string | null;
  /** The due date when it was asked: the one it would move. */
  currentDueDate: string;
  requestedDueDate: string;
  reason: string;
  status: ExtensionStatus;
  requestedAt: string;
  requestedBy: string;
  /** The office's review (初审); absent on pages projected before reviews (read as none). */
  reviewedAt?: string | null;
  reviewedBy?: string | null;
  reviewComment?: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** The due date from the approval on. */
  newDueDate: string | null;
  rejectionReason: string | null;
};

/** One value reported for an indicator. */
export type IndicatorValueDetail = {
  value: number;
  /** The day the value speaks of. */
  asOf: string;
  source: IndicatorSource;
  evidence: Evidence[];
  reportedByUnitId: string | null;
  reportedAt: string;
  reportedBy: string;
};

/**
 * A measurable result (实效). `latest` is the value of the latest as-of day (of
 * two for the same day, the one reported last), from either source; the other
 * two are the latest of each source, so self-reported and measured compare.
 */
export type IndicatorDetail = IndicatorTerms & {
  id: string;
  definedAt: string;
  valueCount: number;
  latest: IndicatorValueDetail | null;
  latestSelfReported: IndicatorValueDetail | null;
  latestMeasured: IndicatorValueDetail | null;
};

/** A supervision notice (督办单: blue, yellow or red slip) and its answer. */
export type NoticeDetail = {
  id: string;
  level: NoticeLevel;
  toUnitId: string;
  subject: string;
  body: string;
  replyDueDate: string;
  issuedAt: string;
  issuedBy: string;
  answered: boolean;
  answer: string | null;
  answerEvidence: Evidence[];
  answeredAt: string | null;
  answeredBy: string | null;
  /** Whom the slip is addressed to in the unit's chain; null or absent: issued by the office to the unit. */
  addressee?: NoticeAddressee | null;
  /** The lapse the clock escalated into this slip; null or absent: issued by the office. */
  escalatedFrom?: EscalationSource | null;
  /** The slip the clock issued next for this one not answered in time; null: none. */
  escalatedTo?: string | null;
  /** The day the clock recorded its reply overdue; null: not overdue. */
  overdueOn?: string | null;
};

/** An urge (催办) of the office to a unit of the task, sent on the business day `urgedOn`. */
export type UrgeDetail = {
  urgeId: string;
  unitId: string;
  message: string;
  replyBy: string | null;
  urgedOn: string;
  by: string;
  /** What the clock urged for; null or absent: the office urged. */
  cause?: UrgeCause | null;
  answer?: string | null;
  answeredOn?: string | null;
  /** The day the clock recorded its reply overdue; null: not overdue. */
  overdueOn?: string | null;
  /** The slip the clock issued for it not answered in time; null: none. */
  escalatedTo?: string | null;
};

/** 未按期报送: a period of the reporting cycle the lead unit let pass without a report. */
export type MissedReportDetail = {
  unitId: string;
  cycle: ReportingCycle;
  periodStart: string;
  periodEnd: string;
  recordedOn: string;
};

/** A signing reminder (签收提醒) the clock recorded for a unit not signed in time. */
export type SigningReminderDetail = {
  unitId: string;
  assignedOn: string;
  limitDate: string;
  remindedOn: string;
};

/** A liaison's (联络员) draft report and the unit head's decision (审核). */
export type DraftDetail = {
  draftId: string;
  milestoneId: string;
  unitId: string;
  percent: number;
  note: string | null;
  evidence: Evidence[];
  draftedBy: string;
  draftedAt: string;
  status: 'pending' | 'approved' | 'returned';
  decidedBy: string | null;
  decidedAt: string | null;
  /** Why it was sent back; null unless returned. */
  returnReason: string | null;
  /** The liaison's name as their token carried it; absent or null when it carried none. */
  draftedByName?: string | null;
};

/** A leadership instruction (批示); `issuedBy` is the leader. */
export type InstructionDetail = {
  id: string;
  text: string;
  addressedToUnitIds: string[];
  issuedAt: string;
  issuedBy: string;
};

/** An accountability record (问责). */
export type AccountabilityDetail = {
  id: string;
  against: AccountabilitySubject;
  kind: AccountabilityKind;
  reason: string;
  scoreDeduction: number;
  /** A recommendation (问责建议) the discipline bodies decide; absent in rows built before: decided. */
  status?: AccountabilityStatus;
  recordedAt: string;
  recordedBy: string;
};

/** Bonus points (加分) a leader awarded a unit of the task; `awardedBy` is the leader. */
export type BonusDetail = {
  id: string;
  unitId: string;
  kind: BonusKind;
  points: number;
  reason: string;
  awardedOn: string;
  awardedAt: string;
  awardedBy: string;
};

/** 办理答复: the lead unit's answer to the matter's source. */
export type SourceReplyDetail = {
  id: string;
  text: string;
  documentNumber: string | null;
  evidence: Evidence[];
  unitId: string;
  repliedOn: string;
  repliedAt: string;
  repliedBy: string;
};

/** The proposer's rating of a reply, recorded by the office. */
export type EvaluationDetail = {
  id: string;
  replyId: string;
  rating: ProposerRating;
  comment: string;
  unitId: string;
  recordedOn: string;
  recordedAt: string;
  recordedBy: string;
};

/** 重新办理 after a 不满意: the due date before and after. */
export type RedoDetail = {
  evaluationId: string;
  previousDueDate: string;
  dueDate: string;
  reopenedOn: string;
  reopenedAt: string;
};

/** A completion report the office returned for rework (退回重办). */
export type CompletionRejection = {
  summary: string | null;
  reason: string;
  rejectedAt: string;
  rejectedBy: string;
};

/**
 * The completion report (办结报告): none yet, reported (awaiting the office),
 * accepted (closed, 办结) or rejected (to be reported again). Summary and
 * evidence are the last report's.
 */
export type CompletionDetail = {
  state: 'none' | 'reported' | 'accepted' | 'rejected';
  summary: string | null;
  evidence: Evidence[];
  reportedAt: string | null;
  reportedBy: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  comment: string | null;
  rejections: CompletionRejection[];
};

/** One suspension; `resumedAt` stays null while it lasts. */
export type SuspensionDetail = {
  reason: string;
  suspendedAt: string;
  suspendedBy: string;
  resumeReason: string | null;
  resumedAt: string | null;
  resumedBy: string | null;
  /** The working days its open due dates moved on at the resumption; absent when none did. */
  workingDaysShifted?: number;
};

/** A return (退回) the lead unit asked for, and the office's ruling once given. */
export type ReturnRequestDetail = {
  unitId: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  ruling: 'pending' | 'accepted' | 'refused';
  /** The unit the office gave the lead to, when it accepted. */
  toUnitId: string | null;
  rulingReason: string | null;
  ruledAt: string | null;
  ruledBy: string | null;
};

/** The office's proposal to suspend or terminate, and the responsible leader's decision. */
export type ProposalDetail = {
  change: LifecycleChange;
  reason: string;
  proposedAt: string;
  proposedBy: string;
  decision: 'pending' | 'approved' | 'rejected';
  comment: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
};

/** The end of a task before its work was done. */
export type TerminationDetail = { reason: string; terminatedAt: string; terminatedBy: string };

/**
 * The task page (collection `tasks`, id = taskId): everything a task's page
 * shows, in one document. A type alias, not an interface, so it is a
 * `Record<string, unknown>` for the read-model store.
 */
export type TaskDetail = {
  id: string;
  position: number;
  /** Stream revision of the last event applied. */
  revision: number;
  title: string;
  description: string | null;
  section: string | null;
  plannedStart: string;
  dueDate: string;
  status: TaskStatus;
  progress: number;
  /** The current lead unit: after a transfer the new one, after a return none. */
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  responsibleLeader: string | null;
  /**
   * Which of its dates, units and leader as shown are the plan's assumptions
   * (假定: the work report does not state them); a lead unit the office moved
   * since is not. Absent on pages projected before assumptions were kept: none.
   */
  assumed?: (TaskAssumption | AssignmentAssumption)[];
  milestones: MilestoneDetail[];
  blockages: BlockageDetail[];
  openBlockages: number;
  overdueMilestones: number;
  registeredAt: string;
  updatedAt: string;
  /** When the last open milestone was completed; null while any is open. */
  completedAt: string | null;
  /** The last progress report on any milestone. */
  lastReportedAt: string | null;
  signatures: SignatureDetail[];
  handovers: HandoverDetail[];
  extensions: ExtensionDetail[];
  indicators: IndicatorDetail[];
  notices: NoticeDetail[];
  /** Absent on pages projected before 催办 existed, until they are rebuilt. */
  urges?: UrgeDetail[];
  instructions: InstructionDetail[];
  accountabilityRecords: AccountabilityDetail[];
  /** Absent on pages projected before 加分 existed (which had none). */
  bonuses?: BonusDetail[];
  completion: CompletionDetail;
  suspended: boolean;
  suspensions: SuspensionDetail[];
  termination: TerminationDetail | null;
  /** Absent on pages projected before returns were requests, until they are rebuilt. */
  returnRequests?: ReturnRequestDetail[];
  /** Absent on pages projected before proposals existed, until they are rebuilt. */
  proposals?: ProposalDetail[];
  /** How often the lead unit reports (报送周期); absent: on its milestones. */
  reportingCycle?: ReportingCycle;
  /** Absent on pages projected before time limits were watched (which had none). */
  missedReports?: MissedReportDetail[];
  signingReminders?: SigningReminderDetail[];
  drafts?: DraftDetail[];
  /** The plan's task or a matter's kind; absent on pages projected before matters: the plan's. */
  kind?: TaskKind;
  /** 事项来源: the matter's intake; null or absent for the plan's task. */
  source?: MatterSource | null;
  /** Absent on pages projected before matters (which had none). */
  replies?: SourceReplyDetail[];
  evaluations?: EvaluationDetail[];
  redos?: RedoDetail[];
  /** The task it was split from (分解交办); absent: a task of its own. */
  parentTaskId?: string;
  /** The sub-tasks split from it (分解交办), oldest split first; absent: none. */
  subTasks?: SubTaskDetail[];
  /** Its light's changes (红黄绿灯) the clock recorded, oldest first; absent: none yet. */
  lightChanges?: LightChangeDetail[];
};

/** A change of the task's light, recorded by the clock for the end of `day`. */
export type LightChangeDetail = Omit<TaskEventOf<'TaskLightChanged'>['data'], 'taskId'> & {
  recordedAt: string;
};

/** A sub-task split from the task: who split it, when, and what the split said. */
export type SubTaskDetail = SubTaskEntry & { splitId: string; splitAt: string; splitBy: string };
