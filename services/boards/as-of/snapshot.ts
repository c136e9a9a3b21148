import type { Ruleset } from '../../../contracts/events/index.ts';
import type {
  BoardBlockage,
  BoardIndicator,
  BoardMilestone,
  BoardOfficial,
  BoardTask,
} from '../../../projections/boards/index.ts';
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
import type { BoardDocuments } from '../build/input.ts';
import type { Replayed } from './replay.ts';

/** The documents, rulesets and log position a board of one day is built from. */
export interface Snapshot {
  docs: BoardDocuments;
  rulesets: readonly Ruleset[];
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

/** The board documents of a finished replay. */
export const snapshotOf = (replayed: Replayed): Snapshot => {
  const all = <T>(collection: string): T[] => [
    ...((replayed.maps.get(collection)?.values() ?? []) as Iterable<T>),
  ];
  return {
    docs: {
      tasks: all<BoardTask>(boardCollections.tasks),
      milestones: all<BoardMilestone>(boardCollections.milestones),
      blockages: all<BoardBlockage>(boardCollections.blockages),
      indicators: all<BoardIndicator>(boardCollections.indicators),
      officials: all<BoardOfficial>(boardCollections.officials),
      units: all<{ id: string; name: string }>(boardCollections.units).map(({ id, name }) => ({
        id,
        name,
      })),
    },
    rulesets: replayed.rulesets,
    position: replayed.position,
  };
};
