/**
 * Where a task stands, as the supervision views show it. The first four are
 * the work itself; the rest are the supervision year's lifecycle: signed (签收)
 * by the lead unit, completion reported (办结报告) and awaiting review, closed
 * (办结) once accepted, suspended (paused), terminated (final).
 */
export type TaskStatus =
  | 'registered'
  | 'assigned'
  | 'signed'
  | 'in_progress'
  | 'completed'
  | 'completion_reported'
  | 'closed'
  | 'suspended'
  | 'terminated';

/** Every status, in the order a task normally passes through them. */
export const taskStatuses = [
  'registered',
  'assigned',
  'signed',
  'in_progress',
  'completed',
  'completion_reported',
  'closed',
  'suspended',
  'terminated',
] as const satisfies readonly TaskStatus[];

/** One milestone's share of its task: relative weight and percent done. */
export type MilestoneShare = { weight: number; percent: number };

/**
 * Task progress (进度) = the weight-averaged percent of its milestones, to one
 * decimal; 0 while nothing is planned. Weights are relative: 1:3 and 25:75 agree.
 */
export const taskProgress = (milestones: readonly MilestoneShare[]): number => {
  let weights = 0;
  let weighted = 0;
  for (const { weight, percent } of milestones) {
    weights += weight;
    weighted += weight * percent;
  }
  return weights === 0 ? 0 : Math.round((weighted * 10) / weights) / 10;
};

/** Where the completion report (办结报告) stands: none yet (or rejected), pending, accepted. */
export type CompletionFact = 'none' | 'reported' | 'accepted';

/** The facts a task's status is read from; lifecycle facts left out count as not happened. */
export type StatusFacts = {
  /** Has a lead unit now: a returned task has none until re-assigned. */
  assigned: boolean;
  /** Any progress was reported or any milestone completed, ever. */
  started: boolean;
  milestoneCount: number;
  completedMilestones: number;
  /** The current lead unit signed (签收) for its assignment. */
  signed?: boolean;
  suspended?: boolean;
  terminated?: boolean;
  completion?: CompletionFact;
};

/** The work's own status, before the lifecycle overrides it. */
const workStatus = (facts: StatusFacts): TaskStatus => {
  if (facts.milestoneCount > 0 && facts.completedMilestones === facts.milestoneCount) {
    return 'completed';
  }
  if (facts.started) return 'in_progress';
  if (!facts.assigned) return 'registered';
  return facts.signed ? 'signed' : 'assigned';
};

/**
 * Terminated is final and closed (办结) nearly so; a suspended task shows as
 * suspended whatever its work; a pending completion report shows until the
 * office decides on it. Otherwise: completed once it has milestones and all are
 * done (a milestone planned later reopens it); in progress from the first
 * report; before that signed, assigned or only registered.
 */
export const taskStatus = (facts: StatusFacts): TaskStatus => {
  if (facts.terminated) return 'terminated';
  if (facts.completion === 'accepted') return 'closed';
  if (facts.suspended) return 'suspended';
  if (facts.completion === 'reported') return 'completion_reported';
  return workStatus(facts);
};

/** Whether the task is followed: suspended tasks wait, terminated ones are no longer supervised. */
export type TaskLifecycle = 'active' | 'suspended' | 'terminated';
