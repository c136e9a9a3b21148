import { roundPoints } from '../../../domain/judgement/index.ts';
import type { BoardView } from './board-view.ts';
import { countLights, type LightCounts } from './light-counts.ts';
import { type StageRow, taskStageRows } from './stage-board.ts';
import type { TaskFacts } from './task-facts.ts';

/** What a unit or an official answers for, over the tasks it leads. */
export interface ResponsibilityStats {
  lights: LightCounts;
  milestonesCompleted: number;
  milestonesOnTime: number;
  /** Milestones completed by their due date / milestones completed, in percent; null before any. */
  onTimeRate: number | null;
  overdueMilestones: number;
}

/** What stats are made of, added up over tasks: their lights and their milestones' counts. */
export interface StatSums {
  lights: LightCounts;
  onTime: number;
  late: number;
  overdue: number;
}

/** The stats of tasks from their sums. */
export const statsOf = ({ lights, onTime, late, overdue }: StatSums): ResponsibilityStats => {
  const completed = onTime + late;
  return {
    lights,
    milestonesCompleted: completed,
    milestonesOnTime: onTime,
    onTimeRate: completed === 0 ? null : roundPoints((100 * onTime) / completed),
    overdueMilestones: overdue,
  };
};

/** The stats of `tasks` on the board's day. */
export const responsibilityStats = (
  tasks: readonly TaskFacts[],
  view: BoardView,
): ResponsibilityStats => {
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  for (const facts of tasks) {
    const counted = taskMilestoneCounts(facts, view);
    onTime += counted.onTime;
    late += counted.late;
    overdue += counted.overdue;
  }
  return statsOf({ lights: countLights(tasks.map((facts) => facts.lit)), onTime, late, overdue });
};

/** A task's milestones done on time, done late, and overdue. */
export type MilestoneCounts = { onTime: number; late: number; overdue: number };

/** A task's milestones done on time, done late and overdue, counted once per version of its rows. */
const counts = new WeakMap<readonly StageRow[], MilestoneCounts>();

const milestoneCounts = (rows: readonly StageRow[]): MilestoneCounts => {
  const known = counts.get(rows);
  if (known) return known;
  const counted = { onTime: 0, late: 0, overdue: 0 };
  for (const row of rows) {
    if (row.state === 'done_on_time') counted.onTime += 1;
    else if (row.state === 'done_late') counted.late += 1;
    else if (row.state === 'overdue') counted.overdue += 1;
  }
  counts.set(rows, counted);
  return counted;
};

/** The milestone counts of a task on the view's day. */
export const taskMilestoneCounts = (facts: TaskFacts, view: BoardView): MilestoneCounts =>
  milestoneCounts(taskStageRows(facts, view));
