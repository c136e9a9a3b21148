import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { createAsOfSnapshots } from '../as-of/as-of-snapshots.ts';
import { createDayDigests } from '../as-of/day-digests.ts';
import { type LaterDocuments, storedOnce } from '../as-of/kept-versions.ts';
import { lightsOfDays } from '../as-of/replay-lights.ts';
import { boardInputOf, type Snapshot } from '../as-of/snapshot.ts';
import { buildBlockageBoard } from '../build/blockage-board.ts';
import type { DayLights } from '../build/day-lights.ts';
import type { BoardInput } from '../build/input.ts';
import { buildOverview, overviewOf } from '../build/overview.ts';
import { overviewDigestOf } from '../build/overview-digest.ts';
import { buildProgressBoard } from '../build/progress-board.ts';
import { buildResponsibilityBoard } from '../build/responsibility-board.ts';
import {
  buildOfficialRecords,
  buildOfficialTasks,
  buildUnitDeductions,
  buildUnitFailedTasks,
} from '../build/responsibility-items.ts';
import { buildResultsBoard } from '../build/results-board.ts';
import { buildStageBoard } from '../build/stage-board.ts';
import { createBoardMemory } from '../memory/board-memory.ts';

/** The builders of the boards and their rows' itemised lists, by the operation that asks for them. */
export const boardBuilders = {
  responsibilityBoard: buildResponsibilityBoard,
  stageBoard: buildStageBoard,
  blockageBoard: buildBlockageBoard,
  progressBoard: buildProgressBoard,
  resultsBoard: buildResultsBoard,
  unitDeductions: buildUnitDeductions,
  unitFailedTasks: buildUnitFailedTasks,
  officialTasks: buildOfficialTasks,
  officialRecords: buildOfficialRecords,
} as const;

/** A board other than the overview, or a row's itemised list. */
export type BoardName = keyof typeof boardBuilders;

/** What a board of `name` is asked with, checked already. */
export type BoardQuery<N extends BoardName> = Parameters<(typeof boardBuilders)[N]>[1];

/** What the overview is asked with, checked already. */
export type OverviewQuery = Parameters<typeof buildOverview>[2];

/** The day a board is for, and whether that day is today (then the documents are followed live). */
export interface BoardDay {
  day: string;
  today: boolean;
}

/**
 * Where boards are read and built: today's from the board documents held in
 * memory and followed to the end of the log, a past day's from the versions
 * the projector keeps. Whether that runs in this thread or in a worker with
 * its own connections is the implementation's choice.
 */
export interface BoardsCompute {
  /** The board `name` of `on`. */
  board<N extends BoardName>(
    name: N,
    query: BoardQuery<N>,
    on: BoardDay,
  ): Promise<ReturnType<(typeof boardBuilders)[N]>>;
  /** The overview of `on`, its chart's earlier days' lights given. */
  overview(
    query: OverviewQuery,
    on: BoardDay,
    earlier: readonly DayLights[],
  ): Promise<ReturnType<typeof buildOverview>>;
  /** The lights of past days, computed from what the stores keep. */
  lights(days: readonly string[]): Promise<DayLights[]>;
  /**
   * Computes and keeps the overview digests (and chart lights) of those of
   * `days` (past days) not kept yet; answers how many it computed.
   */
  closeDays(days: readonly string[]): Promise<number>;
  /**
   * Loads today's documents before the first board asks, and judges every
   * task on `day` (today) as the overview does: what the first board would.
   */
  warm(day: string): Promise<void>;
  close(): Promise<void>;
}

/** The stores boards are read from, and how many past days' documents stay in memory. */
export interface BoardsComputeDeps {
  eventStore: EventStore;
  readModels: ReadModelStore;
  cachedDays?: number;
  /**
   * Documents the past days kept may hold together (the day asked last stays,
   * whatever it holds); the stored documents their lists are restored from
   * are kept up to as many.
   */
  cachedDocuments?: number;
  /** Stops a long catch-up or computation between two pages or days. */
  signal?: AbortSignal;
}

/**
 * Boards read and built in this thread. The same input object is handed out
 * while the documents and the day are the same, so boards asked in between
 * share their computed view.
 */
export const createBoardsCompute = (deps: BoardsComputeDeps): BoardsCompute => {
  const memory = createBoardMemory({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  // Today's documents where they are held already (the boards of today are
  // asked here); else the stored ones, read once while they reach far enough.
  const stored = storedOnce(deps.readModels, deps.cachedDocuments);
  const later: LaterDocuments = async (collection, reaching) =>
    (await memory.held(collection)) ?? stored(collection, reaching);
  const past = createAsOfSnapshots({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    ...(deps.cachedDays === undefined ? {} : { cacheSize: deps.cachedDays }),
    ...(deps.cachedDocuments === undefined ? {} : { cachedDocuments: deps.cachedDocuments }),
    later,
  });
  const inputs = new WeakMap<Snapshot, BoardInput>();

  /** The input of `snapshot` on `day`, the same object while both are. */
  const inputFor = (day: string, snapshot: Snapshot): BoardInput => {
    const known = inputs.get(snapshot);
    if (known?.day === day) return known;
    const input = boardInputOf(day, snapshot);
    inputs.set(snapshot, input);
    return input;
  };

  const inputOf = async ({ day, today }: BoardDay): Promise<BoardInput> => {
    if (today) return inputFor(day, await memory.latest());
    const snapshot = (await past.snapshots([day])).get(day);
    if (snapshot === undefined) throw new Error(`no documents for ${day}`);
    return inputFor(day, snapshot);
  };

  const digests = createDayDigests({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    inputOf: (day) => inputOf({ day, today: false }),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });

  return {
    async board(name, query, on) {
      const build = boardBuilders[name] as (input: BoardInput, query: unknown) => never;
      return build(await inputOf(on), query);
    },
    async overview(query, on, earlier) {
      if (on.today) return buildOverview(await inputOf(on), earlier, query);
      return overviewOf(await digests.of(on.day), earlier, query);
    },
    closeDays: (days) => digests.close(days),
    lights: (days) =>
      lightsOfDays(deps.readModels, deps.eventStore, days, {
        later,
        ...(deps.signal ? { signal: deps.signal } : {}),
      }),
    async warm(day) {
      overviewDigestOf(await inputOf({ day, today: true }));
    },
    async close() {},
  };
};
