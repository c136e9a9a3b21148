import type { Ruleset } from '../../../contracts/events/index.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import {
  forecastYearEnd,
  plannedProgress,
  reportTrend,
  type TaskLight,
  type Trend,
  taskLight,
} from '../../../domain/judgement/index.ts';
import type { BoardMilestone, BoardTask } from '../../../projections/boards/index.ts';

/** A supervised task on a day: terminated tasks are no longer supervised and not on the boards. */
export interface TaskFacts extends TaskLight {
  task: BoardTask;
  milestones: readonly BoardMilestone[];
  /** Null while the task is suspended: its dates do not run (the clock records nothing). */
  lit: TaskLight['light'] | null;
  /** Actual progress at the report before the latest (0 when there was none). */
  previousActual: number;
  /** Catching up with expected progress (序时进度) or falling behind, between the last two reports. */
  trend: Trend;
  /** Forecast attainment at the due date (null until two days with a report show a rate). */
  forecast: number | null;
}

/** A task's facts on `day` under `ruleset`, deadlines counted in `calendars`. */
export const taskFacts = (
  task: BoardTask,
  milestones: readonly BoardMilestone[],
  day: string,
  ruleset: Ruleset,
  calendars: Calendars,
): TaskFacts => {
  const lit = taskLight(task, milestones, day, ruleset, calendars);
  const previousActual = task.reports.at(-2)?.actual ?? 0;
  return {
    ...lit,
    task,
    milestones,
    lit: task.lifecycle === 'suspended' ? null : lit.light,
    previousActual,
    trend: reportTrend(task.reports, (reported) =>
      plannedProgress(task.plannedStart, task.dueDate, reported, milestones),
    ),
    forecast: forecastYearEnd(task.reports, task.dueDate),
  };
};
