/** A task that failed in the period (not done, or done too late to count). */
export interface FailedTask {
  taskId: string;
  leadUnitId: string;
  cooperatingUnitIds: readonly string[];
}

/** A task bounced between units by transfers and returns (踢皮球). */
export interface PingPong {
  taskId: string;
  /** Every unit that took part; a unit named twice loses its points once. */
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

/** What one period's scores (亮赛比) are computed from. */
export interface ScoringFacts {
  /** The period's name, e.g. `2021-Q2`: copied to each score. */
  period: string;
  /** Units to score even without deductions; units named in the facts are scored anyway. */
  unitIds: readonly string[];
  failedTasks: readonly FailedTask[];
  pingPongs: readonly PingPong[];
  accountability: readonly AccountabilityDeduction[];
}

/** Which rule took points off. */
export type DeductionRule =
  | 'lead_unit_failed_task'
  | 'cooperating_unit_failed_task'
  | 'ping_pong'
  | 'accountability';

/** One itemised deduction: what rule, how many points (≤ 0), for what (`ref`: task or record id). */
export interface Deduction {
  unitId: string;
  rule: DeductionRule;
  points: number;
  ref: string;
  reason: string;
}

/** A unit's score for a period: 100 plus its deductions. */
export interface UnitScore {
  unitId: string;
  period: string;
  score: number;
  deductions: Deduction[];
}
