import type { Light } from '../core/format.ts';

/** How pressing a task is for its unit, most pressing first. */
export type Urgency = 'overdue' | 'due_soon' | 'red' | 'yellow' | 'normal';

const order: readonly Urgency[] = ['overdue', 'due_soon', 'red', 'yellow', 'normal'];

export interface UnitTask {
  taskId: string;
  title: string;
  light: Light | null;
  /** The states of its milestones on the stage board (盯环节), as the API spells them. */
  stages: readonly string[];
  /** The earliest due date still ahead of the unit, else the task's own. */
  nextDue: string;
}

/** Overdue milestones first, then due soon, then red, then yellow tasks. */
export const urgencyOf = (task: UnitTask): Urgency => {
  if (task.stages.includes('OVERDUE')) return 'overdue';
  if (task.stages.includes('DUE_SOON')) return 'due_soon';
  if (task.light === 'RED') return 'red';
  if (task.light === 'YELLOW') return 'yellow';
  return 'normal';
};

/** The unit's tasks by urgency, then by the nearest due date, then by title. */
export const byUrgency = <T extends UnitTask>(tasks: readonly T[]): T[] =>
  [...tasks].sort(
    (a, b) =>
      order.indexOf(urgencyOf(a)) - order.indexOf(urgencyOf(b)) ||
      a.nextDue.localeCompare(b.nextDue) ||
      a.title.localeCompare(b.title),
  );
