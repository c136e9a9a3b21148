import type { Ruleset } from '../../../contracts/events/index.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
  BoardTask,
} from '../../../projections/boards/index.ts';
import { type BoardInput, isFollowed, type PartsByTask } from './input.ts';
import { changedKeys } from './layered-map.ts';
import { type TaskFacts, taskFacts } from './task-facts.ts';

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

/** The part documents by task, as the source keeps them or grouped here. */
export const partsByTask = (docs: BoardInput['docs']): PartsByTask =>
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

const supervised = (task: BoardTask): boolean => task.lifecycle !== 'terminated';

/**
 * The supervised tasks' facts of `input` in id order, with where each task
 * document's facts stand among them (-1: not supervised).
 */
export interface TaskOrder {
  input: BoardInput;
  facts: readonly TaskFacts[];
  slots: Int32Array;
  /** Where each task's document is in the input's list, by task id. */
  indexOf: ReadonlyMap<string, number>;
}

/** Where a task's facts stand in the order (-1: not supervised, or not there). */
export const slotOf = (order: TaskOrder, taskId: string): number => {
  const index = order.indexOf.get(taskId);
  return index === undefined ? -1 : (order.slots[index] as number);
};

const orderOf = (input: BoardInput, parts: PartsByTask): TaskOrder => {
  const { tasks } = input.docs;
  const indices: number[] = [];
  for (let i = 0; i < tasks.length; i++) if (supervised(tasks[i] as BoardTask)) indices.push(i);
  indices.sort((a, b) => byId(tasks[a] as BoardTask, tasks[b] as BoardTask));
  const slots = new Int32Array(tasks.length).fill(-1);
  const facts = indices.map((i, slot) => {
    slots[i] = slot;
    const task = tasks[i] as BoardTask;
    return factsOf(task, parts.milestones.get(task.id) ?? none, input);
  });
  const indexOf = new Map(tasks.map((task, i) => [task.id, i]));
  return { input, facts, slots, indexOf };
};

/**
 * The places in the task list of documents whose milestones differ between
 * `before` and `now` (their documents the same objects or not); each task's
 * milestones compared where the maps cannot tell which changed.
 */
const milestonesChanged = (
  last: TaskOrder,
  tasks: readonly BoardTask[],
  before: PartsByTask['milestones'],
  now: PartsByTask['milestones'],
): number[] => {
  if (before === now) return [];
  const keys = changedKeys(before, now) ?? tasks.map((task) => task.id);
  const changed: number[] = [];
  for (const taskId of keys) {
    const index = last.indexOf.get(taskId);
    if (index !== undefined && now.get(taskId) !== before.get(taskId)) changed.push(index);
  }
  return changed;
};

/**
 * The order of `input` from the `last` one where only a few task documents or
 * their milestones changed, each in its place, none coming under or out of
 * supervision: only their facts are taken again, no task sorted. Null where
 * it cannot tell (the order is then made afresh, which is no dearer).
 */
const patchedOrder = (last: TaskOrder, input: BoardInput, parts: PartsByTask): TaskOrder | null => {
  const before = last.input;
  const tasks = input.docs.tasks;
  const previous = before.docs.tasks;
  const milestonesBefore = before.docs.byTask?.milestones;
  if (
    milestonesBefore === undefined ||
    input.docs.byTask === undefined ||
    tasks.length !== previous.length ||
    input.day !== before.day ||
    input.ruleset !== before.ruleset ||
    input.calendars !== before.calendars
  ) {
    return null;
  }
  const changed = new Set(milestonesChanged(last, tasks, milestonesBefore, parts.milestones));
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i] as BoardTask;
    const was = previous[i] as BoardTask;
    if (task === was) continue;
    if (task.id !== was.id || supervised(task) !== supervised(was)) return null;
    changed.add(i);
  }
  if (changed.size > tasks.length / 8) return null;
  const facts = last.facts.slice();
  for (const i of changed) {
    const slot = last.slots[i] as number;
    const task = tasks[i] as BoardTask;
    if (slot >= 0) facts[slot] = factsOf(task, parts.milestones.get(task.id) ?? none, input);
  }
  return { input, facts, slots: last.slots, indexOf: last.indexOf };
};

/** The order of the documents held last (today's, followed write by write). */
let lastHeld: TaskOrder | null = null;

/**
 * Every supervised (not terminated) task's facts on the input's day, in id
 * order, not rolled up. Documents held in memory (`byTask` given) change a
 * few at a time: their order is patched from the last, only the tasks whose
 * document or milestones are new judged again. A past day's are ordered afresh.
 */
export const supervisedFacts = (input: BoardInput, parts: PartsByTask): TaskOrder => {
  if (!isFollowed(input)) return orderOf(input, parts);
  const order = (lastHeld && patchedOrder(lastHeld, input, parts)) ?? orderOf(input, parts);
  lastHeld = order;
  return order;
};
