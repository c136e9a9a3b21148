import { type Calendars, limitOf } from '../../../domain/calendar/work-calendar.ts';
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

/** A deadline: the due date, and the last day of its limit (`limitOf`). */
type Deadline = { dueDate: string; limit: string };

const deadlineOf = (dueDate: string, calendars: Calendars): Deadline => ({
  dueDate,
  limit: limitOf(calendars, dueDate),
});

/**
 * A limit that ended in the period and has passed by its last day; once the
 * period is closed (settled), every limit up to its last day.
 */
const passedIn = ({ limit }: Deadline, period: Period): boolean =>
  limit >= period.from && (period.closed ? limit <= period.to : limit < period.to);

const dueText = ({ dueDate, limit }: Deadline): string =>
  limit === dueDate ? `due ${dueDate}` : `due ${dueDate}, a day off: limit ${limit}`;

const deadlineMissed = (
  what: string,
  deadline: Deadline,
  doneOn: string | null,
  suspended: boolean,
): string[] => {
  if (doneOn !== null) {
    return doneOn > deadline.limit
      ? [`${what} completed late on ${doneOn} (${dueText(deadline)})`]
      : [];
  }
  // A suspended task's dates do not run: an open deadline is not held against it meanwhile.
  return suspended ? [] : [`${what} overdue since ${addDays(deadline.limit, 1)}`];
};

const milestoneFailures = (m: BoardMilestone, suspended: boolean, view: BoardView): string[] => {
  const deadline = deadlineOf(m.dueDate, view.input.calendars);
  return passedIn(deadline, view.period)
    ? deadlineMissed(
        `milestone "${m.title}"`,
        deadline,
        m.completed ? m.completedOn : null,
        suspended,
      )
    : [];
};

const taskFailures = (facts: TaskFacts, view: BoardView): string[] => {
  const { task } = facts;
  const { period } = view;
  const suspended = task.lifecycle === 'suspended';
  const doneOn = facts.done ? (task.doneOn ?? period.to) : null;
  const deadline = deadlineOf(task.dueDate, view.input.calendars);
  return [
    ...facts.milestones.flatMap((m) => milestoneFailures(m, suspended, view)),
    ...(passedIn(deadline, period) ? deadlineMissed('task', deadline, doneOn, suspended) : []),
    ...task.rejectedOn
      .filter((day) => day >= period.from && day <= period.to)
      .map((day) => `completion report returned for rework on ${day}`),
  ];
};

/**
 * The tasks that failed in the period (the year to date), counted once each: a
 * milestone or the task itself whose limit (the due date, or the first working
 * day after it) passed in the period without
 * being done by it (still open, or completed late: done too late to count), or
 * a completion report returned for rework (退回重办) in the period. A task
 * without a lead unit (returned, awaiting the office) is the office's to place,
 * and is not scored.
 */
export const failedTasks = (view: BoardView): FailedTaskRow[] =>
  view.tasks.flatMap((facts) => {
    const { task } = facts;
    if (task.leadUnitId === null) return [];
    const reasons = taskFailures(facts, view);
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
