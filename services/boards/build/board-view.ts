import type { Ruleset } from '../../../contracts/events/index.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import type { PostTerm } from '../../../domain/posts-timeline.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
  BoardTask,
} from '../../../projections/boards/index.ts';
import type { BoardInput, PartsByTask, ScoringPeriod } from './input.ts';
import { rolledUp } from './sub-task-roll-up.ts';
import { subtreesOf } from './subtrees.ts';
import { type TaskFacts, taskFacts } from './task-facts.ts';

/** The documents of a board indexed for its builders, with every supervised task's facts. */
export interface BoardView {
  input: BoardInput;
  day: string;
  /** The scoring period: the year to date (督查考核, year by year), or a settled year. */
  period: ScoringPeriod;
  /** Supervised (not terminated) tasks, by id. */
  tasks: readonly TaskFacts[];
  taskById: ReadonlyMap<string, TaskFacts>;
  blockagesByTask: ReadonlyMap<string, readonly BoardBlockage[]>;
  indicatorsByTask: ReadonlyMap<string, readonly BoardIndicator[]>;
  /** Every post term of every official. */
  terms: readonly PostTerm[];
  unitName: (unitId: string | null) => string | null;
  /**
   * The units of the subtree of `unitId` (itself and every unit below it),
   * or null when none is asked: what a board filtered on a subtree keeps.
   */
  subtree: (unitId: string | null | undefined) => ReadonlySet<string> | null;
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

const partsByTask = (docs: BoardInput['docs']): PartsByTask =>
  docs.byTask ?? {
    milestones: groupByTask<BoardMilestone>(docs.milestones),
    blockages: groupByTask<BoardBlockage>(docs.blockages),
    indicators: groupByTask<BoardIndicator>(docs.indicators),
  };

/**
 * A task's facts on a day, remembered for as long as its document is the same
 * object (documents are never changed in place: a new version is a new object)
 * with the same milestones, day and ruleset.
 */
const remembered = new WeakMap<
  BoardTask,
  {
    milestones: readonly BoardMilestone[];
    day: string;
    ruleset: Ruleset;
    calendars: Calendars;
    facts: TaskFacts;
  }
>();

const factsOf = (
  task: BoardTask,
  milestones: readonly BoardMilestone[],
  input: BoardInput,
): TaskFacts => {
  const { day, ruleset, calendars } = input;
  const known = remembered.get(task);
  if (
    known?.milestones === milestones &&
    known.day === day &&
    known.ruleset === ruleset &&
    known.calendars === calendars
  ) {
    return known.facts;
  }
  const facts = taskFacts(task, milestones, day, ruleset, calendars);
  remembered.set(task, { milestones, day, ruleset, calendars, facts });
  return facts;
};

const none: readonly BoardMilestone[] = [];

const indexed = (input: BoardInput): BoardView => {
  const { day, docs } = input;
  const parts = partsByTask(docs);
  const tasks = rolledUp(
    docs.tasks
      .filter((task) => task.lifecycle !== 'terminated')
      .sort(byId)
      .map((task) => factsOf(task, parts.milestones.get(task.id) ?? none, input)),
    input,
  );
  const names = new Map(docs.units.map((unit) => [unit.id, unit.name]));
  const year = day.slice(0, 4);
  return {
    input,
    day,
    period: input.period ?? { name: year, from: `${year}-01-01`, to: day, closed: false },
    tasks,
    taskById: new Map(tasks.map((facts) => [facts.task.id, facts])),
    blockagesByTask: parts.blockages,
    indicatorsByTask: parts.indicators,
    terms: docs.officials.flatMap((official) => official.terms),
    unitName: (unitId) => (unitId === null ? null : (names.get(unitId) ?? null)),
    subtree: subtreesOf(docs.units),
  };
};

/** One view per input: the builders of a board, and the boards of one input, share it. */
const views = new WeakMap<BoardInput, BoardView>();

/** Indexes the documents and computes the facts of every supervised task on the board's day. */
export const boardView = (input: BoardInput): BoardView => {
  const known = views.get(input);
  if (known) return known;
  const view = indexed(input);
  views.set(input, view);
  return view;
};

/**
 * `compute` remembered per view: what several boards of one view derive from
 * it (the standings, the open blockages, the sorted stage rows) is derived once.
 * What it returns is shared: callers must not change it.
 */
export const perView = <T>(compute: (view: BoardView) => T): ((view: BoardView) => T) => {
  const memo = new WeakMap<BoardView, T>();
  return (view) => {
    if (memo.has(view)) return memo.get(view) as T;
    const computed = compute(view);
    memo.set(view, computed);
    return computed;
  };
};
