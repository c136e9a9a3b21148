import { type BoardInput, isFollowed, type PartsByTask } from './input.ts';
import { changedKeys } from './layered-map.ts';
import type { TaskFacts } from './task-facts.ts';

/** A view of the documents held in memory, as the next one is told apart from it. */
interface Held {
  serial: number;
  input: BoardInput;
  parts: PartsByTask;
  tasks: readonly TaskFacts[];
}

/** A held view's step from the one before it: which of its tasks changed (null: made afresh). */
interface Step {
  after: number;
  slots: readonly number[] | null;
}

/** Steps remembered: what a computation kept from a view this many writes back can be patched. */
const remembered = 256;

let serials = 0;
let last: Held | null = null;
const steps = new Map<number, Step>();

/**
 * The places in `tasks` whose facts, milestones, blockages or indicators are
 * not the same objects as in `previous`'s; null when the two views cannot be
 * told apart task by task (another day, rules, calendars, units, officials or
 * period, other tasks in other places) or when more than an eighth changed.
 */
const changedSlots = (
  previous: Held,
  input: BoardInput,
  parts: PartsByTask,
  tasks: readonly TaskFacts[],
  slotOf: (taskId: string) => number,
): number[] | null => {
  const before = previous.input;
  if (
    tasks.length !== previous.tasks.length ||
    input.day !== before.day ||
    input.ruleset !== before.ruleset ||
    input.calendars !== before.calendars ||
    input.period !== before.period ||
    input.docs.units !== before.docs.units ||
    input.docs.officials !== before.docs.officials
  ) {
    return null;
  }
  const changed = new Set<number>();
  for (let slot = 0; slot < tasks.length; slot++) {
    const facts = tasks[slot] as TaskFacts;
    const was = previous.tasks[slot] as TaskFacts;
    if (facts === was) continue;
    if (facts.task.id !== was.task.id) return null;
    changed.add(slot);
  }
  for (const kind of ['blockages', 'indicators'] as const) {
    const then: ReadonlyMap<string, unknown> = previous.parts[kind];
    const now: ReadonlyMap<string, unknown> = parts[kind];
    if (then === now) continue;
    for (const taskId of changedKeys(then, now) ?? tasks.map((facts) => facts.task.id)) {
      const slot = slotOf(taskId);
      if (slot >= 0 && now.get(taskId) !== then.get(taskId)) changed.add(slot);
    }
  }
  return changed.size > tasks.length / 8 ? null : [...changed];
};

/**
 * The serial number of a new view of `input`. Views of the documents held in
 * memory (today's, `byTask` given) are told apart from the last such view,
 * and the step remembered (see `changedSince`); a past day's view has none.
 */
export const viewSerial = (
  input: BoardInput,
  parts: PartsByTask,
  tasks: readonly TaskFacts[],
  slotOf: (taskId: string) => number,
): number => {
  const serial = ++serials;
  if (!isFollowed(input)) return serial;
  const previous = last;
  last = { serial, input, parts, tasks };
  if (previous === null) return serial;
  const slots = changedSlots(previous, input, parts, tasks, slotOf);
  steps.set(serial, { after: previous.serial, slots });
  if (steps.size > remembered) steps.delete(steps.keys().next().value as number);
  return serial;
};

/**
 * The places in the tasks of view `serial` that changed since view `since`
 * (their facts or parts are new objects; every other place holds the same
 * task, facts and parts), each once, in no order; null when that cannot be
 * told (`since` is not an earlier held view remembered, a view between was
 * made afresh) or more than an eighth of the tasks changed.
 */
export const changedSince = (serial: number, since: number, taskCount: number): number[] | null => {
  if (since > serial) return null;
  const changed = new Set<number>();
  for (let at = serial; at !== since; ) {
    const step = steps.get(at);
    if (step?.slots == null) return null;
    for (const slot of step.slots) changed.add(slot);
    if (changed.size > taskCount / 8) return null;
    at = step.after;
  }
  return [...changed];
};
