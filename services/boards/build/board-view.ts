import type { PostTerm } from '../../../domain/posts-timeline.ts';
import type { BoardBlockage, BoardIndicator } from '../../../projections/boards/index.ts';
import { type BoardInput, isFollowed, type ScoringPeriod } from './input.ts';
import { itemAt, itemsOf, type SlotList, slotListOf, withSlots } from './slot-list.ts';
import { rolledUp } from './sub-task-roll-up.ts';
import { subtreesOf } from './subtrees.ts';
import type { TaskFacts } from './task-facts.ts';
import { partsByTask, slotOf, supervisedFacts } from './task-order.ts';
import { changedSince, viewSerial } from './view-changes.ts';

/** The documents of a board indexed for its builders, with every supervised task's facts. */
export interface BoardView {
  /** Which view this is: views made later have greater numbers. */
  serial: number;
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

const indexed = (input: BoardInput): BoardView => {
  const { day, docs } = input;
  const parts = partsByTask(docs);
  const order = supervisedFacts(input, parts);
  const tasks = rolledUp(order.facts, input);
  const serial = viewSerial(input, parts, tasks, (taskId) => slotOf(order, taskId));
  const names = new Map(docs.units.map((unit) => [unit.id, unit.name]));
  const year = day.slice(0, 4);
  let taskById: ReadonlyMap<string, TaskFacts> | null = null;
  return {
    serial,
    input,
    day,
    period: input.period ?? { name: year, from: `${year}-01-01`, to: day, closed: false },
    tasks,
    // Made when first asked: few boards look tasks up by id.
    get taskById() {
      taskById ??= new Map(tasks.map((facts) => [facts.task.id, facts]));
      return taskById;
    },
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

/**
 * `compute` of each supervised task of a view, in the view's task order,
 * remembered per view. A view of the documents held in memory keeps the last
 * view's values for every task whose facts and parts are the same objects
 * (see `changedSince`) and computes those of the others: a board after a write
 * computes again what the write changed, and copies only the chunks holding
 * them (see `SlotList`). `compute` may read the task's facts
 * and parts, and what a view follows only while it is the same (the day,
 * rules, calendars, units, officials and period); not other tasks.
 */
export const perTaskOfView = <T>(compute: (facts: TaskFacts, view: BoardView) => T) => {
  let last: { serial: number; values: SlotList<T> } | null = null;
  return perView((view: BoardView): SlotList<T> => {
    const slots = last && changedSince(view.serial, last.serial, view.tasks.length);
    const computeAt = (slot: number) => compute(view.tasks[slot] as TaskFacts, view);
    // The tasks changed since made again, their chunks copied; every other chunk shared.
    const values =
      last && slots
        ? withSlots(last.values, slots, computeAt)
        : slotListOf(view.tasks.length, computeAt);
    // Kept for the next held view; a past day's view is not followed by any.
    if (isFollowed(view.input)) last = { serial: view.serial, values };
    return values;
  });
};

/** How parts add up to a total: a total to start from, a part added or taken off, a copy. */
export interface Summing<P, T> {
  empty: () => T;
  add: (total: T, part: P, sign: 1 | -1) => void;
  copy: (total: T) => T;
}

/**
 * A total over the supervised tasks of a view, each task's part (in the
 * view's task order, from `partsOf`) added, remembered per view. A view of
 * the documents held in memory takes the last view's total, the parts of the
 * tasks changed since (see `changedSince`) taken off and their new parts
 * added: a board after a write adds up what the write changed. `partsOf` must
 * give the same part, as a value, to a task whose facts and parts are the same;
 * parts must add up exactly, in any order (counts, not fractions).
 */
export const totalOfView = <P, T>(
  partsOf: (view: BoardView) => SlotList<P>,
  summing: Summing<P, T>,
) => {
  let last: { serial: number; parts: SlotList<P>; total: T } | null = null;
  return perView((view: BoardView): T => {
    const parts = partsOf(view);
    const slots = last && changedSince(view.serial, last.serial, view.tasks.length);
    let total: T;
    if (last && slots && last.parts.length === parts.length) {
      total = summing.copy(last.total);
      for (const slot of slots) {
        summing.add(total, itemAt(last.parts, slot), -1);
        summing.add(total, itemAt(parts, slot), 1);
      }
    } else {
      total = summing.empty();
      for (const part of itemsOf(parts)) summing.add(total, part, 1);
    }
    if (isFollowed(view.input)) last = { serial: view.serial, parts, total };
    return total;
  });
};
