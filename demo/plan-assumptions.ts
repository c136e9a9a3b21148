import type {
  AssignmentAssumption,
  IndicatorAssumption,
  MilestoneAssumption,
  TaskAssumption,
} from '../contracts/events/assumptions.ts';
import type { PlanIndicator, PlanMilestone, PlanTask } from './plan-schema.ts';

/*
 * A plan names the fields it assumed by its own keys (`lead`, `dueDate`); the
 * commands name them as the facts they record do (`lead_unit`, `due_date`).
 */

const taskDates: Partial<Record<PlanTask['assumed'][number], TaskAssumption>> = {
  plannedStart: 'planned_start',
  dueDate: 'due_date',
};

const assignment: Partial<Record<PlanTask['assumed'][number], AssignmentAssumption>> = {
  lead: 'lead_unit',
  cooperating: 'cooperating_units',
  leader: 'responsible_leader',
};

const milestoneTerms: Record<PlanMilestone['assumed'][number], MilestoneAssumption> = {
  title: 'title',
  dueDate: 'due_date',
  weight: 'weight',
};

const indicatorTerms: Record<PlanIndicator['assumed'][number], IndicatorAssumption> = {
  name: 'name',
  unitOfMeasure: 'unit_of_measure',
  target: 'target',
  comparison: 'comparison',
  dueDate: 'due_date',
  baseline: 'baseline',
  tolerance: 'tolerance',
};

const mapped = <K extends string, V>(names: readonly K[], to: Partial<Record<K, V>>): V[] =>
  names.flatMap((name) => {
    const value = to[name];
    return value === undefined ? [] : [value];
  });

/** The task's assumed dates, as `registerTask` takes them. */
export const assumedDates = (task: PlanTask): TaskAssumption[] => mapped(task.assumed, taskDates);

/** Who answers for the task, where assumed, as `assignTask` takes it. */
export const assumedAssignment = (task: PlanTask): AssignmentAssumption[] =>
  mapped(task.assumed, assignment);

export const assumedMilestoneTerms = (milestone: PlanMilestone): MilestoneAssumption[] =>
  mapped(milestone.assumed, milestoneTerms);

export const assumedIndicatorTerms = (indicator: PlanIndicator): IndicatorAssumption[] =>
  mapped(indicator.assumed, indicatorTerms);
