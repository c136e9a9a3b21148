/**
 * Values a plan took as assumptions (假定): the work report it comes from does
 * not state them (which unit leads, when work starts, a milestone's date, a
 * baseline, how close "约" is). A fact lists the names of its own fields that
 * are assumed; absent: none is, or the fact was recorded before assumptions
 * were kept. The console marks each such value 「假定」.
 */

/**
 * Fields of `TaskRegistered` a plan may have assumed; `source`: a matter's whole
 * intake (事项来源) is assumed, e.g. a demo's matters no document states.
 */
export const taskAssumptions = ['planned_start', 'due_date', 'source'] as const;
export type TaskAssumption = (typeof taskAssumptions)[number];

/** Fields of `TaskAssigned` a plan may have assumed: who answers for the task. */
export const assignmentAssumptions = [
  'lead_unit',
  'cooperating_units',
  'responsible_leader',
] as const;
export type AssignmentAssumption = (typeof assignmentAssumptions)[number];

/** Fields of `MilestonePlanned` a plan may have assumed. */
export const milestoneAssumptions = ['title', 'due_date', 'weight'] as const;
export type MilestoneAssumption = (typeof milestoneAssumptions)[number];

/** Fields of `IndicatorDefined` a plan may have assumed. */
export const indicatorAssumptions = [
  'name',
  'unit_of_measure',
  'target',
  'comparison',
  'due_date',
  'baseline',
  'tolerance',
] as const;
export type IndicatorAssumption = (typeof indicatorAssumptions)[number];
