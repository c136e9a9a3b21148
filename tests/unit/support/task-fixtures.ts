import type { Actor } from '../../../contracts/actor.ts';
import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { DecisionContext } from '../../../services/shared/decider.ts';
import { defaultContext } from './given-when-then.ts';

/** One task event type, narrowed, so a test can spread its data. */
type EventOf<T extends TaskEvent['type']> = Extract<TaskEvent, { type: T }>;

/** Past events of one task, named as the facts they are. */
export const taskId = 'task-1';

export const taskRegistered: EventOf<'TaskRegistered'> = {
  type: 'TaskRegistered',
  data: {
    taskId,
    title: 'Build 3 new schools',
    description: null,
    section: 'Education',
    plannedStart: '2021-01-01',
    dueDate: '2021-12-31',
  },
};

export const taskAssigned: EventOf<'TaskAssigned'> = {
  type: 'TaskAssigned',
  data: {
    taskId,
    leadUnitId: 'education-bureau',
    cooperatingUnitIds: ['finance-bureau'],
    // The official's id: the actor id of `leader` below, who decides its extensions.
    responsibleLeader: 'leader-1',
  },
};

export const milestonePlanned = (milestoneId = 'm1', weight = 50): EventOf<'MilestonePlanned'> => ({
  type: 'MilestonePlanned',
  data: { taskId, milestoneId, title: 'Land approved', dueDate: '2021-06-30', weight },
});

export const progressReported = (
  milestoneId: string,
  percent: number,
  previousPercent = 0,
): TaskEvent => ({
  type: 'MilestoneProgressReported',
  data: {
    taskId,
    milestoneId,
    percent,
    previousPercent,
    note: null,
    reportedByUnitId: 'education-bureau',
    evidence: [],
  },
});

export const milestoneCompleted = (milestoneId = 'm1'): TaskEvent => ({
  type: 'MilestoneCompleted',
  data: { taskId, milestoneId, note: null },
});

export const blockageReported = (blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageReported',
  data: {
    taskId,
    blockageId,
    description: 'Waiting for the land survey',
    waitingOnUnitId: 'land-bureau',
    reportedByUnitId: 'education-bureau',
  },
});

export const blockageResolved = (blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageResolved',
  data: { taskId, blockageId, resolution: 'Survey delivered' },
});

/** A registered and assigned task with one planned milestone `m1`. */
export const plannedTask: TaskEvent[] = [taskRegistered, taskAssigned, milestonePlanned()];

/** The decision context of a department head (责任单位负责人) of `unitId`. */
export const headOf = (unitId: string): DecisionContext => {
  const actor: Actor = { id: `head-of-${unitId}`, role: 'department_head', unitId };
  return { ...defaultContext, actor };
};

/** The decision context of a liaison (联络员) of `unitId`. */
export const liaisonOf = (unitId: string): DecisionContext => {
  const actor: Actor = { id: `liaison-of-${unitId}`, role: 'liaison', unitId };
  return { ...defaultContext, actor };
};

/** The decision context of any actor with `role` (no unit). */
export const actingAs = (role: Actor['role']): DecisionContext => ({
  ...defaultContext,
  actor: { id: `${role}-1`, role },
});

/** The task's responsible leader (分管领导) in these fixtures. */
export const leader = actingAs('leader');
/** A leader who is not the task's responsible leader. */
export const otherLeader: DecisionContext = {
  ...defaultContext,
  actor: { id: 'leader-2', role: 'leader' },
};
export const inspector = actingAs('inspector');
/** The system clock (actor `system`). */
export const clock = actingAs('system');
/** The department head of the lead unit of the task in these fixtures. */
export const leadHead = headOf('education-bureau');
/** The department head of the task's cooperating unit. */
export const cooperatingHead = headOf('finance-bureau');
/** The department head of a unit with no part in the task. */
export const outsiderHead = headOf('land-bureau');
/** The liaison of the lead unit of the task in these fixtures. */
export const leadLiaison = liaisonOf('education-bureau');

/** The same actor at noon (China Standard Time) of `day`. */
export const on = (day: string, context: DecisionContext = defaultContext): DecisionContext => ({
  ...context,
  now: `${day}T04:00:00.000Z`,
});

/** One file of evidence, as a report carries it. */
export const evidenceFile = { fileName: 'site-photos.zip', sha256: 'ab'.repeat(32), size: 1024 };

export const taskSigned = (unitId = 'education-bureau'): TaskEvent => ({
  type: 'TaskSigned',
  data: { taskId, unitId },
});

export const taskTransferred = (
  toUnitId = 'land-bureau',
  fromUnitId: string | null = 'education-bureau',
): TaskEvent => ({
  type: 'TaskTransferred',
  data: { taskId, fromUnitId, toUnitId, reason: 'Land is the land bureau’s work' },
});

export const taskReturned = (unitId = 'education-bureau'): TaskEvent => ({
  type: 'TaskReturned',
  data: { taskId, unitId, reason: 'Not ours: school land is planned elsewhere' },
});

export const extensionRequested = (
  requestId = 'r1',
  requestedDueDate = '2021-07-31',
  milestoneId: string | null = 'm1',
  currentDueDate = '2021-06-30',
): TaskEvent => ({
  type: 'DeadlineExtensionRequested',
  data: {
    taskId,
    requestId,
    milestoneId,
    currentDueDate,
    requestedDueDate,
    reason: 'Survey delayed by rain',
  },
});

/** 初审 of the office: forwarded to the responsible leader, or not (which closes the request). */
export const extensionReviewed = (
  requestId = 'r1',
  forwarded = true,
  milestoneId: string | null = 'm1',
): TaskEvent => ({
  type: 'DeadlineExtensionReviewed',
  data: {
    taskId,
    requestId,
    milestoneId,
    forwarded,
    comment: forwarded ? 'Rain days on record: forwarded' : 'The survey was on time',
    reviewedBy: 'office-1',
  },
});

export const extensionApproved = (
  requestId = 'r1',
  newDueDate = '2021-07-31',
  milestoneId: string | null = 'm1',
): TaskEvent => ({
  type: 'DeadlineExtensionApproved',
  data: { taskId, requestId, milestoneId, newDueDate, approvedBy: 'leader-1' },
});

export const extensionRejected = (
  requestId = 'r1',
  milestoneId: string | null = 'm1',
): TaskEvent => ({
  type: 'DeadlineExtensionRejected',
  data: { taskId, requestId, milestoneId, reason: 'Rain is no reason', rejectedBy: 'leader-1' },
});

export const completionReported: TaskEvent = {
  type: 'TaskCompletionReported',
  data: { taskId, summary: 'Three schools built', evidence: [evidenceFile] },
};

export const completionAccepted: TaskEvent = {
  type: 'TaskCompletionAccepted',
  data: { taskId, comment: null, acceptedOn: '2021-03-01' },
};

export const completionRejected: TaskEvent = {
  type: 'TaskCompletionRejected',
  data: { taskId, reason: 'One school has no playground' },
};

export const taskSuspended: TaskEvent = {
  type: 'TaskSuspended',
  data: { taskId, reason: 'Funding frozen' },
};

export const taskResumed: TaskEvent = {
  type: 'TaskResumed',
  data: { taskId, reason: 'Funding released' },
};

export const taskTerminated: TaskEvent = {
  type: 'TaskTerminated',
  data: { taskId, reason: 'Plan withdrawn' },
};

export const indicatorDefined = (indicatorId = 'i1'): TaskEvent => ({
  type: 'IndicatorDefined',
  data: {
    taskId,
    indicatorId,
    name: 'New schools opened',
    unitOfMeasure: 'schools',
    target: 3,
    comparison: 'gte',
    dueDate: '2021-12-31',
    baseline: 0,
  },
});

export const noticeIssued = (noticeId = 'n1', toUnitId = 'education-bureau'): TaskEvent => ({
  type: 'SupervisionNoticeIssued',
  data: {
    taskId,
    noticeId,
    level: 'yellow',
    toUnitId,
    subject: 'Land approval is late',
    body: 'Report the cause and a new date.',
    replyDueDate: '2021-03-05',
  },
});

export const noticeAnswered = (noticeId = 'n1'): TaskEvent => ({
  type: 'SupervisionNoticeAnswered',
  data: {
    taskId,
    noticeId,
    answer: 'Approval expected 10 March',
    evidence: [],
    answeredOn: '2021-03-01',
  },
});

export const blockageEscalated = (level: 1 | 2 = 1, blockageId = 'b1'): TaskEvent => ({
  type: 'BlockageEscalated',
  data: { taskId, blockageId, level, by: 'system' },
});

/** A task whose only milestone `m1` is completed. */
export const completedTask: TaskEvent[] = [...plannedTask, milestoneCompleted()];

/** A task closed (办结): completion reported and accepted. */
export const closedTask: TaskEvent[] = [...completedTask, completionReported, completionAccepted];
