import { gql } from '../../core/api.ts';
import type { Evidence } from '../../forms/evidence.ts';
import type { Named } from '../../forms/office-options.ts';
import {
  attentionQuery,
  officeTaskQuery,
  officeTasksQuery,
  rulingDetailsQuery,
  rulingsQuery,
} from '../../operations/office.ts';
import { allOfficials, allUnits } from '../lookups.ts';
import { ownWrite } from './own-write.ts';

/** A task of the progress board with a red light. */
export interface RedTask {
  taskId: string;
  title: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  actual: number;
  expected: number;
  behind: number;
  dueDate: string;
}

/** A milestone of the stage board recorded overdue. */
export interface OverdueMilestone {
  taskId: string;
  taskTitle: string;
  leadUnitId: string | null;
  leadUnitName: string | null;
  milestoneId: string;
  title: string;
  dueDate: string;
  percent: number;
  daysOverdue: number;
}

/** A task whose completion report (办结报告) awaits the office. */
export interface PendingReport {
  id: string;
  title: string;
  leadUnit: Named | null;
  dueDate: string;
  completion: {
    summary: string | null;
    reportedAt: string | null;
    reportedBy: string | null;
    evidence: Evidence[];
    rejections: { reason: string; rejectedAt: string }[];
  } | null;
}

export interface Handover {
  kind: 'ASSIGNED' | 'TRANSFERRED' | 'RETURNED';
  fromUnit: Named | null;
  reason: string | null;
  at: string;
  by: string;
}

/** A task without a lead unit: never assigned, or returned (退回) by the unit it was given to. */
export interface Unassigned {
  id: string;
  title: string;
  dueDate: string;
  cooperatingUnits: Named[];
  responsibleLeader: string | null;
  /** The return that left it without a lead; null when it was never assigned. */
  returned: Handover | null;
}

/** A task whose lead unit asked to return it (退回申请), or one with a proposal awaiting a leader. */
export interface AwaitingRuling {
  id: string;
  title: string;
  dueDate: string;
  leadUnit: Named | null;
  responsibleLeader?: string | null;
}

/** A return asked for, with the unit's reason and the task's cooperating units (not offered it). */
export interface PendingReturn extends AwaitingRuling {
  reason: string | null;
  requestedAt: string | null;
  cooperatingUnits: Named[];
}

/**
 * An extension request still open: awaiting the office's review (PENDING) or the
 * responsible leader's decision (FORWARDED); for a milestone, or the task's own.
 */
export interface PendingExtension {
  taskId: string;
  taskTitle: string;
  leadUnitName: string | null;
  /** The milestone's title; null: the task's own due date. */
  title: string | null;
  dueDate: string;
  requestId: string;
  status: string;
  requestedOn: string;
  requestedDueDate: string;
  reason: string;
}

/** A row of the task list. */
export interface TaskRow {
  id: string;
  title: string;
  section: string | null;
  status: string;
  progress: number;
  leadUnit: Named | null;
  dueDate: string;
  nextDueDate: string | null;
  overdueMilestones: number;
  /** The annual plan's task (`ANNUAL_PLAN`) or a matter's kind. */
  kind: string;
}

/** Everything the workbench's first screen shows. */
export interface Workbench {
  today: string;
  red: RedTask[];
  overdue: OverdueMilestone[];
  reports: PendingReport[];
  unassigned: Unassigned[];
  returns: PendingReturn[];
  proposals: AwaitingRuling[];
  extensions: PendingExtension[];
  tasks: TaskRow[];
  totalTasks: number;
  units: Named[];
  officials: Named[];
}

type Edges<Node> = { edges: { node: Node }[] };

const nodes = <Node>(connection: Edges<Node>): Node[] => connection.edges.map((edge) => edge.node);

type Reported = Omit<PendingReport, 'completion'>;
type Registered = { id: string; title: string; dueDate: string };

interface RulingDetails {
  reported?: ({ id: string; completion: PendingReport['completion'] } | null)[];
  unassigned?: ({
    id: string;
    cooperatingUnits: Named[];
    responsibleLeader: string | null;
    handovers: Handover[];
  } | null)[];
  returns?: ({
    id: string;
    cooperatingUnits: Named[];
    returnRequests: { reason: string; ruling: string; requestedAt: string }[];
  } | null)[];
}

/**
 * Each pending completion report with what it says, each task without a lead
 * unit with its last return: read for all of them in one request.
 */
const rulingDetails = async (
  reported: Reported[],
  registered: Registered[],
  returning: AwaitingRuling[],
): Promise<{ reports: PendingReport[]; unassigned: Unassigned[]; returns: PendingReturn[] }> => {
  const details =
    reported.length + registered.length + returning.length === 0
      ? {}
      : await gql<RulingDetails>(rulingDetailsQuery, {
          reported: reported.map((task) => task.id),
          anyReported: reported.length > 0,
          unassigned: registered.map((task) => task.id),
          anyUnassigned: registered.length > 0,
          returns: returning.map((task) => task.id),
          anyReturns: returning.length > 0,
        });
  return {
    returns: returning.map((task, i) => {
      const found = details.returns?.[i];
      const pending = found?.returnRequests.find((request) => request.ruling === 'PENDING');
      return {
        ...task,
        reason: pending?.reason ?? null,
        requestedAt: pending?.requestedAt ?? null,
        cooperatingUnits: found?.cooperatingUnits ?? [],
      };
    }),
    reports: reported.map((task, i) => ({
      ...task,
      completion: details.reported?.[i]?.completion ?? null,
    })),
    unassigned: registered.map((task, i) => {
      const found = details.unassigned?.[i];
      const last = found?.handovers.at(-1);
      return {
        ...task,
        cooperatingUnits: found?.cooperatingUnits ?? [],
        responsibleLeader: found?.responsibleLeader ?? null,
        returned: last?.kind === 'RETURNED' ? last : null,
      };
    }),
  };
};

type BoardExtension = Pick<
  PendingExtension,
  'requestId' | 'status' | 'requestedOn' | 'requestedDueDate' | 'reason'
>;

interface RulingsData {
  reported: Edges<Reported>;
  unassigned: Edges<Registered>;
  returns: Edges<AwaitingRuling>;
  proposals: Edges<AwaitingRuling>;
  extensions: {
    nodes: {
      taskId: string;
      taskTitle: string;
      leadUnitName: string | null;
      title: string;
      dueDate: string;
      extensions: BoardExtension[];
    }[];
  };
  taskExtensions: {
    nodes: {
      taskId: string;
      title: string;
      leadUnitName: string | null;
      dueDate: string;
      extensions: BoardExtension[];
    }[];
  };
}

const isOpen = (extension: BoardExtension) =>
  extension.status === 'PENDING' || extension.status === 'FORWARDED';

/** The requests still open, the tasks' own and the milestones', one row each, oldest first. */
const pendingExtensions = (data: RulingsData): PendingExtension[] =>
  [
    ...data.taskExtensions.nodes.flatMap((row) =>
      row.extensions.filter(isOpen).map((extension) => ({
        ...extension,
        taskId: row.taskId,
        taskTitle: row.title,
        leadUnitName: row.leadUnitName,
        title: null,
        dueDate: row.dueDate,
      })),
    ),
    ...data.extensions.nodes.flatMap((row) =>
      row.extensions.filter(isOpen).map((extension) => ({
        ...extension,
        taskId: row.taskId,
        taskTitle: row.taskTitle,
        leadUnitName: row.leadUnitName,
        title: row.title,
        dueDate: row.dueDate,
      })),
    ),
  ].sort((a, b) => a.requestedOn.localeCompare(b.requestedOn));

/**
 * The first screen: red tasks and overdue milestones, what awaits a ruling
 * (the completion reports and returns read from their tasks, all at once),
 * the task list and the directory.
 */
export const loadWorkbench = async (): Promise<Workbench> => {
  const [attention, rulings, list, units, officials] = await Promise.all([
    gql<{
      red: { day: string; nodes: RedTask[] };
      overdue: { day: string; nodes: OverdueMilestone[] };
    }>(attentionQuery),
    gql<RulingsData>(rulingsQuery),
    gql<{ tasks: Edges<TaskRow> & { totalCount: number } }>(officeTasksQuery),
    allUnits(),
    allOfficials().catch(() => []),
  ]);
  const { reports, unassigned, returns } = await rulingDetails(
    nodes(rulings.reported),
    nodes(rulings.unassigned),
    nodes(rulings.returns),
  );
  return {
    today: attention.red.day,
    red: attention.red.nodes,
    overdue: attention.overdue.nodes,
    reports,
    unassigned,
    returns,
    proposals: nodes(rulings.proposals),
    extensions: pendingExtensions(rulings),
    tasks: nodes(list.tasks),
    totalTasks: list.tasks.totalCount,
    units,
    officials,
  };
};

/** The task the office works on, as its desk shows it. */
export interface DeskTask {
  id: string;
  title: string;
  description: string | null;
  section: string | null;
  status: string;
  plannedStart: string;
  dueDate: string;
  position: number;
  leadUnit: Named | null;
  cooperatingUnits: Named[];
  responsibleLeader: string | null;
  milestones: {
    id: string;
    title: string;
    dueDate: string;
    weight: number;
    progress: number;
    status: string;
    overdue: boolean;
    ownerUnit: Named | null;
  }[];
  indicators: {
    id: string;
    name: string;
    unitOfMeasure: string;
    target: number;
    comparison: string;
    dueDate: string;
    baseline: number | null;
    tolerance: number;
  }[];
  notices: {
    id: string;
    level: string;
    toUnit: Named;
    subject: string;
    replyDueDate: string;
    answered: boolean;
  }[];
  urges: {
    urgeId: string;
    unit: Named;
    message: string;
    replyBy: string | null;
    urgedOn: string;
  }[];
  accountabilityRecords: {
    id: string;
    against: { kind: string; id: string; unit: { name: string | null } | null };
    kind: string;
    reason: string;
    scoreDeduction: number;
    status: string;
    recordedAt: string;
  }[];
}

/** The desk's data: the task, today, and the directory its pickers choose from. */
export interface Desk {
  today: string;
  task: DeskTask | null;
  units: Named[];
  officials: Named[];
}

/** The task as its desk shows it, once its read model has the user's last write to it. */
export const loadDesk = async (taskId: string): Promise<Desk> => {
  await ownWrite(taskId);
  const [data, units, officials] = await Promise.all([
    gql<{ today: { day: string }; task: DeskTask | null }>(officeTaskQuery, { id: taskId }),
    allUnits(),
    allOfficials().catch(() => []),
  ]);
  return { today: data.today.day, task: data.task, units, officials };
};
