import type {
  AssignmentAssumption,
  IndicatorAssumption,
  MilestoneAssumption,
  TaskAssumption,
} from '../../../contracts/events/assumptions.ts';
import type { Ruleset, UnitCategory } from '../../../contracts/events/index.ts';
import type {
  ClueChannel,
  MatterKind,
  ProposerRating,
} from '../../../contracts/events/matter-sources.ts';
import type {
  AccountabilityKind,
  AccountabilitySubject,
  BonusKind,
  EscalationLevel,
  Evidence,
  IndicatorComparison,
  NoticeLevel,
  ReportingCycle,
  SubTaskEntry,
  TaskLightColour,
} from '../../../contracts/events/task-events.ts';
import type { WorkCalendar } from '../../../domain/calendar/work-calendar.ts';

/**
 * Commands of the task aggregate: imperative requests, decided against the
 * task's state. Ids are chosen by the caller (retries reuse them); unit ids are
 * checked against `knownUnitIds`, which the service looks up in the directory so
 * that the decision stays pure.
 */
export type TaskCommand =
  | {
      type: 'RegisterTask';
      data: {
        taskId: string;
        title: string;
        description: string | null;
        section: string | null;
        plannedStart: string;
        dueDate: string;
        /** The dates the plan assumed; absent: none. */
        assumed?: TaskAssumption[];
      };
    }
  | {
      type: 'AssignTask';
      data: {
        taskId: string;
        leadUnitId: string;
        cooperatingUnitIds: string[];
        responsibleLeader: string | null;
        /** Who answers for the task, where the plan assumed it; absent: none. */
        assumed?: AssignmentAssumption[];
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
        /** How often the lead unit reports; absent: on its milestones. */
        reportingCycle?: ReportingCycle;
      };
    }
  | {
      type: 'PlanMilestone';
      data: {
        taskId: string;
        milestoneId: string;
        title: string;
        dueDate: string;
        weight: number;
        /** A cooperating unit given the milestone; null or absent: the lead unit's. */
        ownerUnitId?: string | null;
        /** What of the milestone the plan assumed; absent: none. */
        assumed?: MilestoneAssumption[];
      };
    }
  | {
      type: 'ReportProgress';
      data: {
        taskId: string;
        milestoneId: string;
        percent: number;
        note: string | null;
        /** Files named by hash; the files stay with the unit. */
        evidence?: Evidence[];
        /** 代录: the unit's source, when the office records the report. */
        proxySource?: string | null;
        /** The id a liaison's report takes when it is a draft for the unit head; absent: numbered. */
        draftId?: string;
        /** The ruleset in force today (looked up by the service); absent: the defaults. */
        ruleset?: Ruleset;
      };
    }
  | {
      type: 'CompleteMilestone';
      data: {
        taskId: string;
        milestoneId: string;
        note: string | null;
        proxySource?: string | null;
      };
    }
  | {
      type: 'ReportBlockage';
      data: {
        taskId: string;
        blockageId: string;
        description: string;
        waitingOnUnitId: string | null;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | {
      type: 'ResolveBlockage';
      data: { taskId: string; blockageId: string; resolution: string };
    }
  | { type: 'SignTask'; data: { taskId: string } }
  | {
      type: 'TransferTask';
      data: {
        taskId: string;
        toUnitId: string;
        reason: string;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | { type: 'ReturnTask'; data: { taskId: string; reason: string } }
  | {
      type: 'AcceptReturn';
      data: {
        taskId: string;
        toUnitId: string;
        reason: string;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | { type: 'RefuseReturn'; data: { taskId: string; reason: string } }
  | { type: 'ProposeSuspension'; data: { taskId: string; reason: string } }
  | { type: 'ProposeTermination'; data: { taskId: string; reason: string } }
  | { type: 'ApproveLifecycleChange'; data: { taskId: string; comment: string | null } }
  | { type: 'RejectLifecycleChange'; data: { taskId: string; reason: string } }
  | {
      /**
       * `milestoneId` null: more time for the task's own due date. `calendars`:
       * the working-day calendars in force, as the service looked them up; absent:
       * the ones shipped.
       */
      type: 'RequestDeadlineExtension';
      data: {
        taskId: string;
        requestId: string;
        milestoneId: string | null;
        requestedDueDate: string;
        reason: string;
        calendars?: readonly WorkCalendar[];
      };
    }
  | {
      /** 初审 of the office: forward to the responsible leader, or refuse (closes the request). */
      type: 'ReviewDeadlineExtension';
      data: { taskId: string; requestId: string; forward: boolean; comment: string };
    }
  | { type: 'ApproveDeadlineExtension'; data: { taskId: string; requestId: string } }
  | {
      type: 'RejectDeadlineExtension';
      data: { taskId: string; requestId: string; reason: string };
    }
  | { type: 'ReopenMilestone'; data: { taskId: string; milestoneId: string; reason: string } }
  | {
      type: 'AssignMilestoneOwner';
      data: { taskId: string; milestoneId: string; ownerUnitId: string | null; reason: string };
    }
  | {
      type: 'ReportTaskCompletion';
      data: { taskId: string; summary: string; evidence: Evidence[] };
    }
  | { type: 'AcceptTaskCompletion'; data: { taskId: string; comment: string | null } }
  | { type: 'RejectTaskCompletion'; data: { taskId: string; reason: string } }
  | { type: 'SuspendTask'; data: { taskId: string; reason: string } }
  | {
      /**
       * `calendars`: the working-day calendars in force, as the service looked
       * them up; absent: the ones shipped.
       */
      type: 'ResumeTask';
      data: { taskId: string; reason: string; calendars?: readonly WorkCalendar[] };
    }
  | { type: 'TerminateTask'; data: { taskId: string; reason: string } }
  | {
      type: 'DefineIndicator';
      data: {
        taskId: string;
        indicatorId: string;
        name: string;
        unitOfMeasure: string;
        target: number;
        comparison: IndicatorComparison;
        dueDate: string;
        baseline: number | null;
        /** How far from the target a value still meets it; absent or 0: exact. */
        tolerance?: number;
        /** Counts: only whole numbers are reported; absent: any number. */
        wholeNumbers?: boolean;
        /** Which of its terms the plan assumed; absent: none. */
        assumed?: IndicatorAssumption[];
      };
    }
  | {
      /** The source (self-reported or measured) follows from the actor's role. */
      type: 'ReportIndicatorValue';
      data: {
        taskId: string;
        indicatorId: string;
        value: number;
        asOf: string;
        evidence: Evidence[];
      };
    }
  | {
      type: 'IssueSupervisionNotice';
      data: {
        taskId: string;
        noticeId: string;
        level: NoticeLevel;
        toUnitId: string;
        subject: string;
        body: string;
        replyDueDate: string;
      };
    }
  | {
      type: 'AnswerSupervisionNotice';
      data: { taskId: string; noticeId: string; answer: string; evidence: Evidence[] };
    }
  | {
      type: 'UrgeTask';
      data: {
        taskId: string;
        urgeId: string;
        /** The unit urged; null for the lead unit. */
        unitId: string | null;
        message: string;
        replyBy: string | null;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | {
      type: 'IssueLeadershipInstruction';
      data: {
        taskId: string;
        instructionId: string;
        text: string;
        addressedToUnitIds: string[];
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | {
      type: 'RecordAccountability';
      data: {
        taskId: string;
        recordId: string;
        against: AccountabilitySubject;
        kind: AccountabilityKind;
        reason: string;
        scoreDeduction: number;
        /** Directory confirmations, read for `against.kind` 'unit' and 'official'. */
        knownUnitIds: string[];
        knownOfficialIds: string[];
      };
    }
  | {
      /**
       * 加分. Looked up by the service: `unitCategories`, the unit's category as
       * the directory has it; `calendars`, the working-day calendars in force;
       * `ruleset`, the ruleset in force today. Absent: a government department,
       * the calendars shipped, the default ruleset.
       */
      type: 'AwardBonus';
      data: {
        taskId: string;
        bonusId: string;
        unitId: string;
        kind: BonusKind;
        points: number;
        reason: string;
        unitCategories?: Readonly<Record<string, UnitCategory>>;
        calendars?: readonly WorkCalendar[];
        ruleset?: Ruleset;
      };
    }
  | {
      type: 'EscalateBlockage';
      data: { taskId: string; blockageId: string; level: EscalationLevel };
    }
  | {
      type: 'AssignBlockageCoordination';
      data: {
        taskId: string;
        blockageId: string;
        coordinatorUnitId: string;
        note: string | null;
        /** Which of the referenced unit ids the directory confirmed to exist. */
        knownUnitIds: string[];
      };
    }
  | { type: 'ReopenBlockage'; data: { taskId: string; blockageId: string; reason: string } }
  | {
      type: 'DeclareBlockagePartDone';
      data: { taskId: string; blockageId: string; note: string };
    }
  | {
      /**
       * Sent by the clock; `leadDays` comes from the ruleset in force (default 3).
       * `limitDate`: the last day of the limit by the working-day calendar (the
       * due date, or the first working day after it); the lead is then counted
       * in working days by the clock. Absent: the due date, the lead in days.
       */
      type: 'RemindMilestoneDueSoon';
      data: { taskId: string; milestoneId: string; leadDays: number; limitDate?: string };
    }
  | {
      /** Sent by the clock; `limitDate` as above. */
      type: 'RecordMilestoneOverdue';
      data: { taskId: string; milestoneId: string; limitDate?: string };
    }
  | {
      /** The urged unit answers a 催办. */
      type: 'AnswerUrge';
      data: { taskId: string; urgeId: string; answer: string };
    }
  | {
      /** Sent by the clock: `limitDate`, the signing limit it counted in working days from `assignedOn`. */
      type: 'RemindSigning';
      data: { taskId: string; unitId: string; assignedOn: string; limitDate: string };
    }
  | {
      /** Sent by the clock the working day after a signing reminder, the unit still unsigned. */
      type: 'UrgeSigning';
      data: { taskId: string; unitId: string; assignedOn: string; urgeId: string; replyBy: string };
    }
  | {
      /**
       * Sent by the clock for a closed period of the task's reporting cycle in
       * which its agenda saw no report of the lead unit; `urge`: the 催办 that
       * follows, null when the ruleset escalates nothing.
       */
      type: 'RecordProgressReportMissed';
      data: {
        taskId: string;
        cycle: ReportingCycle;
        periodStart: string;
        periodEnd: string;
        urge: { urgeId: string; replyBy: string } | null;
      };
    }
  | {
      /** Sent by the clock; `escalation`: the next colour's notice, null at the ruleset's top. */
      type: 'RecordUrgeReplyOverdue';
      data: { taskId: string; urgeId: string; limitDate: string; escalation: Escalation | null };
    }
  | {
      /** Sent by the clock; `escalation` as above. */
      type: 'RecordNoticeReplyOverdue';
      data: { taskId: string; noticeId: string; limitDate: string; escalation: Escalation | null };
    }
  | {
      /** The unit head approves (审核) a liaison's draft report: it reaches the office. */
      type: 'ApproveProgressReport';
      data: { taskId: string; draftId: string };
    }
  | {
      /** The unit head sends a liaison's draft report back, with the reason. */
      type: 'ReturnProgressReport';
      data: { taskId: string; draftId: string; reason: string };
    }
  | {
      /**
       * 事项登记: a matter from a source other than the plan. `dueDate` null: the
       * kind's limit in the ruleset, counted in working days from the day issued.
       * `calendars`, `ruleset`: as the service looked them up; absent: the ones shipped.
       */
      type: 'RegisterMatter';
      data: {
        taskId: string;
        title: string;
        description: string | null;
        section: string | null;
        source: {
          kind: MatterKind;
          documentNumber: string | null;
          issuer: string;
          issuedOn: string;
          originalText: string;
          channel?: ClueChannel | null;
        };
        dueDate?: string | null;
        assumed?: TaskAssumption[];
        calendars?: readonly WorkCalendar[];
        ruleset?: Ruleset;
      };
    }
  | {
      /** 办理答复 of the lead unit to the matter's source. */
      type: 'ReplyToSource';
      data: {
        taskId: string;
        replyId: string;
        text: string;
        documentNumber: string | null;
        evidence: Evidence[];
      };
    }
  | {
      /** The proposer's rating, recorded by the office; a 不满意 reopens the matter (重新办理). */
      type: 'RecordProposerEvaluation';
      data: {
        taskId: string;
        evaluationId: string;
        rating: ProposerRating;
        comment: string;
        calendars?: readonly WorkCalendar[];
        ruleset?: Ruleset;
      };
    }
  | {
      /**
       * 分解交办: splits part of the task into sub-tasks for sub-units of its
       * lead unit. `unitPaths`: looked up by the service, each sub-unit's path in
       * the tree (the top first, ending with itself); an unknown unit left out.
       */
      type: 'SplitTask';
      data: {
        taskId: string;
        splitId: string;
        subTasks: { unitId: string; title: string; dueDate: string; weight: number }[];
        unitPaths?: Readonly<Record<string, readonly string[]>>;
      };
    }
  | {
      /**
       * Sent by the tasks service for each sub-task of a split recorded on the
       * parent: registers the sub-task and assigns it to its sub-unit, with one
       * milestone of its own to report on. Never sent by a person.
       */
      type: 'RegisterSubTask';
      data: { taskId: string; parentTaskId: string; split: SplitFacts };
    }
  | {
      /**
       * Sent by the clock on a working day: the task's light judged for the end
       * of today (`taskLight`) under the ruleset `rulesetVersion` in force, with
       * its findings and progress. Recorded only where it differs from the last.
       */
      type: 'RecordTaskLight';
      data: {
        taskId: string;
        light: TaskLightColour;
        reasons: string[];
        actual: number;
        expected: number;
        rulesetVersion: number;
      };
    };

/** The next colour's notice (督办单) the clock issues for an unanswered matter. */
export type Escalation = {
  noticeId: string;
  level: NoticeLevel;
  replyDueDate: string;
  subject: string;
  body: string;
};

/** What a recorded split says, as the sub-task's registration reads it. */
export type SplitFacts = {
  section: string | null;
  responsibleLeader: string | null;
  subTask: SubTaskEntry;
};

export type TaskCommandType = TaskCommand['type'];

/** The data of one command type, e.g. `CommandData<'AssignTask'>`. */
export type CommandData<T extends TaskCommandType> = Extract<TaskCommand, { type: T }>['data'];
