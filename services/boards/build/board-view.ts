import type { PostTerm } from '../../../domain/posts-timeline.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
} from '../../../projections/boards/index.ts';
import type { BoardInput } from './input.ts';
import { type TaskFacts, taskFacts } from './task-facts.ts';

/** The documents of a board indexed for its builders, with every supervised task's facts. */
export interface BoardView {
  input: BoardInput;
  day: string;
  /** The scoring period: the year to date (亮赛比 per year). */
  period: { name: string; from: string; to: string };
  /** Supervised (not terminated) tasks, by id. */
  tasks: readonly TaskFacts[];
  taskById: ReadonlyMap<string, TaskFacts>;
  blockagesByTask: ReadonlyMap<string, readonly BoardBlockage[]>;
  indicatorsByTask: ReadonlyMap<string, readonly BoardIndicator[]>;
  /** Every post term of every official. */
  terms: readonly PostTerm[];
  unitName: (unitId: string | null) => string | null;
}

const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const groupByTask = <T extends { id: string; taskId: string }>(
  items: readonly T[],
): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort(byId)) {
    const group = groups.get(item.taskId) ?? [];
    group.push(item);
    groups.set(item.taskId, group);
  }
  return groups;
};

/** Indexes the documents and computes the facts of every supervised task on the board's day. */
export const boardView = (input: BoardInput): BoardView => {
  const { day, ruleset, docs } = input;
  const milestones = groupByTask<BoardMilestone>(docs.milestones);
  const tasks = docs.tasks
    .filter((task) => task.lifecycle !== 'terminated')
    .sort(byId)
    .map((task) => taskFacts(task, milestones.get(task.id) ?? [], day, ruleset));
  const names = new Map(docs.units.map((unit) => [unit.id, unit.name]));
  const year = day.slice(0, 4);
  return {
    input,
    day,
    period: { name: year, from: `${year}-01-01`, to: day },
    tasks,
    taskById: new Map(tasks.map((facts) => [facts.task.id, facts])),
    blockagesByTask: groupByTask(docs.blockages),
    indicatorsByTask: groupByTask(docs.indicators),
    terms: docs.officials.flatMap((official) => official.terms),
    unitName: (unitId) => (unitId === null ? null : (names.get(unitId) ?? null)),
  };
};
