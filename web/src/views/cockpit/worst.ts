import type { Cockpit, OpenBlockage, OverdueMilestone, RedTask } from './data.ts';

/** A red task with its overdue milestones, worst first. */
export interface WorstTask extends RedTask {
  overdue: OverdueMilestone[];
}

/** A task held up, with its oldest open blockage and how many more it has. */
export interface BlockedTask extends OpenBlockage {
  others: number;
}

const worstDays = (task: WorstTask) => task.overdue[0]?.daysOverdue ?? 0;

/**
 * The tasks behind the red count, each once: those with a milestone furthest
 * past its due date first, then those furthest behind expected progress.
 */
export const worstTasks = (cockpit: Cockpit): WorstTask[] =>
  cockpit.red.nodes
    .map((task) => ({
      ...task,
      overdue: cockpit.overdue.nodes
        .filter((milestone) => milestone.taskId === task.taskId)
        .sort((a, b) => b.daysOverdue - a.daysOverdue),
    }))
    .sort((a, b) => worstDays(b) - worstDays(a) || b.behind - a.behind);

/** The tasks held up longest, each once with its oldest blockage (the board lists oldest first). */
export const blockedTasks = (cockpit: Cockpit, limit: number): BlockedTask[] => {
  const byTask = new Map<string, BlockedTask>();
  for (const blockage of cockpit.blockages.nodes) {
    const seen = byTask.get(blockage.taskId);
    if (seen) seen.others += 1;
    else byTask.set(blockage.taskId, { ...blockage, others: 0 });
  }
  return [...byTask.values()].slice(0, limit);
};
