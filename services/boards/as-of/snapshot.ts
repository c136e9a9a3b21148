import {
  defaultUnitCategory,
  type PublishedCalendar,
  type Ruleset,
  type UnitCategory,
} from '../../../contracts/events/index.ts';
import { calendarsInForce } from '../../../domain/calendar/state-council.ts';
import type { Calendars } from '../../../domain/calendar/work-calendar.ts';
import { rulesetInForce } from '../../../domain/rulesets/in-force.ts';
import {
  boardBlockageProjection,
  boardIndicatorProjection,
  boardMilestoneProjection,
  boardOfficialProjection,
  boardProjections,
  boardTaskProjection,
} from '../../../projections/boards/index.ts';
import type { Projection } from '../../../projections/projection.ts';
import { unitListProjection } from '../../../projections/unit-list/projection.ts';
import type { BoardDocuments, BoardInput } from '../build/input.ts';
import type { Replayed } from './replay.ts';

/** The documents, rulesets, calendars and log position a board of one day is built from. */
export interface Snapshot {
  docs: BoardDocuments;
  rulesets: readonly Ruleset[];
  /** Working-day calendars published by then, in the order they were. */
  calendars: readonly PublishedCalendar[];
  position: number;
}

type Doc = { position: number } & Record<string, unknown>;

/** The collections the boards read, with the projections that write them. */
export const boardCollections = {
  tasks: boardTaskProjection.collection,
  milestones: boardMilestoneProjection.collection,
  blockages: boardBlockageProjection.collection,
  indicators: boardIndicatorProjection.collection,
  officials: boardOfficialProjection.collection,
  units: unitListProjection.collection,
} as const;

/** What a replay runs: the boards' projections and the directory's units. */
export const replayedProjections: readonly Projection<Doc>[] = [
  ...boardProjections,
  unitListProjection as unknown as Projection<Doc>,
];

/**
 * The board documents, each collection's as `documents` lists them, the units
 * cut to their id, name and category.
 */
export const boardDocuments = (documents: (collection: string) => unknown[]): BoardDocuments => {
  const of = <K extends keyof typeof boardCollections>(key: K) =>
    documents(boardCollections[key]) as BoardDocuments[K];
  return {
    tasks: of('tasks'),
    milestones: of('milestones'),
    blockages: of('blockages'),
    indicators: of('indicators'),
    officials: of('officials'),
    units: (of('units') as (BoardDocuments['units'][number] & { category?: UnitCategory })[]).map(
      ({ id, name, category, path }) => ({
        id,
        name,
        category: category ?? defaultUnitCategory,
        ...(path && path.length > 1 ? { path } : {}),
      }),
    ),
  };
};

const inForce = new Map<string, Calendars>();

/**
 * The calendars in force after `published`, the same object for the same
 * versions: a task's facts are remembered while their calendars are the same.
 */
const calendarsOf = (published: readonly PublishedCalendar[]): Calendars => {
  const key = published.map((calendar) => `${calendar.year}v${calendar.version}`).join(',');
  const known = inForce.get(key);
  if (known) return known;
  const calendars = calendarsInForce(published);
  if (inForce.size >= 64) inForce.clear();
  inForce.set(key, calendars);
  return calendars;
};

/** The input of a board of `day` from its snapshot, under the rules and calendars in force that day. */
export const boardInputOf = (day: string, snapshot: Snapshot): BoardInput => ({
  day,
  // The rules in force on the day, of those published (recorded) by then.
  ruleset: rulesetInForce(snapshot.rulesets, day),
  calendars: calendarsOf(snapshot.calendars),
  docs: snapshot.docs,
  position: snapshot.position,
});

/** The board documents of a finished replay. */
export const snapshotOf = (replayed: Replayed): Snapshot => ({
  docs: boardDocuments((collection) => [...(replayed.maps.get(collection)?.values() ?? [])]),
  rulesets: replayed.rulesets,
  calendars: replayed.calendars,
  position: replayed.position,
});
