import type {
  AssignmentAssumption,
  IndicatorAssumption,
  MilestoneAssumption,
  TaskAssumption,
} from './assumptions.ts';
import type { MatterSource, ProposerRating } from './matter-sources.ts';

/** A due date moved on by a pause: from, to, and the pause's days. */
export interface DueDateShift {
  from: string;
  to: string;
  suspendedOn: string;
  resumedOn: string;
  /** Working days from the suspension to the day before the resumption. */
  workingDays: number;
}

/**
 * Events of a task's stream (`task-<id>`). Milestones and blockages (堵点) live
 * inside their task's stream. Past-tense facts; a stored shape never changes:
 * a breaking change is a new version of the type, upcast when read.
 * Dates (`YYYY-MM-DD`) are business dates; timestamps end in `At`.
 */
export type TaskEvent =
  | {
      type: 'TaskRegistered';
      data: {
        taskId: string;
        title: string;
        description: string | null;
        /** The section of the work report the task comes from. */
        section: string | null;
        plannedStart: string;
        dueDate: string;
        /** Which of its dates the plan assumed (see assumptions.ts); absent: none. */
        assumed?: TaskAssumption[];
        /** 事项来源: where a matter comes from. Absent: the annual plan's task. */
        source?: MatterSource;
        /** The task it was split from (分解交办), a sub-task of it; absent: a task of its own. */
        parentTaskId?: string;
      };
    }
  | {
      type: 'TaskAssigned';
      data: {
        taskId: string;
        leadUnitId: string;
        cooperatingUnitIds: string[];
        responsibleLeader: string | null;
        /** Which of the units and the leader the plan assumed; absent: none. */
        assumed?: AssignmentAssumption[];
        /** How often the lead unit reports progress; absent: on its milestones (no cycle). */
        reportingCycle?: ReportingCycle;
      };
    }
  | {
      type: 'MilestonePlanned';
      data: {
        taskId: string;
        milestoneId: string;
        title: string;
        dueDate: string;
        weight: number;
        /**
         * The cooperating unit the office gave this milestone to: it reports on and
         * completes it. Null or absent: the lead unit's, as every milestone was before.
         */
        ownerUnitId?: string | null;
        /** Which of its title, due date and weight the plan assumed; absent: none. */
        assumed?: MilestoneAssumption[];
      };
    }
  | {
      /** The office gives an open milestone to another owner: a cooperating unit, or back to the lead unit (null). */
      type: 'MilestoneOwnerAssigned';
      data: {
        taskId: string;
        milestoneId: string;
        ownerUnitId: string | null;
        previousOwnerUnitId: string | null;
        reason: string;
      };
    }
  | {
      type: 'MilestoneProgressReported';
      data: {
        taskId: string;
        milestoneId: string;
        percent: number;
        previousPercent: number;
        note: string | null;
        /** The unit that reported: the lead unit, or a co-owning unit on its own part. */
        reportedByUnitId: string | null;
        /** Since version 2; version-1 events are upcast with none. */
        evidence: Evidence[];
        /**
         * 代录: the office recorded the unit's report, copied from this source (who
         * reported, when, how); absent when the unit reported itself.
         */
        proxySource?: string;
      };
    }
  | {
      /** `proxySource`, `completedByUnitId`: as for a report, when the office recorded it (代录). */
      type: 'MilestoneCompleted';
      data: {
        taskId: string;
        milestoneId: string;
        note: string | null;
        proxySource?: string;
        completedByUnitId?: string | null;
      };
    }
  | {
      type: 'BlockageReported';
      data: {
        taskId: string;
        blockageId: string;
        description: string;
        waitingOnUnitId: string | null;
        reportedByUnitId: string | null;
      };
    }
  | {
      type: 'BlockageResolved';
      data: { taskId: string; blockageId: string; resolution: string };
    }
  | {
      /** 签收: a responsible unit acknowledges the task for its current assignment. */
      type: 'TaskSigned';
      data: { taskId: string; unitId: string };
    }
  | {
      /** The office moved the lead to another unit; `fromUnitId` is null after a return. */
      type: 'TaskTransferred';
      data: { taskId: string; fromUnitId: string | null; toUnitId: string; reason: string };
    }
  | {
      /**
       * The lead unit sent the task back as wrongly assigned: it has no lead unit
       * now. Recorded before a return became a request the office rules on.
       */
      type: 'TaskReturned';
      data: { taskId: string; unitId: string; reason: string };
    }
  | {
      /** 退回申请: the lead unit asks to give the task back; it keeps the lead until the office rules. */
      type: 'TaskReturnRequested';
      data: { taskId: string; unitId: string; reason: string };
    }
  | {
      /** The office accepts the return and gives the lead to `toUnitId`, which has to sign for it. */
      type: 'TaskReturnAccepted';
      data: { taskId: string; unitId: string; toUnitId: string; reason: string };
    }
  | {
      /** The office refuses the return: the unit keeps the task. */
      type: 'TaskReturnRefused';
      data: { taskId: string; unitId: string; reason: string };
    }
  | {
      /**
       * 延期申请 of the lead unit: for a milestone's due date, or for the task's own
       * (`milestoneId` null; facts recorded before task-level requests all name a milestone).
       */
      type: 'DeadlineExtensionRequested';
      data: {
        taskId: string;
        requestId: string;
        milestoneId: string | null;
        currentDueDate: string;
        requestedDueDate: string;
        reason: string;
      };
    }
  | {
      /**
       * 初审: the office forwards the request to the task's responsible leader
       * (分管领导), or does not and so closes it, the dates unchanged.
       */
      type: 'DeadlineExtensionReviewed';
      data: {
        taskId: string;
        requestId: string;
        /** As the request has it: null for the task's own due date. */
        milestoneId: string | null;
        forwarded: boolean;
        comment: string;
        /** Id of the office's actor who reviewed. */
        reviewedBy: string;
      };
    }
  | {
      /** `newDueDate` is the milestone's (or, `milestoneId` null, the task's) due date from now on. */
      type: 'DeadlineExtensionApproved';
      data: {
        taskId: string;
        requestId: string;
        milestoneId: string | null;
        newDueDate: string;
        /** Id of the leader who approved. */
        approvedBy: string;
      };
    }
  | {
      type: 'DeadlineExtensionRejected';
      data: {
        taskId: string;
        requestId: string;
        milestoneId: string | null;
        reason: string;
        /** Id of the leader who rejected. */
        rejectedBy: string;
      };
    }
  | {
      /** A completed milestone is open again, back at `percent`, its last reported progress. */
      type: 'MilestoneReopened';
      data: { taskId: string; milestoneId: string; reason: string; percent: number };
    }
  | {
      /** 办结报告: the lead unit reports the task done; the office accepts or rejects it. */
      type: 'TaskCompletionReported';
      data: { taskId: string; summary: string; evidence: Evidence[] };
    }
  | {
      /**
       * The task is closed (办结) on the business day `acceptedOn` (since version 2;
       * version-1 facts are upcast with the day they were recorded on).
       */
      type: 'TaskCompletionAccepted';
      data: { taskId: string; comment: string | null; acceptedOn: string };
    }
  | {
      /** 退回重办: the lead unit must report completion again. */
      type: 'TaskCompletionRejected';
      data: { taskId: string; reason: string };
    }
  | {
      /** `suspendedOn`: absent in facts recorded before pauses shifted dates. */
      type: 'TaskSuspended';
      data: { taskId: string; reason: string; suspendedOn?: string };
    }
  | { type: 'TaskResumed'; data: { taskId: string; reason: string } }
  | {
      /** The office proposes to suspend or terminate the task; the responsible leader decides. */
      type: 'TaskLifecycleChangeProposed';
      data: { taskId: string; change: LifecycleChange; reason: string };
    }
  | {
      /**
       * The leader's decision on the proposal, by official id. An approval is
       * followed in the same append by the `TaskSuspended` or `TaskTerminated` it allows.
       */
      type: 'TaskLifecycleChangeDecided';
      data: {
        taskId: string;
        change: LifecycleChange;
        approved: boolean;
        comment: string | null;
        decidedBy: string;
      };
    }
  | {
      /**
       * Recorded with the resumption: an open milestone's due date on or after the
       * day the task was suspended moves on by the working days it was suspended
       * (from the suspension to the day before the resumption), so resuming
       * creates no instant overdue.
       */
      type: 'MilestoneDueDateShifted';
      data: { taskId: string; milestoneId: string } & DueDateShift;
    }
  | {
      /** Recorded with the resumption: the task's own due date, moved on likewise. */
      type: 'TaskDueDateShifted';
      data: { taskId: string } & DueDateShift;
    }
  | {
      /** Final: the task takes no more commands. */
      type: 'TaskTerminated';
      data: { taskId: string; reason: string };
    }
  | {
      /** 实效: a measurable result the task must reach by `dueDate`. */
      type: 'IndicatorDefined';
      data: {
        taskId: string;
        indicatorId: string;
        name: string;
        unitOfMeasure: string;
        target: number;
        comparison: IndicatorComparison;
        dueDate: string;
        baseline: number | null;
        /**
         * How far short of the target (or past it, for ≤) a value may stay and
         * still meet it, in `unitOfMeasure`: a target the report gives as 约
         * (about). Absent: 0, the target is exact.
         */
        tolerance?: number;
        /** Values are counts (所, 个, 项): only whole numbers are reported. Absent: any number. */
        wholeNumbers?: boolean;
        /** Which of its terms the plan assumed; absent: none. */
        assumed?: IndicatorAssumption[];
      };
    }
  | {
      type: 'IndicatorValueReported';
      data: {
        taskId: string;
        indicatorId: string;
        value: number;
        /** The day the value speaks of. */
        asOf: string;
        source: IndicatorSource;
        evidence: Evidence[];
        /** The reporting unit; null when the office reports a measured value. */
        reportedByUnitId: string | null;
      };
    }
  | {
      type: 'SupervisionNoticeIssued';
      data: {
        taskId: string;
        noticeId: string;
        level: NoticeLevel;
        toUnitId: string;
        subject: string;
        body: string;
        replyDueDate: string;
        /** Whom the slip is addressed to in the unit's chain; absent: the unit (issued by the office). */
        addressee?: NoticeAddressee;
        /** The lapse the clock escalated into this slip; absent: issued by the office. */
        escalatedFrom?: EscalationSource;
      };
    }
  | {
      type: 'SupervisionNoticeAnswered';
      data: {
        taskId: string;
        noticeId: string;
        answer: string;
        evidence: Evidence[];
        /** The business day of the answer; absent in answers recorded before replies were watched. */
        answeredOn?: string;
      };
    }
  | {
      /** 催办: the office pressed a unit on the task, on the business day `urgedOn`. */
      type: 'TaskUrged';
      data: {
        taskId: string;
        urgeId: string;
        unitId: string;
        message: string;
        /** The day to reply by; null when the office set none. */
        replyBy: string | null;
        urgedOn: string;
        /** What the clock urged for (it urges as `system`); absent: the office urged. */
        cause?: UrgeCause;
      };
    }
  | {
      /** 批示 of a leader. */
      type: 'LeadershipInstructionIssued';
      data: { taskId: string; instructionId: string; text: string; addressedToUnitIds: string[] };
    }
  | {
      /** 问责 */
      type: 'AccountabilityRecorded';
      data: {
        taskId: string;
        recordId: string;
        against: AccountabilitySubject;
        kind: AccountabilityKind;
        reason: string;
        /** Points taken off the subject's score; 0 for a record without deduction. */
        scoreDeduction: number;
        /**
         * `recommended`: a 问责建议 the office passes on, which the discipline bodies
         * decide; it takes nothing off until decided. Absent: decided (facts before).
         */
        status?: AccountabilityStatus;
      };
    }
  | {
      /**
       * 加分: a leader's bonus points for a responsible unit of the task, on the
       * business day `awardedOn`; `awardedBy` is the leader. It counts in the
       * scoring period (the year) of that day, up to the ruleset's cap.
       */
      type: 'BonusAwarded';
      data: {
        taskId: string;
        bonusId: string;
        unitId: string;
        kind: BonusKind;
        /** Points added, > 0, at most the ruleset's bonusPerAwardMax on the day. */
        points: number;
        reason: string;
        awardedBy: string;
        awardedOn: string;
      };
    }
  | {
      type: 'BlockageEscalated';
      data: { taskId: string; blockageId: string; level: EscalationLevel; by: 'system' | 'leader' };
    }
  | {
      type: 'BlockageCoordinationAssigned';
      data: { taskId: string; blockageId: string; coordinatorUnitId: string; note: string | null };
    }
  | {
      type: 'BlockageReopened';
      data: { taskId: string; blockageId: string; reason: string };
    }
  | {
      /** The unit a blockage waits on says its part is done; the unit held up resolves it. */
      type: 'BlockagePartDeclaredDone';
      data: { taskId: string; blockageId: string; unitId: string; note: string };
    }
  | {
      /**
       * Recorded by the clock once per milestone and due date. `limitDate`: the
       * last day of the limit (a due date on a day off runs to the next working
       * day); absent in facts recorded before limits were counted so.
       */
      type: 'MilestoneDueSoonReminded';
      data: {
        taskId: string;
        milestoneId: string;
        dueDate: string;
        limitDate?: string;
        remindedOn: string;
      };
    }
  | {
      /** Recorded by the clock once per milestone and due date, the first working day after its limit. */
      type: 'MilestoneOverdue';
      data: {
        taskId: string;
        milestoneId: string;
        dueDate: string;
        limitDate?: string;
        recordedOn: string;
      };
    }
  | {
      /**
       * Recorded by the clock the first working day after a responsible unit's
       * signing limit (签收时限: `limitDate`, working days after `assignedOn`)
       * passed unsigned; once per unit and assignment.
       */
      type: 'TaskSigningReminded';
      data: {
        taskId: string;
        unitId: string;
        assignedOn: string;
        limitDate: string;
        remindedOn: string;
      };
    }
  | {
      /**
       * 未按期报送: the lead unit reported no progress in a closed reporting
       * period (`periodStart`–`periodEnd`) of the task's cycle. Recorded by the
       * clock the first working day after the period, once per period.
       */
      type: 'ProgressReportMissed';
      data: {
        taskId: string;
        unitId: string;
        cycle: ReportingCycle;
        periodStart: string;
        periodEnd: string;
        recordedOn: string;
      };
    }
  | {
      /** The urged unit answers a 催办, once, on the business day `answeredOn`. */
      type: 'TaskUrgeAnswered';
      data: { taskId: string; urgeId: string; unitId: string; answer: string; answeredOn: string };
    }
  | {
      /**
       * Recorded by the clock the first working day after a 催办's reply-by
       * (its limit: `limitDate`) passed with no answer by then; once per urge.
       */
      type: 'UrgeReplyOverdue';
      data: {
        taskId: string;
        urgeId: string;
        unitId: string;
        replyBy: string;
        limitDate: string;
        recordedOn: string;
      };
    }
  | {
      /**
       * Recorded by the clock the first working day after a 督办单's reply due
       * date (its limit: `limitDate`) passed with no answer by then; once per notice.
       */
      type: 'SupervisionNoticeReplyOverdue';
      data: {
        taskId: string;
        noticeId: string;
        unitId: string;
        level: NoticeLevel;
        replyDueDate: string;
        limitDate: string;
        recordedOn: string;
      };
    }
  | {
      /**
       * A liaison (联络员) drafted a progress report for the unit head to approve
       * (审核) before it reaches the office: the ruleset asks for it.
       */
      type: 'ProgressReportDrafted';
      data: {
        taskId: string;
        draftId: string;
        milestoneId: string;
        unitId: string;
        percent: number;
        note: string | null;
        evidence: Evidence[];
        /** The liaison's actor id. */
        draftedBy: string;
      };
    }
  | {
      /**
       * The unit head approved the draft; followed in the same append by the
       * `MilestoneProgressReported` it allows.
       */
      type: 'ProgressReportApproved';
      data: {
        taskId: string;
        draftId: string;
        milestoneId: string;
        /** The unit reporting, and the liaison who drafted it. */
        unitId: string;
        draftedBy: string;
        approvedBy: string;
      };
    }
  | {
      /** The unit head sent the draft back to the liaison, with the reason. */
      type: 'ProgressReportReturned';
      data: {
        taskId: string;
        draftId: string;
        milestoneId: string;
        /** The unit, and the liaison who drafted it and is to correct it. */
        unitId: string;
        draftedBy: string;
        reason: string;
        returnedBy: string;
      };
    }
  | {
      /**
       * 办理答复: the lead unit answered the matter's source (the leader, the deputy or
       * member, the citizen) on the business day `repliedOn`.
       */
      type: 'SourceReplied';
      data: {
        taskId: string;
        replyId: string;
        text: string;
        /** The reply's own 文号 (复文号); null when it has none. */
        documentNumber: string | null;
        evidence: Evidence[];
        repliedByUnitId: string;
        repliedOn: string;
      };
    }
  | {
      /**
       * The proposer's rating of a reply (满意度征询), recorded by the office on the
       * proposer's behalf with the proposer's words. `unitId`: the lead unit that
       * answered, which a 不满意 counts against.
       */
      type: 'ProposerEvaluationRecorded';
      data: {
        taskId: string;
        evaluationId: string;
        replyId: string;
        rating: ProposerRating;
        comment: string;
        unitId: string;
        recordedOn: string;
      };
    }
  | {
      /**
       * 重新办理: after a 不满意 the matter is open again, closed or not, with a new
       * due date; it is to be answered again and can be rated again.
       */
      type: 'TaskReopenedForRedo';
      data: {
        taskId: string;
        evaluationId: string;
        previousDueDate: string;
        dueDate: string;
        reopenedOn: string;
      };
    }
  | {
      /**
       * 分解交办: the lead unit (or the office) split part of the task into
       * sub-tasks, one per sub-unit of the lead unit, each a task of its own
       * stream (`subTaskId`, derived from `splitId`). `weight`: the sub-task's
       * share of this task's progress, as a milestone's weight is; `section` and
       * `responsibleLeader`: what the sub-tasks take over from this task.
       */
      type: 'TaskSplit';
      data: {
        taskId: string;
        splitId: string;
        section: string | null;
        responsibleLeader: string | null;
        subTasks: SubTaskEntry[];
      };
    }
  | {
      /**
       * Recorded by the clock on a working day it runs, when the task's light
       * (红黄绿灯) judged for the end of `day` under the ruleset in force
       * (`rulesetVersion`) differs from the light last recorded (`from`; green
       * for a task never recorded). `reasons`: the judgement's findings that are
       * not green; `actual` and `expected` (序时进度) its progress, in percent.
       * At most one per task and day.
       */
      type: 'TaskLightChanged';
      data: {
        taskId: string;
        day: string;
        from: TaskLightColour;
        to: TaskLightColour;
        reasons: string[];
        actual: number;
        expected: number;
        rulesetVersion: number;
      };
    };

/** A task's light (红黄绿灯), as the clock records it. */
export const taskLightColours = ['green', 'yellow', 'red'] as const;
export type TaskLightColour = (typeof taskLightColours)[number];

/** One sub-task a split created: its id, the sub-unit it was given to, its title, dates and weight. */
export type SubTaskEntry = {
  subTaskId: string;
  unitId: string;
  title: string;
  plannedStart: string;
  dueDate: string;
  weight: number;
};

export type TaskEventType = TaskEvent['type'];

export const taskEventTypes = [
  'TaskRegistered',
  'TaskAssigned',
  'MilestonePlanned',
  'MilestoneProgressReported',
  'MilestoneCompleted',
  'BlockageReported',
  'BlockageResolved',
  'TaskSigned',
  'TaskTransferred',
  'TaskReturned',
  'TaskReturnRequested',
  'TaskReturnAccepted',
  'TaskReturnRefused',
  'DeadlineExtensionRequested',
  'DeadlineExtensionReviewed',
  'DeadlineExtensionApproved',
  'DeadlineExtensionRejected',
  'MilestoneReopened',
  'TaskCompletionReported',
  'TaskCompletionAccepted',
  'TaskCompletionRejected',
  'TaskSuspended',
  'TaskResumed',
  'TaskLifecycleChangeProposed',
  'TaskLifecycleChangeDecided',
  'MilestoneDueDateShifted',
  'TaskDueDateShifted',
  'TaskTerminated',
  'IndicatorDefined',
  'IndicatorValueReported',
  'SupervisionNoticeIssued',
  'SupervisionNoticeAnswered',
  'TaskUrged',
  'LeadershipInstructionIssued',
  'AccountabilityRecorded',
  'BonusAwarded',
  'BlockageEscalated',
  'BlockageCoordinationAssigned',
  'BlockageReopened',
  'BlockagePartDeclaredDone',
  'MilestoneOwnerAssigned',
  'MilestoneDueSoonReminded',
  'MilestoneOverdue',
  'TaskSigningReminded',
  'ProgressReportMissed',
  'TaskUrgeAnswered',
  'UrgeReplyOverdue',
  'SupervisionNoticeReplyOverdue',
  'ProgressReportDrafted',
  'ProgressReportApproved',
  'ProgressReportReturned',
  'SourceReplied',
  'ProposerEvaluationRecorded',
  'TaskReopenedForRedo',
  'TaskSplit',
  'TaskLightChanged',
] as const satisfies readonly TaskEventType[];

/** One task event type, narrowed: `TaskEventOf<'TaskSigned'>['data']`. */
export type TaskEventOf<T extends TaskEventType> = Extract<TaskEvent, { type: T }>;

/** A file offered as evidence (佐证材料): the file itself is stored elsewhere, its hash here. */
export type Evidence = {
  fileName: string;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  sha256: string;
  /** Bytes, an integer ≥ 0. */
  size: number;
};

/** How an indicator's value is held against its target: ≥, ≤ or =. */
export const indicatorComparisons = ['gte', 'lte', 'eq'] as const;
export type IndicatorComparison = (typeof indicatorComparisons)[number];

/** Reported by the responsible unit itself, or measured by the office (e.g. a statistics bureau). */
export const indicatorSources = ['self_reported', 'measured'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

/** Slip colours of a supervision notice: blue 提示 (reminder), yellow 督办 (urging), red 专报 (reported up). */
export const noticeLevels = ['blue', 'yellow', 'red'] as const;
export type NoticeLevel = (typeof noticeLevels)[number];

/**
 * Kinds of accountability (问责), mildest first: 约谈 interview, 责令检查 ordered
 * self-examination, 通报批评 public criticism, 诫勉谈话 admonishment, 警告 warning,
 * 记过 demerit. The last three are sanctions on a person, never on a unit.
 */
export const accountabilityKinds = [
  'interview',
  'ordered_self_examination',
  'criticism',
  'admonishment',
  'warning',
  'demerit',
] as const;
export type AccountabilityKind = (typeof accountabilityKinds)[number];

/** Kinds that only an official, not a unit, can be subject to. */
export const personalAccountabilityKinds: readonly AccountabilityKind[] = [
  'admonishment',
  'warning',
  'demerit',
];

/** A decision (问责决定), or a recommendation (问责建议) for the discipline bodies to decide. */
export type AccountabilityStatus = 'decided' | 'recommended';

/** Who is held to account: a unit or an official, by directory id. */
export type AccountabilitySubject = { kind: 'unit' | 'official'; id: string };

/** What the office may propose to the responsible leader: to suspend (暂停) or to terminate (终止) the task. */
export const lifecycleChanges = ['suspend', 'terminate'] as const;
export type LifecycleChange = (typeof lifecycleChanges)[number];
/**
 * Kinds of bonus points (加分): 表扬, a commendation (a leader's 肯定性批示, or
 * praise from above); 提前完成, a task completed (办结) before its time limit.
 */
export const bonusKinds = ['commendation', 'early_completion'] as const;
export type BonusKind = (typeof bonusKinds)[number];

/** 1: to the responsible leader; 2: to the main leader. */
export type EscalationLevel = 1 | 2;

/**
 * How often the lead unit reports progress (报送周期): each ISO week (Monday to
 * Sunday), calendar month or quarter; `on_milestones`: when its milestones move,
 * with no cycle the clock watches.
 */
export const reportingCycles = ['weekly', 'monthly', 'quarterly', 'on_milestones'] as const;
export type ReportingCycle = (typeof reportingCycles)[number];

/**
 * Whom a slip is addressed to, by colour (三色督办单): blue to the unit's head,
 * yellow to the task's responsible leader (分管领导, null when none is named),
 * red to the main leader (主要领导).
 */
export type NoticeAddressee =
  | { role: 'unit_head'; unitId: string }
  | { role: 'responsible_leader'; official: string | null }
  | { role: 'main_leader' };

/**
 * The lapse a slip escalates: an unanswered notice or 催办 (a missed report or a
 * signing not done is urged first: its escalation starts at the 催办's blue slip).
 */
export type EscalationSource =
  | { kind: 'notice'; noticeId: string }
  | { kind: 'urge'; urgeId: string };

/** What the clock urged for: a unit not signed in time, a report not sent in its period. */
export type UrgeCause = 'signing' | 'missed_report';
