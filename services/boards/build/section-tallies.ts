import type { TaskKind } from '../../../contracts/events/matter-sources.ts';
import { type BoardView, perTaskOfView, perView, totalOfView } from './board-view.ts';
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

/** Each supervised task's facts, as a list of parts (see `totalOfView`). */
const factsOfView = perTaskOfView((facts): TaskFacts => facts);

/**
 * Every supervised task of a view counted by plan section and kind (the
 * overview's lights and its chart's point): after a write, from the last
 * view's counts with the changed tasks taken off and counted again, not
 * every task again (see `totalOfView`).
 */
const tallies = totalOfView(factsOfView, {
  empty: () => new Map<string, SectionTally>(),
  add: count,
  copy: (known) => new Map([...known].map(([key, tally]) => [key, { ...tally }])),
});

/** The section tallies of a view; what it returns is shared: callers must not change it. */
export const sectionTallies = perView((view: BoardView): readonly SectionTally[] => [
  ...tallies(view).values(),
]);
