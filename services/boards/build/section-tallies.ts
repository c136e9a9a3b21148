import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import type { BoardView } from './board-view.ts';
import { perView } from './board-view.ts';
import type { LightCounts } from './light-counts.ts';
import type { TaskFacts } from './task-facts.ts';

/** The tasks of one plan section and kind, counted: by light, suspended, accepted, in all. */
export interface SectionTally extends LightCounts {
  section: string | null;
  kind: TaskKind;
  /** Suspended tasks: counted, but not lit. */
  suspended: number;
  /** Tasks whose completion (办结) the office accepted. */
  accepted: number;
  total: number;
}

/** One key per plan section and kind, the section-less apart from an empty section. */
const keyOf = (facts: TaskFacts): string => {
  const kind = facts.task.kind ?? 'annual_plan';
  return facts.task.section === null ? kind : `${kind}\u0000${facts.task.section}`;
};

/** Adds `facts` to its tally (`by` 1), or takes it off (`by` −1); a tally left empty goes. */
const count = (tallies: Map<string, SectionTally>, facts: TaskFacts, by: 1 | -1): void => {
  const key = keyOf(facts);
  let tally = tallies.get(key);
  if (tally === undefined) {
    tally = {
      section: facts.task.section,
      kind: facts.task.kind ?? 'annual_plan',
      green: 0,
      yellow: 0,
      red: 0,
      suspended: 0,
      accepted: 0,
      total: 0,
    };
    tallies.set(key, tally);
  }
  if (facts.lit === null) tally.suspended += by;
  else tally[facts.lit] += by;
  if (facts.task.completion === 'accepted') tally.accepted += by;
  tally.total += by;
  if (tally.total === 0) tallies.delete(key);
};

/** The tallies of `tasks`, counted one by one. */
const counted = (tasks: readonly TaskFacts[]): Map<string, SectionTally> => {
  const tallies = new Map<string, SectionTally>();
  for (const facts of tasks) count(tallies, facts, 1);
  return tallies;
};

/**
 * The tallies of `tasks` from those of `before` (its tasks and their tallies),
 * when the two lists are as long and differ in few places (a task's facts are
 * a new object when anything about it did): what stood in each such place
 * taken off, what stands there now counted. Null otherwise.
 */
const patched = (
  before: { tasks: readonly TaskFacts[]; tallies: ReadonlyMap<string, SectionTally> },
  tasks: readonly TaskFacts[],
): Map<string, SectionTally> | null => {
  if (before.tasks.length !== tasks.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (before.tasks[i] === tasks[i]) continue;
    if (changed.length >= tasks.length / 8) return null;
    changed.push(i);
  }
  const tallies = new Map([...before.tallies].map(([key, tally]) => [key, { ...tally }]));
  for (const i of changed) {
    count(tallies, before.tasks[i] as TaskFacts, -1);
    count(tallies, tasks[i] as TaskFacts, 1);
  }
  return tallies;
};

/** The last tallies made: the next view's are patched from them where they can be. */
let last: { tasks: readonly TaskFacts[]; tallies: ReadonlyMap<string, SectionTally> } | null = null;

/**
 * Every supervised task of a view counted by plan section and kind (the
 * overview's lights and its chart's point): after a write, from the last
 * view's counts with the changed tasks counted again, not every task again.
 * What it returns is shared: callers must not change it.
 */
export const sectionTallies = perView((view: BoardView): readonly SectionTally[] => {
  const tallies = (last && patched(last, view.tasks)) ?? counted(view.tasks);
  last = { tasks: view.tasks, tallies };
  return [...tallies.values()];
});
