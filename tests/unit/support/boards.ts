import type {
  DomainEvent,
  Post,
  Ruleset,
  TaskEvent,
  UnitCategory,
} from '../../../contracts/events/index.ts';
import type {
  AccountabilityKind,
  IndicatorComparison,
  IndicatorSource,
} from '../../../contracts/events/task-events.ts';
import { defaultRuleset } from '../../../domain/rulesets/default-ruleset.ts';
import type { EventEnvelope } from '../../../projections/projection.ts';
import { replayDays } from '../../../services/boards/as-of/replay.ts';
import {
  boardInputOf,
  replayedProjections,
  snapshotOf,
} from '../../../services/boards/as-of/snapshot.ts';
import type { BoardInput } from '../../../services/boards/build/input.ts';

/** 10:00 China Standard Time of `day`. */
export const at = (day: string): string => new Date(`${day}T10:00:00+08:00`).toISOString();

/**
 * A log of events, each recorded on a given day, and the board input as known
 * at the end of any day: replayed through the boards' own projections, as the
 * boards service does for a past day.
 */
export const boardLog = () => {
  const envelopes: EventEnvelope[] = [];
  const log = {
    /** Records `events` on `day`, in order. */
    on(day: string, ...events: DomainEvent[]) {
      for (const event of events) {
        envelopes.push({
          event,
          position: envelopes.length + 1,
          streamId: 'any',
          revision: 0,
          recordedAt: at(day),
          actorId: 'office-1',
        });
      }
      return log;
    },
    envelopes: () => [...envelopes],
    /** The board of `day` under the rulesets published by then (the defaults before any). */
    input(day: string): BoardInput {
      const replay = replayDays([day], replayedProjections);
      for (const envelope of envelopes) replay.apply(envelope);
      const [replayed] = replay.finish();
      if (!replayed) throw new Error('a replay of one day gives one');
      return boardInputOf(day, snapshotOf(replayed));
    },
  };
  return log;
};

/** A page large enough for any test, from the start. */
export const all = { first: 200 } as const;

export const unit = (
  unitId: string,
  name = `Bureau ${unitId}`,
  category?: UnitCategory,
): DomainEvent => ({
  type: 'UnitRegistered',
  data: { unitId, name, ...(category ? { category } : {}) },
});

export const registered = (
  taskId: string,
  options: { section?: string; plannedStart?: string; dueDate?: string; title?: string } = {},
): TaskEvent => ({
  type: 'TaskRegistered',
  data: {
    taskId,
    title: options.title ?? `Task ${taskId}`,
    description: null,
    section: options.section ?? 'Education',
    plannedStart: options.plannedStart ?? '2021-01-01',
    dueDate: options.dueDate ?? '2021-12-31',
  },
});

export const assigned = (
  taskId: string,
  leadUnitId: string,
  cooperating: string[] = [],
): TaskEvent => ({
  type: 'TaskAssigned',
  data: { taskId, leadUnitId, cooperatingUnitIds: cooperating, responsibleLeader: null },
});

export const planned = (
  taskId: string,
  milestoneId: string,
  dueDate: string,
  weight = 1,
): TaskEvent => ({
  type: 'MilestonePlanned',
  data: { taskId, milestoneId, title: `Milestone ${milestoneId}`, dueDate, weight },
});

export const reported = (taskId: string, milestoneId: string, percent: number): TaskEvent => ({
  type: 'MilestoneProgressReported',
  data: {
    taskId,
    milestoneId,
    percent,
    previousPercent: 0,
    note: null,
    reportedByUnitId: null,
    evidence: [],
  },
});

export const completed = (taskId: string, milestoneId: string): TaskEvent => ({
  type: 'MilestoneCompleted',
  data: { taskId, milestoneId, note: null },
});

/** A task registered, assigned to `lead` and planned with one milestone `m1` due at its end. */
export const task = (
  taskId: string,
  lead: string,
  options: {
    section?: string;
    plannedStart?: string;
    dueDate?: string;
    cooperating?: string[];
  } = {},
): TaskEvent[] => [
  registered(taskId, options),
  assigned(taskId, lead, options.cooperating ?? []),
  planned(taskId, 'm1', options.dueDate ?? '2021-12-31'),
];

export const blocked = (
  taskId: string,
  blockageId: string,
  waitingOnUnitId: string | null,
  reportedByUnitId: string | null = null,
): TaskEvent => ({
  type: 'BlockageReported',
  data: {
    taskId,
    blockageId,
    description: `blockage ${blockageId}`,
    waitingOnUnitId,
    reportedByUnitId,
  },
});

/** The office urged (催办) `unitId` on the task. */
export const urged = (
  taskId: string,
  urgeId: string,
  unitId: string,
  urgedOn: string,
): TaskEvent => ({
  type: 'TaskUrged',
  data: { taskId, urgeId, unitId, message: '请加快办理', replyBy: null, urgedOn },
});

export const resolved = (taskId: string, blockageId: string): TaskEvent => ({
  type: 'BlockageResolved',
  data: { taskId, blockageId, resolution: 'done' },
});

export const escalated = (taskId: string, blockageId: string, level: 1 | 2): TaskEvent => ({
  type: 'BlockageEscalated',
  data: { taskId, blockageId, level, by: 'system' },
});

export const transferred = (
  taskId: string,
  fromUnitId: string | null,
  toUnitId: string,
): TaskEvent => ({
  type: 'TaskTransferred',
  data: { taskId, fromUnitId, toUnitId, reason: 'not ours' },
});

export const returned = (taskId: string, unitId: string): TaskEvent => ({
  type: 'TaskReturned',
  data: { taskId, unitId, reason: 'wrongly assigned' },
});

/** A request for more time: for a milestone, or (`milestoneId` null) for the task's own due date. */
export const extensionAsked = (
  taskId: string,
  milestoneId: string | null,
  requestId: string,
  currentDueDate: string,
  requestedDueDate: string,
): TaskEvent => ({
  type: 'DeadlineExtensionRequested',
  data: { taskId, requestId, milestoneId, currentDueDate, requestedDueDate, reason: 'rain' },
});

/** 初审 of the office: forwarded to the responsible leader, or declined. */
export const extensionReviewed = (
  taskId: string,
  milestoneId: string | null,
  requestId: string,
  forwarded = true,
): TaskEvent => ({
  type: 'DeadlineExtensionReviewed',
  data: { taskId, requestId, milestoneId, forwarded, comment: 'reviewed', reviewedBy: 'office-1' },
});

export const extensionGranted = (
  taskId: string,
  milestoneId: string | null,
  requestId: string,
  newDueDate: string,
): TaskEvent => ({
  type: 'DeadlineExtensionApproved',
  data: { taskId, requestId, milestoneId, newDueDate, approvedBy: 'leader-1' },
});

export const extensionRefused = (
  taskId: string,
  milestoneId: string | null,
  requestId: string,
): TaskEvent => ({
  type: 'DeadlineExtensionRejected',
  data: { taskId, requestId, milestoneId, reason: 'no', rejectedBy: 'leader-1' },
});

export const indicator = (
  taskId: string,
  indicatorId: string,
  target: number,
  comparison: IndicatorComparison,
  options: { baseline?: number; dueDate?: string; tolerance?: number } = {},
): TaskEvent => ({
  type: 'IndicatorDefined',
  data: {
    taskId,
    indicatorId,
    name: `Indicator ${indicatorId}`,
    unitOfMeasure: '%',
    target,
    comparison,
    dueDate: options.dueDate ?? '2021-12-31',
    baseline: options.baseline ?? null,
    ...(options.tolerance === undefined ? {} : { tolerance: options.tolerance }),
  },
});

export const valued = (
  taskId: string,
  indicatorId: string,
  value: number,
  asOf: string,
  source: IndicatorSource = 'self_reported',
): TaskEvent => ({
  type: 'IndicatorValueReported',
  data: { taskId, indicatorId, value, asOf, source, evidence: [], reportedByUnitId: null },
});

export const accountable = (
  taskId: string,
  recordId: string,
  against: { kind: 'unit' | 'official'; id: string },
  scoreDeduction: number,
  kind: AccountabilityKind = 'criticism',
): TaskEvent => ({
  type: 'AccountabilityRecorded',
  data: { taskId, recordId, against, kind, reason: `record ${recordId}`, scoreDeduction },
});

export const official = (officialId: string, name = `Official ${officialId}`): DomainEvent => ({
  type: 'OfficialRegistered',
  data: { officialId, name, title: 'Deputy director' },
});

export const postAssigned = (
  officialId: string,
  unitId: string,
  post: Post,
  from: string,
): DomainEvent => ({
  type: 'PostAssigned',
  data: { officialId, unitId, post, from },
});

export const postVacated = (
  officialId: string,
  unitId: string,
  post: Post,
  on: string,
): DomainEvent => ({
  type: 'PostVacated',
  data: { officialId, unitId, post, on },
});

export const rulesetPublished = (changes: Partial<Ruleset>): DomainEvent => ({
  type: 'RulesetPublished',
  data: { ...defaultRuleset, version: 1, note: null, ...changes },
});
