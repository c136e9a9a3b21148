import { addDays } from '../../../domain/dates.ts';
import type { BoardMilestone } from '../../../projections/boards/index.ts';
import type { BoardView } from './board-view.ts';
import type { TaskFacts } from './task-facts.ts';

/** A task that failed in the period, and why: what the scores deduct for (亮赛比). */
export interface FailedTaskRow {
  taskId: string;
  title: string;
  leadUnitId: string;
  cooperatingUnitIds: string[];
  reasons: string[];
}

type Period = BoardView['period'];

/** A due date that fell in the period and has passed by its last day. */
const passedIn = (dueDate: string, period: Period): boolean =>
  dueDate >= period.from && dueDate < period.to;

const deadlineMissed = (
  what: string,
  dueDate: string,
  doneOn: string | null,
  suspended: boolean,
): string[] => {
  if (doneOn !== null) {
    return doneOn > dueDate ? [`${what} completed late on ${doneOn} (due ${dueDate})`] : [];
  }
  // A suspended task's dates do not run: an open deadline is not held against it meanwhile.
  return suspended ? [] : [`${what} overdue since ${addDays(dueDate, 1)}`];
};

const milestoneFailures = (m: BoardMilestone, suspended: boolean, period: Period): string[] =>
  passedIn(m.dueDate, period)
    ? deadlineMissed(
        `milestone "${m.title}"`,
        m.dueDate,
        m.completed ? m.completedOn : null,
        suspended,
      )
    : [];

const taskFailures = (facts: TaskFacts, period: Period): string[] => {
  const { task } = facts;
  const suspended = task.lifecycle === 'suspended';
  const doneOn = facts.done ? (task.doneOn ?? period.to) : null;
  return [
    ...facts.milestones.flatMap((m) => milestoneFailures(m, suspended, period)),
    ...(passedIn(task.dueDate, period)
      ? deadlineMissed('task', task.dueDate, doneOn, suspended)
      : []),
    ...task.rejectedOn
      .filter((day) => day >= period.from && day <= period.to)
      .map((day) => `completion report returned for rework on ${day}`),
  ];
};

/**
 * The tasks that failed in the period (the year to date), counted once each: a
 * milestone or the task itself whose due date passed in the period without
 * being done by it (still open, or completed late: done too late to count), or
 * a completion report returned for rework (退回重办) in the period. A task
 * without a lead unit (returned, awaiting the office) is the office's to place,
 * and is not scored.
 */
export const failedTasks = (view: BoardView): FailedTaskRow[] =>
  view.tasks.flatMap((facts) => {
    const { task } = facts;
    if (task.leadUnitId === null) return [];
    const reasons = taskFailures(facts, view.period);
    if (reasons.length === 0) return [];
    return [
      {
        taskId: task.id,
        title: task.title,
        leadUnitId: task.leadUnitId,
        cooperatingUnitIds: task.cooperatingUnitIds,
        reasons,
      },
    ];
  });
