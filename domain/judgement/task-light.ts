import type { Ruleset } from '../../contracts/events/index.ts';
import { type Calendars, limitOf } from '../calendar/work-calendar.ts';
import { type CompletionFact, type MilestoneShare, taskProgress } from '../progress.ts';
import { plannedProgress } from './expected-progress.ts';
import { type Light, type LightVerdict, light } from './light.ts';
import { roundPoints } from './points.ts';

/** What a task's light is read from (a board's task document is one). */
export interface LitTask {
  plannedStart: string;
  dueDate: string;
  completion: CompletionFact;
  /** Each planned milestone's share of the task, and whether it is completed. */
  shares: readonly (MilestoneShare & { completed: boolean })[];
}

/** What an open milestone's deadline speaks from (a board's milestone document is one). */
export interface LitMilestone {
  title: string;
  /** Its relative weight in the task: the plan expects it by its due date. */
  weight: number;
  percent: number;
  dueDate: string;
  completed: boolean;
}

const severity: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

/** The worse of two lights. */
export const worse = (a: Light, b: Light): Light => (severity[b] > severity[a] ? b : a);

/**
 * Done: the office accepted the completion (办结), or every planned milestone is
 * completed. A done task is green whatever its dates (lateness is counted by
 * the on-time rate and the scores).
 */
export const isTaskDone = (task: LitTask): boolean =>
  task.completion === 'accepted' ||
  (task.shares.length > 0 && task.shares.every((share) => share.completed));

/**
 * An open milestone speaks to its task's light through its deadline only (due
 * within the yellow window, or overdue): how far behind the task is, is judged
 * against the task's whole plan, so the milestone is held at no gap here.
 */
const milestoneVerdict = (
  milestone: LitMilestone,
  day: string,
  ruleset: Pick<Ruleset, 'lights'>,
  calendars: Calendars,
): LightVerdict => {
  const facts = { actual: milestone.percent, expected: milestone.percent };
  const dueDate = limitOf(calendars, milestone.dueDate);
  const verdict = light({ ...facts, dueDate, day, done: milestone.completed }, ruleset);
  return {
    light: verdict.light,
    reasons: verdict.reasons.map((reason) => `milestone "${milestone.title}" ${reason}`),
  };
};

/** A task's progress against its expected progress (序时进度) on a day, and its light. */
export interface TaskLight {
  actual: number;
  expected: number;
  /** Expected − actual, in points; negative when ahead. */
  behind: number;
  done: boolean;
  light: Light;
  reasons: string[];
}

/**
 * The light of an active task on `day` (DESIGN §4): its own (actual vs expected
 * by its milestone plan, its limit), made worse by any open milestone due soon
 * or overdue. Deadlines are limits (`limitOf`: a due date on a day off runs to
 * the next working day); expected progress stays in calendar days. The reasons
 * list every finding that is not green.
 */
export const taskLight = (
  task: LitTask,
  milestones: readonly LitMilestone[],
  day: string,
  ruleset: Pick<Ruleset, 'lights'>,
  calendars: Calendars,
): TaskLight => {
  const actual = taskProgress(task.shares);
  const expected = plannedProgress(task.plannedStart, task.dueDate, day, milestones);
  const done = isTaskDone(task);
  const dueDate = limitOf(calendars, task.dueDate);
  const own = light({ actual, expected, dueDate, day, done }, ruleset);
  const parts = done ? [] : milestones.map((m) => milestoneVerdict(m, day, ruleset, calendars));
  return {
    actual,
    expected,
    behind: roundPoints(expected - actual),
    done,
    light: parts.reduce((worst, part) => worse(worst, part.light), own.light),
    reasons: [...own.reasons, ...parts.flatMap((part) => part.reasons)],
  };
};
