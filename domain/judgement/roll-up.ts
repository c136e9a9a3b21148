import type { Ruleset } from '../../contracts/events/index.ts';
import type { Calendars } from '../calendar/work-calendar.ts';
import { type MilestoneShare, taskProgress } from '../progress.ts';
import type { Light } from './light.ts';
import { type LitMilestone, type LitTask, type TaskLight, taskLight, worse } from './task-light.ts';

/** Where a sub-task stands, as its parent's roll-up reads it. */
export interface SubTaskStanding {
  title: string;
  /** Its share of the parent's progress, as the split gave it. */
  weight: number;
  dueDate: string;
  /** Its own progress, rolled up from its own sub-tasks first. */
  actual: number;
  done: boolean;
  /** Null while it is suspended. */
  light: Light | null;
}

/**
 * 分解交办's roll-up of progress: each sub-task weighs in its parent's progress
 * as one more milestone of the parent, with the weight the split gave it, so a
 * parent whose own part is done and whose two sub-tasks (weights 1 and 1) stand
 * at 40% and 80%, its own milestone weighing 1, stands at (100 + 40 + 80) / 3.
 */
export const rolledUpProgress = (
  own: readonly MilestoneShare[],
  subTasks: readonly Pick<SubTaskStanding, 'weight' | 'actual'>[],
): number =>
  taskProgress([...own, ...subTasks.map(({ weight, actual }) => ({ weight, percent: actual }))]);

/**
 * The light of a task split into sub-tasks: its own light with each sub-task
 * counted as one of its milestones (progress rolled up, and a sub-task's
 * deadline speaking as a milestone's does), made worse by the worst light of a
 * sub-task — the lead unit answers for what it handed down, so a red 社区 makes
 * its street's task red, whatever the average says. A task done (办结, or every
 * part completed) is green, as any done task is.
 */
export const rolledUpLight = (
  task: LitTask,
  milestones: readonly LitMilestone[],
  subTasks: readonly SubTaskStanding[],
  day: string,
  ruleset: Ruleset,
  calendars: Calendars,
): TaskLight => {
  const shares = [
    ...task.shares,
    ...subTasks.map(({ weight, actual, done }) => ({ weight, percent: actual, completed: done })),
  ];
  const asMilestones = subTasks.map(({ title, weight, actual, dueDate, done }) => ({
    title,
    weight,
    percent: actual,
    dueDate,
    completed: done,
  }));
  const rolled = taskLight(
    { ...task, shares },
    [...milestones, ...asMilestones],
    day,
    ruleset,
    calendars,
  );
  if (rolled.done) return rolled;
  const lit = subTasks.filter((subTask) => subTask.light !== null && subTask.light !== 'green');
  return {
    ...rolled,
    light: lit.reduce((worst, subTask) => worse(worst, subTask.light ?? 'green'), rolled.light),
    reasons: [
      ...rolled.reasons,
      ...lit.map((subTask) => `sub-task "${subTask.title}" is ${subTask.light}`),
    ],
  };
};
