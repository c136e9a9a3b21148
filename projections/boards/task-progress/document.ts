import type { ProposerRating, TaskKind } from '../../../contracts/events/matter-sources.ts';
import type {
  AccountabilityKind,
  AccountabilityStatus,
  AccountabilitySubject,
  BonusKind,
} from '../../../contracts/events/task-events.ts';
import type { CompletionFact, TaskLifecycle } from '../../../domain/progress.ts';
import type { SubTaskShare } from '../../sub-tasks.ts';
import type { ExtensionEntry } from '../milestones/document.ts';

export type { TaskLifecycle } from '../../../domain/progress.ts';

/** One milestone's share of its task's progress, as the task reads it. */
export type ProgressShare = { id: string; weight: number; percent: number; completed: boolean };

/** The task's progress at the end of a day it was reported on: what trend and forecast read. */
export type ProgressReport = { day: string; actual: number };

/** A move of the lead by a transfer (移交) or a return (退回); `toUnitId` is null after a return. */
export type LeadMove = {
  day: string;
  kind: 'transferred' | 'returned';
  fromUnitId: string | null;
  toUnitId: string | null;
  reason: string;
};

/** An accountability record (问责) of the task, with the position that orders it in the log. */
export type AccountabilityEntry = {
  recordId: string;
  position: number;
  day: string;
  against: AccountabilitySubject;
  kind: AccountabilityKind;
  reason: string;
  /** Points (≥ 0, as recorded) to take off the subject's score. */
  scoreDeduction: number;
  /** A recommendation (问责建议) takes nothing off until decided. Absent: decided. */
  status?: AccountabilityStatus;
};

/** Bonus points (加分) a leader awarded a unit of the task, with the position that orders them. */
export type BonusEntry = {
  bonusId: string;
  position: number;
  /** The business day it was awarded: the period it counts in. */
  day: string;
  unitId: string;
  kind: BonusKind;
  /** Points added, > 0. */
  points: number;
  reason: string;
};

/**
 * A time limit a unit let lapse, on the day the clock recorded it: a period with
 * no report (未按期报送, `ref` its last day), a 催办 or 督办单 not answered in
 * time (`ref` its id). Each costs the unit the ruleset's points.
 */
export type LapseEntry = {
  kind: 'report_missed' | 'reply_overdue';
  ref: string;
  unitId: string;
  position: number;
  day: string;
};

/** A proposer's rating of a reply (建议, 提案), with the position that orders it. */
export type EvaluationEntry = {
  evaluationId: string;
  position: number;
  /** The business day it was recorded: the period it counts in. */
  day: string;
  /** The lead unit that answered. */
  unitId: string;
  rating: ProposerRating;
  comment: string;
};

/** An urge (催办) of the office to a unit, on the day it was sent. */
export type UrgeEntry = { urgeId: string; unitId: string; day: string };

/** The completion report (办结报告): none (or returned for rework), pending review, accepted. */
export type TaskCompletion = CompletionFact;

/**
 * One task as the boards read it (collection `board_tasks`, id = taskId): the
 * facts, never the lights, which depend on the day the board is for.
 */
export type BoardTask = {
  id: string;
  position: number;
  title: string;
  section: string | null;
  plannedStart: string;
  /** The task's own due date now: as registered, or moved on by a pause or an extension granted. */
  dueDate: string;
  leadUnitId: string | null;
  cooperatingUnitIds: string[];
  /** The name given at assignment; who held the post on a day comes from the officials. */
  responsibleLeader: string | null;
  lifecycle: TaskLifecycle;
  completion: TaskCompletion;
  shares: ProgressShare[];
  /** The day its last open milestone was completed; null while one is open or none is planned. */
  doneOn: string | null;
  /** One per day with a report, completion or reopening, in day order. */
  reports: ProgressReport[];
  moves: LeadMove[];
  /** Days a completion report was returned for rework (退回重办). */
  rejectedOn: string[];
  accountability: AccountabilityEntry[];
  /**
   * Extensions asked for the task's own due date (a milestone's are its
   * document's); absent in documents built before task-level requests.
   */
  extensions?: ExtensionEntry[];
  /** Absent on documents projected before 催办 existed, until they are rebuilt. */
  urges?: UrgeEntry[];
  /** Absent on documents projected before 加分 existed (which had none). */
  bonuses?: BonusEntry[];
  /** Absent on documents projected before time limits were watched (which had none). */
  lapses?: LapseEntry[];
  registeredOn: string;
  /** The plan's task or a matter's kind; absent on documents projected before matters: the plan's. */
  kind?: TaskKind;
  /** Proposers' ratings; absent on documents projected before matters (which had none). */
  evaluations?: EvaluationEntry[];
  /** The task it was split from (分解交办); absent: a task of its own. */
  parentTaskId?: string;
  /** The sub-tasks split from it, whose progress and lights roll up into its own; absent: none. */
  subTasks?: SubTaskShare[];
};
