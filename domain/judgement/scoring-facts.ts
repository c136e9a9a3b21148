import type { BonusKind } from '../../contracts/events/task-events.ts';

/** A unit's part in a task, as a deduction names it. */
export type TaskRole = 'lead' | 'cooperating';

/** A unit whose open blockage (堵点) held a deadline up, and for how long past it. */
export interface Wait {
  unitId: string;
  /** Working days past the limit during which the blockage stayed open. */
  workingDays: number;
}

/**
 * A deadline missed in the period: a milestone's or the task's own limit (the
 * due date, or the first working day after it) passed without it being done.
 */
export interface MissedDeadline {
  taskId: string;
  /** The milestone, or null for the task's own due date. */
  milestoneId: string | null;
  /** Who answers for it: the milestone's owner (the lead unit unless given to a co-unit), or the lead. */
  unitId: string;
  role: TaskRole;
  /** Done after its limit; false: still not done at the period's end (or on the day). */
  done: boolean;
  /** Working days past the limit: to the day it was done, or to the period's last day (at least 1). */
  workingDaysLate: number;
  /**
   * Blockages reported by the limit that waited on another unit and were still
   * open past it, each unit with the working days its wait overlapped the delay.
   */
  waits: readonly Wait[];
  /** What was missed, in words: the milestone or the task, its due date and limit. */
  what: string;
}

/** A task not yet due but red: far behind its expected progress (序时进度) on the day. */
export interface RedTask {
  taskId: string;
  leadUnitId: string;
  /** Points behind expected progress. */
  behind: number;
}

/** A completion report the office returned for rework (退回重办) in the period. */
export interface ReturnedForRework {
  taskId: string;
  leadUnitId: string;
  day: string;
}

/** A task bounced between units (踢皮球). */
export interface PingPong {
  taskId: string;
  /**
   * The units that returned it (退回): each loses its points once. Moves the
   * office made (transfers) are the office's and cost no unit.
   */
  unitIds: readonly string[];
}

/** A deduction from an accountability record (问责) against a unit. */
export interface AccountabilityDeduction {
  recordId: string;
  unitId: string;
  /** Points lost, ≤ 0. */
  points: number;
  reason: string;
}

/** Bonus points (加分) a leader awarded a unit on a task in the period. */
export interface Bonus {
  bonusId: string;
  taskId: string;
  unitId: string;
  kind: BonusKind;
  /** Points added, > 0. */
  points: number;
  reason: string;
}

/** A proposer's 不满意 with the answer of a lead unit (建议, 提案) in the period. */
export interface Dissatisfaction {
  taskId: string;
  evaluationId: string;
  unitId: string;
  /** The proposer's words. */
  comment: string;
}

/** What one period's scores (督查考核) are computed from. */
export interface ScoringFacts {
  /** The period's name, e.g. `2021`: copied to each score. */
  period: string;
  /** Units to score even without deductions; units named in the facts are scored anyway. */
  unitIds: readonly string[];
  missedDeadlines: readonly MissedDeadline[];
  /** Red tasks not yet due: they weigh on the standing of the day (none in a settlement). */
  redTasks: readonly RedTask[];
  returnedForRework: readonly ReturnedForRework[];
  pingPongs: readonly PingPong[];
  accountability: readonly AccountabilityDeduction[];
  /** Bonus points in the order awarded (the cap per period applies in that order). */
  bonuses: readonly Bonus[];
  /** Time limits let lapse in the period (未按期报送, replies late); absent: none. */
  lapses?: readonly Lapse[];
  /** Proposers' 不满意 (absent: none), each costing the lead unit the ruleset's points. */
  dissatisfactions?: readonly Dissatisfaction[];
}

/**
 * A time limit a unit let lapse, as the clock recorded it: a reporting period
 * with no report (`ref`: task/period end), or a 催办 or 督办单 not answered in
 * time (`ref`: task/urge or notice id).
 */
export interface Lapse {
  taskId: string;
  unitId: string;
  kind: 'report_missed' | 'reply_overdue';
  ref: string;
}

/** Which rule took points off. */
export type DeductionRule =
  | 'deadline_missed'
  | 'deadline_late'
  | 'waited_on'
  | 'red_behind'
  | 'returned_for_rework'
  | 'ping_pong'
  | 'accountability'
  | 'report_missed'
  | 'reply_overdue'
  | 'proposer_dissatisfied';

/**
 * Which rule moved a unit's score: a deduction's, a bonus (加分) awarded, or the
 * part of a bonus above the period's cap taken back (`bonus_capped`).
 */
export type ScoreRule = DeductionRule | 'bonus' | 'bonus_capped';

/**
 * One itemised score item: what rule, how many points (≤ 0 for a deduction or
 * a bonus taken back, > 0 for a bonus), for what (`ref`: the task,
 * `taskId/milestoneId` for a milestone, the accountability record, or
 * `taskId/bonusId` for a bonus).
 */
export interface ScoreItem {
  unitId: string;
  rule: ScoreRule;
  points: number;
  ref: string;
  reason: string;
  /** For `bonus` and `bonus_capped`: the kind of bonus. */
  bonusKind?: BonusKind;
}

/** An itemised deduction: a score item of a deduction's rule. */
export type Deduction = ScoreItem & { rule: DeductionRule };

/**
 * A unit's score for a period: 100 plus its items (deductions, and bonuses up
 * to the period's cap), every item listed.
 */
export interface UnitScore {
  unitId: string;
  period: string;
  score: number;
  /** Deductions first, then bonuses in the order awarded, each followed by what the cap took back. */
  items: ScoreItem[];
  /** What the bonuses add after the cap: 0 to the ruleset's bonusCapPerPeriod. */
  bonusPoints: number;
}
