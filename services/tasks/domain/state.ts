import { answeredKinds, kindOf, type TaskKind } from '../../../contracts/events/matter-sources.ts';
import type {
  EscalationLevel,
  Evidence,
  LifecycleChange,
  NoticeLevel,
  ReportingCycle,
  TaskEventOf,
  TaskLightColour,
} from '../../../contracts/events/task-events.ts';
import type { CompletionFact } from '../../../domain/progress.ts';

/** What the rules need to know of one milestone (环节). */
export type MilestoneState = {
  /** The cooperating unit whose part it is; null: the lead unit's. */
  ownerUnitId: string | null;
  /** The current due date: the planned one, or the last extension approved. */
  dueDate: string;
  percent: number;
  /** The last percent reported, which a reopened milestone goes back to. */
  reportedPercent: number;
  completed: boolean;
  /** One extension request may be open per milestone at a time. */
  openRequestId: string | null;
  /** Due dates the clock has already recorded a reminder or an overdue for. */
  remindedFor: ReadonlySet<string>;
  overdueFor: ReadonlySet<string>;
};

/** What the rules need to know of one blockage (堵点). */
export type BlockageState = {
  open: boolean;
  /** 0 until escalated; only ever goes up, even across a reopening. */
  level: 0 | EscalationLevel;
  reportedByUnitId: string | null;
  waitingOnUnitId: string | null;
};

/**
 * A deadline extension request (延期): for a milestone, or for the task's own due
 * date (`milestoneId` null). Open until the office refuses it at its review
 * (初审) or a leader decides it; a leader decides only once the office forwarded it.
 */
export type ExtensionState = {
  milestoneId: string | null;
  requestedDueDate: string;
  open: boolean;
  /** The office reviewed it (初审); one review per request. */
  reviewed: boolean;
  /** The office passed it on to the responsible leader. */
  forwarded: boolean;
};

/** The office's open proposal to suspend or terminate the task, for the responsible leader. */
export type ProposalState = { change: LifecycleChange; reason: string };

/**
 * A supervision notice, answered once by the unit it is addressed to. `level`,
 * `replyDueDate`, `answeredOn` and `overdue` are read by the clock's rules.
 */
export type NoticeState = {
  toUnitId: string;
  answered: boolean;
  level?: NoticeLevel;
  replyDueDate?: string;
  /** The business day of the answer; null: unanswered, or answered before the day was kept. */
  answeredOn?: string | null;
  /** The clock recorded its reply overdue. */
  overdue?: boolean;
};

/** A 催办: answered once by the unit urged; watched by the clock when it has a reply-by. */
export type UrgeState = {
  unitId: string;
  replyBy: string | null;
  answeredOn: string | null;
  overdue: boolean;
};

/** A liaison's (联络员) draft report, waiting for the unit head's approval (审核) while open. */
export type DraftState = {
  milestoneId: string;
  unitId: string;
  percent: number;
  note: string | null;
  evidence: readonly Evidence[];
  /** The liaison's actor id. */
  draftedBy: string;
  open: boolean;
};

/** The completion report (办结报告): the same three states the views read a status from. */
export type CompletionState = CompletionFact;

/** A task after its `TaskRegistered`: everything the rules of later commands read. */
export type RegisteredTask = {
  registered: true;
  taskId: string;
  plannedStart: string;
  /** The task's own due date now: as registered, or moved on by a pause or an extension. */
  dueDate: string;
  /** Assigned at least once: a returned task has no lead unit, yet it was assigned. */
  assigned: boolean;
  leadUnitId: string | null;
  cooperatingUnitIds: readonly string[];
  /** The official who answers for the task (分管领导); null when none is named. */
  responsibleLeader: string | null;
  /** The lead unit that asked to give the task back, until the office rules; else null. */
  returnRequestedBy: string | null;
  /** Units that signed (签收) for the current assignment. */
  signedUnitIds: ReadonlySet<string>;
  suspended: boolean;
  /** The day it was last suspended; null while running, or when the fact did not say. */
  suspendedOn: string | null;
  terminated: boolean;
  /** One proposal to suspend or terminate may wait on the leader at a time. */
  proposal: ProposalState | null;
  completion: CompletionState;
  /** The business day its completion was accepted (办结); null while not accepted. */
  acceptedOn: string | null;
  milestones: ReadonlyMap<string, MilestoneState>;
  blockages: ReadonlyMap<string, BlockageState>;
  extensions: ReadonlyMap<string, ExtensionState>;
  /** The open request for the task's own due date; one at a time. */
  openTaskRequestId: string | null;
  indicatorIds: ReadonlySet<string>;
  /** The indicators that count whole things (所, 个), each with its unit of measure. */
  countingIndicators: ReadonlyMap<string, string>;
  notices: ReadonlyMap<string, NoticeState>;
  instructionIds: ReadonlySet<string>;
  accountabilityRecordIds: ReadonlySet<string>;
  bonusIds: ReadonlySet<string>;
  /** Units awarded bonus points (加分) for completing it early: once each. */
  earlyCompletionUnitIds: ReadonlySet<string>;
  /** How often the lead unit reports (报送周期), as last assigned. */
  reportingCycle: ReportingCycle;
  /** `unitId|assignedOn` of each signing reminder (签收提醒) the clock recorded. */
  signingReminders: ReadonlySet<string>;
  /** `unitId|periodEnd` of each missed report (未按期报送) the clock recorded. */
  missedReports: ReadonlySet<string>;
  urges: ReadonlyMap<string, UrgeState>;
  drafts: ReadonlyMap<string, DraftState>;
  /** The plan's task, or the kind of the matter's source (事项来源). */
  kind: TaskKind;
  /** A matter whose source expects an answer that has none since it was registered or reopened. */
  awaitingReply: boolean;
  replyIds: ReadonlySet<string>;
  /** The last reply (办理答复), the unit that gave it, and whether its proposer rated it. */
  lastReplyId: string | null;
  lastReplyUnitId: string | null;
  lastReplyRated: boolean;
  evaluationIds: ReadonlySet<string>;
  /** The section of the work report it comes from: its sub-tasks come from it too. */
  section: string | null;
  /** The task it was split from (分解交办); null: a task of its own. */
  parentTaskId: string | null;
  /** The splits recorded (分解交办), by id: a split is recorded once. */
  splitIds: ReadonlySet<string>;
  /** The light (红黄绿灯) the clock last recorded; green before it recorded any. */
  light: TaskLightColour;
};

/**
 * The decision state of a task stream. Not a read model: it holds only what
 * `decide` checks. Maps and sets, not plain objects, so an id like `constructor`
 * is not mistaken for an inherited property.
 */
export type TaskState = { registered: false } | RegisteredTask;

export const initialState = (): TaskState => ({ registered: false });

/** The state right after `TaskRegistered`. */
export const registeredTask = (data: TaskEventOf<'TaskRegistered'>['data']): RegisteredTask => ({
  registered: true,
  taskId: data.taskId,
  plannedStart: data.plannedStart,
  dueDate: data.dueDate,
  assigned: false,
  leadUnitId: null,
  cooperatingUnitIds: [],
  responsibleLeader: null,
  returnRequestedBy: null,
  signedUnitIds: new Set(),
  suspended: false,
  suspendedOn: null,
  terminated: false,
  proposal: null,
  completion: 'none',
  acceptedOn: null,
  milestones: new Map(),
  blockages: new Map(),
  extensions: new Map(),
  openTaskRequestId: null,
  indicatorIds: new Set(),
  countingIndicators: new Map(),
  notices: new Map(),
  instructionIds: new Set(),
  accountabilityRecordIds: new Set(),
  bonusIds: new Set(),
  earlyCompletionUnitIds: new Set(),
  reportingCycle: 'on_milestones',
  signingReminders: new Set(),
  missedReports: new Set(),
  urges: new Map(),
  drafts: new Map(),
  ...matterState(data),
  section: data.section,
  parentTaskId: data.parentTaskId ?? null,
  splitIds: new Set(),
  light: 'green',
});

/** What a registration says of the matter's source: none for the plan's task. */
const matterState = (data: TaskEventOf<'TaskRegistered'>['data']) => {
  const kind = kindOf(data.source);
  return {
    kind,
    awaitingReply: kind !== 'annual_plan' && answeredKinds.includes(kind),
    replyIds: new Set<string>(),
    lastReplyId: null,
    lastReplyUnitId: null,
    lastReplyRated: false,
    evaluationIds: new Set<string>(),
  };
};
