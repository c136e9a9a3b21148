import {
  type Calendars,
  limitOf,
  workingDaysBetween,
} from '../../../domain/calendar/work-calendar.ts';
import { addDays } from '../../../domain/dates.ts';
import type { MissedDeadline, ReturnedForRework, Wait } from '../../../domain/judgement/index.ts';
import type { BoardBlockage, BoardMilestone } from '../../../projections/boards/index.ts';
import { type BoardView, perTaskOfView } from './board-view.ts';
import type { TaskFacts } from './task-facts.ts';

/** A task that failed in the period, and why: what the scores deduct for (督查考核). */
export interface FailedTaskRow {
  taskId: string;
  title: string;
  leadUnitId: string;
  cooperatingUnitIds: string[];
  reasons: string[];
  /** Its deadlines missed in the period, each with who answers for it and who was waited on. */
  missed: MissedDeadline[];
  /** Its completion reports returned for rework in the period. */
  reworks: ReturnedForRework[];
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

/** What one deadline of a task is: its words, who answers for it, its date. */
interface DeadlineOf {
  what: string;
  milestoneId: string | null;
  unitId: string;
  deadline: Deadline;
  doneOn: string | null;
}

/**
 * The units the task waited on past `limit`, for the working days each wait
 * overlapped the delay (from the day after the limit to `lateTo`): blockages
 * reported by the limit, waiting on another unit than the one answering. A
 * blockage reported after the limit shifts nothing: the delay was already there.
 */
const waitsOn = (
  blockages: readonly BoardBlockage[],
  owner: string,
  limit: string,
  lateTo: string,
  calendars: Calendars,
): Wait[] => {
  const byUnit = new Map<string, number>();
  for (const blockage of blockages) {
    const unitId = blockage.waitingOnUnitId;
    if (unitId === null || unitId === owner || blockage.reportedOn > limit) continue;
    const until = blockage.open || blockage.resolvedOn === null ? lateTo : blockage.resolvedOn;
    const days = workingDaysBetween(calendars, limit, until < lateTo ? until : lateTo);
    if (days > 0) byUnit.set(unitId, (byUnit.get(unitId) ?? 0) + days);
  }
  return [...byUnit].map(([waitedOn, workingDays]) => ({ unitId: waitedOn, workingDays }));
};

const missedOf = (
  item: DeadlineOf,
  facts: TaskFacts,
  view: BoardView,
  suspended: boolean,
): { reason: string; missed: MissedDeadline } | null => {
  const { deadline, doneOn } = item;
  const { calendars } = view.input;
  if (!passedIn(deadline, view.period)) return null;
  if (doneOn !== null && doneOn <= deadline.limit) return null;
  // A suspended task's dates do not run: an open deadline is not held against it meanwhile.
  if (doneOn === null && suspended) return null;
  const lateTo = doneOn ?? view.period.to;
  const workingDaysLate = Math.max(1, workingDaysBetween(calendars, deadline.limit, lateTo));
  const { task } = facts;
  const blockages = view.blockagesByTask.get(task.id) ?? [];
  const reason =
    doneOn === null
      ? `${item.what} overdue since ${addDays(deadline.limit, 1)}`
      : `${item.what} completed late on ${doneOn} (${dueText(deadline)})`;
  return {
    reason,
    missed: {
      taskId: task.id,
      milestoneId: item.milestoneId,
      unitId: item.unitId,
      role: item.unitId === task.leadUnitId ? 'lead' : 'cooperating',
      done: doneOn !== null,
      workingDaysLate,
      waits: waitsOn(blockages, item.unitId, deadline.limit, lateTo, calendars),
      what: `${item.what} (${dueText(deadline)})`,
    },
  };
};

/** The milestones' deadlines and the task's own, each with the unit that answers for it. */
const deadlinesOf = (facts: TaskFacts, lead: string, view: BoardView): DeadlineOf[] => {
  const { task } = facts;
  const { calendars } = view.input;
  const milestone = (m: BoardMilestone): DeadlineOf => ({
    what: `milestone "${m.title}"`,
    milestoneId: m.milestoneId,
    // A milestone given to a cooperating unit is that unit's to meet.
    unitId: m.ownerUnitId ?? lead,
    deadline: deadlineOf(m.dueDate, calendars),
    doneOn: m.completed ? m.completedOn : null,
  });
  return [
    ...facts.milestones.map(milestone),
    {
      what: 'task',
      milestoneId: null,
      unitId: lead,
      deadline: deadlineOf(task.dueDate, calendars),
      doneOn: facts.done ? (task.doneOn ?? view.period.to) : null,
    },
  ];
};

const failureOf = (facts: TaskFacts, lead: string, view: BoardView): FailedTaskRow | null => {
  const { task } = facts;
  const suspended = task.lifecycle === 'suspended';
  const found = deadlinesOf(facts, lead, view).flatMap((item) => {
    const missed = missedOf(item, facts, view, suspended);
    return missed ? [missed] : [];
  });
  const reworks = task.rejectedOn
    .filter((day) => day >= view.period.from && day <= view.period.to)
    .map((day) => ({ taskId: task.id, leadUnitId: lead, day }));
  if (found.length === 0 && reworks.length === 0) return null;
  return {
    taskId: task.id,
    title: task.title,
    leadUnitId: lead,
    cooperatingUnitIds: task.cooperatingUnitIds,
    reasons: [
      ...found.map((one) => one.reason),
      ...reworks.map((one) => `completion report returned for rework on ${one.day}`),
    ],
    missed: found.map((one) => one.missed),
    reworks,
  };
};

/**
 * A task's failure, remembered for as long as its facts are the same object
 * (new facts come with a changed document, milestones, day, ruleset or
 * calendars, and the lead unit is the document's) with the same period and
 * blockages: a board after a write judges again only what the write changed.
 */
const remembered = new WeakMap<
  TaskFacts,
  {
    period: BoardView['period'];
    blockages: readonly BoardBlockage[] | undefined;
    failure: FailedTaskRow | null;
  }
>();

const samePeriod = (a: BoardView['period'], b: BoardView['period']): boolean =>
  a.from === b.from && a.to === b.to && a.closed === b.closed;

const failureRemembered = (
  facts: TaskFacts,
  lead: string,
  view: BoardView,
): FailedTaskRow | null => {
  const blockages = view.blockagesByTask.get(facts.task.id);
  const known = remembered.get(facts);
  if (known && known.blockages === blockages && samePeriod(known.period, view.period)) {
    return known.failure;
  }
  const failure = failureOf(facts, lead, view);
  remembered.set(facts, { period: view.period, blockages, failure });
  return failure;
};

/** A supervised task's failure in the view's period (null: none, or no lead unit to score). */
export const taskFailure = (facts: TaskFacts, view: BoardView): FailedTaskRow | null => {
  const lead = facts.task.leadUnitId;
  return lead === null ? null : failureRemembered(facts, lead, view);
};

/**
 * Each supervised task's failure in the period (the year to date, or a
 * settled year), in the view's task order; null for a task that did not fail.
 * A task fails by a milestone or the task itself whose limit (the due date, or
 * the first working day after it) passed in the period without being done by
 * it (still open, or completed late), or by a completion report returned for
 * rework (退回重办) in the period. A task without a lead unit (returned, awaiting
 * the office) is the office's to place, and is not scored.
 */
export const failures = perTaskOfView(taskFailure);
