import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { createAsOfSnapshots } from '../as-of/as-of-snapshots.ts';
import { lightsOfDays } from '../as-of/replay-lights.ts';
import { boardInputOf } from '../as-of/snapshot.ts';
import { buildBlockageBoard } from '../build/blockage-board.ts';
import type { DayLights } from '../build/day-lights.ts';
import type { BoardInput } from '../build/input.ts';
import { buildOverview } from '../build/overview.ts';
import { buildProgressBoard } from '../build/progress-board.ts';
import { buildResponsibilityBoard } from '../build/responsibility-board.ts';
import { buildResultsBoard } from '../build/results-board.ts';
import { buildStageBoard } from '../build/stage-board.ts';

/** The builders of the boards, by the operation that asks for them. */
export const boardBuilders = {
  responsibilityBoard: buildResponsibilityBoard,
  stageBoard: buildStageBoard,
  blockageBoard: buildBlockageBoard,
  progressBoard: buildProgressBoard,
  resultsBoard: buildResultsBoard,
} as const;

/** A board other than the overview. */
export type BoardName = keyof typeof boardBuilders;

/** What a board of `name` is asked with, checked already. */
export type BoardQuery<N extends BoardName> = Parameters<(typeof boardBuilders)[N]>[1];

/** What the overview is asked with, checked already. */
export type OverviewQuery = Parameters<typeof buildOverview>[2];

/**
 * Boards of past days and the lights of past days: where they are built is the
 * implementation's choice (this thread, or a worker with its own connections).
 */
export interface PastDays {
  /** The board `name` of the past day `day`. */
  board<N extends BoardName>(
    name: N,
    query: BoardQuery<N>,
    day: string,
  ): Promise<ReturnType<(typeof boardBuilders)[N]>>;
  /** The overview of the past day `day`, its chart's earlier days' lights given. */
  overview(
    query: OverviewQuery,
    day: string,
    earlier: readonly DayLights[],
  ): Promise<ReturnType<typeof buildOverview>>;
  /** The lights of past days, computed from what the stores keep. */
  lights(days: readonly string[]): Promise<DayLights[]>;
  close(): Promise<void>;
}

/** The stores the past is read from, and how many past days' documents stay in memory. */
export interface PastDaysDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  cachedDays?: number;
  /** Stops a long computation of lights between two days or pages. */
  signal?: AbortSignal;
}

/**
 * Past days read and built in this thread: each day's documents as the kept
 * versions say (a replay of the log for a day an event reached late), the last
 * `cachedDays` days' inputs kept.
 */
export const createPastDays = (deps: PastDaysDeps): PastDays => {
  const snapshots = createAsOfSnapshots({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    ...(deps.cachedDays === undefined ? {} : { cacheSize: deps.cachedDays }),
  });
  const inputs = new WeakMap<object, BoardInput>();
  const inputOf = async (day: string): Promise<BoardInput> => {
    const snapshot = (await snapshots.snapshots([day])).get(day);
    if (snapshot === undefined) throw new Error(`no documents for ${day}`);
    // The same input object while the snapshot is cached: boards share its view.
    const known = inputs.get(snapshot) ?? boardInputOf(day, snapshot);
    inputs.set(snapshot, known);
    return known;
  };
  return {
    async board(name, query, day) {
      const build = boardBuilders[name] as (input: BoardInput, query: unknown) => never;
      return build(await inputOf(day), query);
    },
    async overview(query, day, earlier) {
      return buildOverview(await inputOf(day), [...earlier], query);
    },
    lights: (days) =>
      lightsOfDays(deps.readModels, deps.eventStore, days, {
        ...(deps.signal ? { signal: deps.signal } : {}),
      }),
    async close() {},
  };
};
