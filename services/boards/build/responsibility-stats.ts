import { roundPoints } from '../../../domain/judgement/index.ts';
import type { BoardView } from './board-view.ts';
import { countLights, type LightCounts } from './light-counts.ts';
import { taskStageRows } from './stage-board.ts';
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

/** The stats of `tasks` on the board's day. */
export const responsibilityStats = (
  tasks: readonly TaskFacts[],
  view: BoardView,
): ResponsibilityStats => {
  const counts = new Map<string, number>();
  for (const facts of tasks) {
    for (const row of taskStageRows(facts, view)) {
      counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
    }
  }
  const count = (state: string) => counts.get(state) ?? 0;
  const onTime = count('done_on_time');
  const completed = onTime + count('done_late');
  return {
    lights: countLights(tasks.map((facts) => facts.lit)),
    milestonesCompleted: completed,
    milestonesOnTime: onTime,
    onTimeRate: completed === 0 ? null : roundPoints((100 * onTime) / completed),
    overdueMilestones: count('overdue'),
  };
};
