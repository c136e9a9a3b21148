import { maxUnitDepth } from '../../../contracts/events/unit-events.ts';
import { rolledUpLight, type SubTaskStanding } from '../../../domain/judgement/index.ts';
import type { BoardInput } from './input.ts';
import type { TaskFacts } from './task-facts.ts';

/**
 * The facts of every task with its sub-tasks (分解交办) rolled up into it: its
 * progress counts each sub-task as a milestone of the split's weight, its
 * light is the worst of its own and its sub-tasks' (`rolledUpLight`). Sub-tasks
 * roll up first, so a street's task reads its 社区's tasks as they roll up their
 * own; a terminated sub-task is not supervised and counts for nothing. Trend and
 * forecast stay the task's own reports'.
 */
export const rolledUp = (tasks: readonly TaskFacts[], input: BoardInput): readonly TaskFacts[] => {
  // No task split: nothing rolls up, and the list is as it is (no map of every task).
  if (!tasks.some((facts) => (facts.task.subTasks?.length ?? 0) > 0)) return tasks;
  const byId = new Map(tasks.map((facts) => [facts.task.id, facts]));
  const done = new Map<string, TaskFacts>();
  const visit = (facts: TaskFacts, depth: number): TaskFacts => {
    const shares = facts.task.subTasks;
    if (!shares || shares.length === 0 || depth > maxUnitDepth) return facts;
    const known = done.get(facts.task.id);
    if (known) return known;
    const standings = shares.flatMap((share): SubTaskStanding[] => {
      const child = byId.get(share.taskId);
      if (!child) return [];
      const rolled = visit(child, depth + 1);
      const { title, weight } = share;
      const { actual, lit } = rolled;
      return [
        { title, weight, dueDate: rolled.task.dueDate, actual, done: rolled.done, light: lit },
      ];
    });
    const light = rolledUpLight(
      facts.task,
      facts.milestones,
      standings,
      input.day,
      input.ruleset,
      input.calendars,
    );
    const result: TaskFacts = { ...facts, ...light, lit: facts.lit === null ? null : light.light };
    done.set(facts.task.id, result);
    return result;
  };
  return tasks.map((facts) => visit(facts, 0));
};
