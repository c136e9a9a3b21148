/** How far along a task is, as the supervision views show it. */
export type TaskStatus = 'registered' | 'assigned' | 'in_progress' | 'completed';

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

/** The facts a task's status is read from. */
export type StatusFacts = {
  assigned: boolean;
  /** Any progress was reported or any milestone completed, ever. */
  started: boolean;
  milestoneCount: number;
  completedMilestones: number;
};

/**
 * Completed once it has milestones and all are done (a milestone planned later
 * reopens it); in progress from the first report; before that, assigned or not.
 */
export const taskStatus = (facts: StatusFacts): TaskStatus => {
  if (facts.milestoneCount > 0 && facts.completedMilestones === facts.milestoneCount) {
    return 'completed';
  }
  if (facts.started) return 'in_progress';
  return facts.assigned ? 'assigned' : 'registered';
};
