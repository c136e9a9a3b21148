import { gql } from '../../core/api.ts';
import type { Light } from '../../core/format.ts';
import { writtenUpTo } from '../../core/written.ts';
import type { Evidence } from '../../forms/evidence.ts';
import {
  earlierHistoryQuery,
  taskBoardsQuery,
  taskPositionQuery,
  taskQuery,
} from '../../operations/tasks.ts';

export interface UnitRef {
  id: string;
  name: string | null;
}

/** A sub-task split from the task (分解交办), as its page lists it. */
export interface SubTaskRow {
  taskId: string;
  title: string;
  unit: UnitRef;
  weight: number;
  dueDate: string;
  progress: number;
  status: string | null;
}

export interface TaskPage {
  /** Progress with its sub-tasks rolled up (each weighs as a milestone of its split weight). */
  rolledUpProgress: number;
  parentTask: { id: string; title: string } | null;
  subTasks: SubTaskRow[];
  id: string;
  title: string;
  description: string | null;
  section: string | null;
  status: string;
  progress: number;
  plannedStart: string;
  dueDate: string;
  leadUnit: UnitRef | null;
  cooperatingUnits: UnitRef[];
  responsibleLeader: string | null;
  /** The values shown that the plan assumed (the API's enum values, e.g. `LEAD_UNIT`). */
  assumed: string[];
  milestones: {
    id: string;
    title: string;
    dueDate: string;
    originalDueDate: string;
    weight: number;
    /** What of it the plan assumed: `TITLE`, `DUE_DATE`, `WEIGHT`. */
    assumed: string[];
    progress: number;
    status: string;
    overdue: boolean;
    lastNote: string | null;
    /** The files offered with the last progress report. */
    lastEvidence: Evidence[];
    /** The cooperating unit whose part it is; null: the lead unit's. */
    ownerUnit: UnitRef | null;
  }[];
  /** Every extension request (延期), the task's own (milestoneId null) and its milestones'. */
  extensions: ExtensionRequest[];
  blockages: {
    id: string;
    description: string;
    status: string;
    waitingOnUnit: UnitRef | null;
    reportedByUnit: UnitRef | null;
    escalationLevel: number;
    resolution: string | null;
    /** The unit waited on said its part is done; the unit held up has yet to resolve it. */
    partDone: { unit: UnitRef; note: string } | null;
  }[];
  indicators: {
    id: string;
    name: string;
    unitOfMeasure: string;
    target: number;
    comparison: string;
    dueDate: string;
    baseline: number | null;
    /** How far from a target of 约 (about) a value still meets it; 0: exact. */
    tolerance: number;
    /** Which of its terms the plan assumed, e.g. `BASELINE`. */
    assumed: string[];
    latestSelfReported: { value: number; asOf: string } | null;
    latestMeasured: { value: number; asOf: string } | null;
  }[];
  notices: {
    id: string;
    level: string;
    toUnit: UnitRef;
    subject: string;
    body: string;
    replyDueDate: string;
    answered: boolean;
    answer: string | null;
    addressee: { role: string; unitId: string | null; official: string | null } | null;
    escalatedFrom: { kind: string; noticeId: string | null; urgeId: string | null } | null;
    escalatedTo: string | null;
    overdueOn: string | null;
  }[];
  urges: {
    urgeId: string;
    unit: UnitRef;
    message: string;
    replyBy: string | null;
    urgedOn: string;
    by: string;
    /** What the clock urged for; null: the office urged. */
    cause: string | null;
    answer: string | null;
    answeredOn: string | null;
    overdueOn: string | null;
    escalatedTo: string | null;
  }[];
  /** 报送周期: WEEKLY, MONTHLY, QUARTERLY or ON_MILESTONES. */
  reportingCycle: string;
  missedReports: {
    unit: UnitRef;
    cycle: string;
    periodStart: string;
    periodEnd: string;
    recordedOn: string;
  }[];
  /** Liaisons' draft reports (联络员拟报), waiting for or decided by the unit head. */
  drafts: TaskDraft[];
  instructions: { id: string; text: string; issuedAt: string; issuedBy: string }[];
  /** Changes of its light (红黄绿灯) the clock recorded, oldest first; colours as the API spells them. */
  lightChanges: {
    day: string;
    from: string;
    to: string;
    reasons: string[];
    actual: number;
    expected: number;
  }[];
  /** 加分 leaders awarded its units, oldest first. */
  bonuses: {
    id: string;
    unit: UnitRef;
    kind: string;
    points: number;
    reason: string;
    awardedOn: string;
    awardedBy: string;
  }[];
  /** The annual plan's task (`ANNUAL_PLAN`) or a matter's kind, as the API spells it. */
  kind: string;
  /** 事项来源: the matter's intake; null for the plan's task. */
  source: {
    kind: string;
    documentNumber: string | null;
    issuer: string;
    issuedOn: string;
    originalText: string;
    channel: string | null;
  } | null;
  /** 办理答复, oldest first. */
  replies: {
    id: string;
    text: string;
    documentNumber: string | null;
    unit: UnitRef;
    repliedOn: string;
  }[];
  /** The proposer's ratings, oldest first. */
  evaluations: {
    id: string;
    replyId: string;
    rating: string;
    comment: string;
    recordedOn: string;
  }[];
  /** Each 重新办理 after a 不满意. */
  redos: { previousDueDate: string; dueDate: string; reopenedOn: string }[];
  signatures: { unit: UnitRef; current: boolean }[];
  suspended: boolean;
  /** Each pause, with the working days its resumption moved the open due dates on. */
  suspensions: {
    reason: string;
    suspendedAt: string;
    resumeReason: string | null;
    resumedAt: string | null;
    workingDaysShifted: number | null;
  }[];
  /** Returns (退回) the lead unit asked for, with the office's ruling. */
  returnRequests: {
    unit: UnitRef;
    reason: string;
    requestedAt: string;
    ruling: 'PENDING' | 'ACCEPTED' | 'REFUSED';
    toUnit: UnitRef | null;
    rulingReason: string | null;
    ruledAt: string | null;
  }[];
  /** The office's proposals to suspend or terminate, with the leader's decision. */
  proposals: {
    change: 'SUSPEND' | 'TERMINATE';
    reason: string;
    proposedAt: string;
    decision: 'PENDING' | 'APPROVED' | 'REJECTED';
    comment: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
  }[];
  history: HistoryPage;
}

/** An extension request through its stages: 申请 (asked), 初审 (the office), 决定 (the leader). */
export interface ExtensionRequest {
  id: string;
  /** Null: the task's own due date. */
  milestoneId: string | null;
  status: string;
  stage: string;
  currentDueDate: string;
  requestedDueDate: string;
  reason: string;
  requestedAt: string;
  requestedBy: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  newDueDate: string | null;
  rejectionReason: string | null;
}

/** One event of a task's history, as the page shows it. */
export interface HistoryEntry {
  position: number;
  type: string;
  recordedAt: string;
  actor: { id: string; role: string; name: string | null; unitId: string | null };
  /** 代录: the unit's source, when the office recorded the unit's report. */
  proxySource: string | null;
  coveredBySignedHead: boolean;
}

/** A page of a task's history (oldest first), and the cursor before it when there is more. */
export interface HistoryPage {
  events: HistoryEntry[];
  earlier: string | null;
}

type HistoryConnection = {
  edges: { node: HistoryEntry }[];
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
};

const historyPageOf = (connection: HistoryConnection): HistoryPage => ({
  events: connection.edges.map((edge) => edge.node),
  earlier: connection.pageInfo.hasPreviousPage ? connection.pageInfo.startCursor : null,
});

export interface TaskBoards {
  /** The boards' day (China Standard Time). */
  day: string;
  /** Each milestone's stage, and the last day of its limit. */
  stages: { milestoneId: string; state: string; limitDate: string }[];
  light: Light | null;
  /** The last day of the task's own limit; null when the boards do not show the task. */
  limitDate: string | null;
  chains: { blockageId: string; chain: string[]; inCycle: boolean }[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long a page waits for its read model to reach the user's own last write. */
const catchUpTries = 20;
const catchUpPauseMs = 150;

/** Waits (a few seconds at most) until the task's read model reflects the user's last write to it. */
const awaitOwnWrite = async (id: string): Promise<void> => {
  const target = writtenUpTo(id);
  for (let tries = 1; target > 0 && tries <= catchUpTries; tries++) {
    const { task } = await gql<{ task: { position: number } | null }>(taskPositionQuery, { id });
    if (!task || task.position >= target) return;
    await pause(catchUpPauseMs);
  }
};

/**
 * The task page, or null when there is no such task. The read model follows the
 * log a moment later: after the user's own action the page first waits for it to
 * reach that write (asking only for the task's position), so what the user just
 * did is shown, not only listed in the history.
 */
export const loadTask = async (id: string): Promise<TaskPage | null> => {
  await awaitOwnWrite(id);
  const { task } = await gql<{
    task: (Omit<TaskPage, 'history'> & { history: HistoryConnection }) | null;
  }>(taskQuery, { id, before: null });
  return task && { ...task, history: historyPageOf(task.history) };
};

/** The page of the task's history just before the cursor `before`. */
export const loadEarlierHistory = async (id: string, before: string): Promise<HistoryPage> => {
  const { task } = await gql<{ task: { history: HistoryConnection } | null }>(earlierHistoryQuery, {
    id,
    before,
  });
  return task ? historyPageOf(task.history) : { events: [], earlier: null };
};

/** What the boards say of the task: its milestones' stages, its light, its blockages' chains. */
export const loadTaskBoards = async (task: TaskPage): Promise<TaskBoards> => {
  const data = await gql<{
    stageBoard: { day: string; nodes: TaskBoards['stages'] };
    progressBoard: { nodes: { taskId: string; light: Light | null; limitDate: string }[] };
    blockageBoard: { nodes: (TaskBoards['chains'][number] & { taskId: string })[] };
  }>(taskBoardsQuery, { id: task.id, unitId: task.leadUnit?.id ?? null });
  const row = data.progressBoard.nodes.find((node) => node.taskId === task.id);
  return {
    day: data.stageBoard.day,
    stages: data.stageBoard.nodes,
    light: row?.light ?? null,
    limitDate: row?.limitDate ?? null,
    chains: data.blockageBoard.nodes.filter((node) => node.taskId === task.id),
  };
};

/** A liaison's (联络员) draft report and the unit head's decision (审核). */
export interface TaskDraft {
  draftId: string;
  milestoneId: string;
  unit: UnitRef;
  percent: number;
  note: string | null;
  draftedBy: string;
  draftedAt: string;
  status: 'PENDING' | 'APPROVED' | 'RETURNED';
  decidedBy: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  /** The liaison's name as their token carried it; null when it carried none. */
  draftedByName: string | null;
}
