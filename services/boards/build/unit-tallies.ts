import type { BoardView } from './board-view.ts';
import { perTaskOfView, totalOfView } from './board-view.ts';
import { type LightCounts, noLights } from './light-counts.ts';
import {
  type MilestoneCounts,
  type StatSums,
  taskMilestoneCounts,
} from './responsibility-stats.ts';
import type { TaskFacts } from './task-facts.ts';

/** What a unit answers for among a view's supervised tasks, counted. */
export interface UnitTally {
  tasksLed: number;
  tasksCoOwned: number;
  /** The tasks it leads, added up as the stats count them. */
  led: StatSums;
  /** Lights of the tasks it co-owns. */
  coOwnedLights: LightCounts;
  /** Times the office urged it (催办) in the period, on the tasks supervised. */
  timesUrged: number;
}

/** What one task adds to the units' tallies. */
interface TaskPart {
  lead: string | null;
  /** Its cooperating units, each once. */
  coOwners: readonly string[];
  lit: TaskFacts['lit'];
  counts: MilestoneCounts;
  /** The units urged on it in the period, once per urge. */
  urged: readonly string[];
}

const partOf = perTaskOfView(
  (facts, view): TaskPart => ({
    lead: facts.task.leadUnitId,
    coOwners: [...new Set(facts.task.cooperatingUnitIds)],
    lit: facts.lit,
    counts: taskMilestoneCounts(facts, view),
    urged: (facts.task.urges ?? [])
      .filter((urge) => urge.day >= view.period.from)
      .map((urge) => urge.unitId),
  }),
);

const emptyTally = (): UnitTally => ({
  tasksLed: 0,
  tasksCoOwned: 0,
  led: { lights: noLights(), onTime: 0, late: 0, overdue: 0 },
  coOwnedLights: noLights(),
  timesUrged: 0,
});

type Tallies = Map<string, UnitTally>;

const tallyOf = (tallies: Tallies, unitId: string): UnitTally => {
  let tally = tallies.get(unitId);
  if (tally === undefined) {
    tally = emptyTally();
    tallies.set(unitId, tally);
  }
  return tally;
};

const addPart = (tallies: Tallies, part: TaskPart, sign: 1 | -1): void => {
  if (part.lead !== null) {
    const { led } = tallyOf(tallies, part.lead);
    tallyOf(tallies, part.lead).tasksLed += sign;
    if (part.lit !== null) led.lights[part.lit] += sign;
    led.onTime += sign * part.counts.onTime;
    led.late += sign * part.counts.late;
    led.overdue += sign * part.counts.overdue;
  }
  for (const unitId of part.coOwners) {
    const tally = tallyOf(tallies, unitId);
    tally.tasksCoOwned += sign;
    if (part.lit !== null) tally.coOwnedLights[part.lit] += sign;
  }
  for (const unitId of part.urged) tallyOf(tallies, unitId).timesUrged += sign;
};

const copyTally = (tally: UnitTally): UnitTally => ({
  ...tally,
  led: { ...tally.led, lights: { ...tally.led.lights } },
  coOwnedLights: { ...tally.coOwnedLights },
});

/**
 * Each unit's tally over a view's supervised tasks: made once per view, and
 * after a write patched with the parts of the tasks it changed.
 */
export const unitTallies: (view: BoardView) => ReadonlyMap<string, UnitTally> = totalOfView(
  partOf,
  {
    empty: (): Tallies => new Map(),
    add: addPart,
    copy: (tallies) => new Map([...tallies].map(([unitId, tally]) => [unitId, copyTally(tally)])),
  },
);

/** The tally of a unit that answers for none of the tasks. */
export const noTally: UnitTally = emptyTally();
