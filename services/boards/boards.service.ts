import type { ServiceSchema } from 'moleculer';
import type { z } from 'zod';
import type { StoreConfig } from '../../infra/stores/stores.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import { createDayCloser } from './as-of/day-closer.ts';
import { createBoardSource } from './board-source.ts';
import { seriesDays } from './build/overview.ts';
import {
  type BoardName,
  type BoardQuery,
  type BoardsCompute,
  type boardBuilders,
  createBoardsCompute,
} from './compute/boards-compute.ts';
import { boardsComputeByDay } from './compute/by-day.ts';
import { boardsComputeInWorker } from './compute/in-worker.ts';
import {
  blockageBoardInput,
  officialItemsInput,
  overviewInput,
  progressBoardInput,
  responsibilityBoardInput,
  resultsBoardInput,
  stageBoardInput,
  unitItemsInput,
} from './inputs.ts';
import { settlementOf } from './settlements.ts';

/** Tuning of the boards service. */
export interface BoardsOptions {
  /** Past days whose documents stay in memory (default 4). */
  cachedDays?: number;
  /**
   * Documents those past days may hold together (default: no bound but the
   * days), and at most as many of the stored documents their lists are
   * restored from, in each worker.
   */
  cachedDocuments?: number;
  /**
   * Where to read and build the boards in worker threads (today's in one,
   * past days' in another), with the memory each heap may take; without it
   * they are built in the service's own thread.
   */
  worker?: { stores: StoreConfig; memoryMb: number };
  /**
   * Past days, back from yesterday, whose overview is computed ahead and kept
   * (default 0: each computed when first asked, then kept), in a worker of
   * their own; only where the boards have a worker, never in this thread.
   */
  keptDays?: number;
  /** How often the days just over are kept (default hourly). */
  closeEveryMs?: number;
  /**
   * How long the past days' worker stays without a past day asked before it
   * ends, and the days it keeps with it (default, and 0: it stays).
   */
  pastIdleMs?: number;
}

type Built<N extends BoardName> = ReturnType<(typeof boardBuilders)[N]>;

/** Positions the read models may lag the log by at start for the boards to load today's documents first. */
const warmLag = 10_000;

/** Whether the projector's checkpoint is within `warmLag` events of the log's end. */
const nearTheEnd = async (deps: ServiceDeps): Promise<boolean> => {
  const [checkpoint, end] = await Promise.all([
    deps.readModels.getCheckpoint('main'),
    deps.eventStore.lastPosition(),
  ]);
  return end - checkpoint <= warmLag;
};

/**
 * The five boards (钉钉子: 盯责任、盯环节、盯堵点、盯进度、盯实效) and the overview.
 * Each answers for a day: today from the documents held in memory, or `asOf`
 * a past day from the versions the projector keeps; each read and built in a
 * worker thread of its own where workers are configured. No rule lives here: the pure
 * builders compute lights, scores and chains from the documents and the day.
 */
export const createBoardsService = (
  deps: ServiceDeps,
  options: BoardsOptions = {},
): ServiceSchema => {
  const cache = {
    cachedDays: options.cachedDays ?? 4,
    ...(options.cachedDocuments === undefined ? {} : { cachedDocuments: options.cachedDocuments }),
  };
  const stopping = new AbortController();
  // Today's boards and past days' each in a worker of their own (today's
  // keeps no past day); in this thread, one compute does both.
  // Each worker keeps at most `cachedDocuments` of the stored documents past
  // days' lists are restored from; today's and the closer's keep one day.
  const oneDay = { ...cache, cachedDays: 1 };
  const compute: BoardsCompute = options.worker
    ? boardsComputeByDay(
        boardsComputeInWorker({ ...options.worker, ...oneDay, name: 'boards-today' }),
        boardsComputeInWorker({
          ...options.worker,
          ...cache,
          name: 'boards-past',
          ...(options.pastIdleMs ? { idleMs: options.pastIdleMs } : {}),
        }),
      )
    : createBoardsCompute({
        eventStore: deps.eventStore,
        readModels: deps.readModels,
        ...cache,
        signal: stopping.signal,
      });
  const source = createBoardSource({ readModels: deps.readModels, clock: deps.clock, compute });
  // Its own worker, at the lowest CPU priority: a long pass over the log holds
  // up neither the boards asked meanwhile nor this thread, nor takes a core
  // from them under load; without workers, nothing is kept ahead.
  const closing: BoardsCompute | null = options.worker
    ? boardsComputeInWorker({
        ...options.worker,
        ...oneDay,
        background: true,
        name: 'boards-closer',
        // It ends once its run has: else the stored documents it read and the
        // heap its pass grew would stay held until the next run, an hour
        // later, for a day that closes once a day.
        idleMs: 0,
      })
    : null;
  const keptDays = closing ? (options.keptDays ?? 0) : 0;
  let closeTimer: NodeJS.Timeout | undefined;

  type Asked<N extends BoardName> = BoardQuery<N> & { asOf?: string | null | undefined };
  const board = <N extends BoardName>(name: N, schema: z.ZodType<Asked<N>>) =>
    guarded(name, async (ctx): Promise<Built<N>> => {
      const query = parseInput(schema, ctx.params);
      return compute.board(name, query, source.dayOfBoard(query.asOf));
    });

  type Settled = 'responsibilityBoard' | 'unitDeductions' | 'unitFailedTasks';
  /**
   * A board of the responsibility kind: of a day, or, given a closed period, of
   * its settlement (the board of the period's last day, the period closed).
   */
  const settledOrOfDay = <N extends Settled>(
    name: N,
    schema: z.ZodType<Asked<N> & { period?: string | null | undefined }>,
  ) =>
    guarded(name, async (ctx): Promise<Built<N>> => {
      const { period, ...query } = parseInput(schema, ctx.params);
      if (!period) return compute.board(name, query as Asked<N>, source.dayOfBoard(query.asOf));
      const settlement = await settlementOf(deps.eventStore, period);
      const on = source.dayOfBoard(settlement.to);
      return compute.board(name, { ...query, settlement } as Asked<N>, on);
    });

  let warming: Promise<void> = Promise.resolve();
  let closed: () => Promise<void> = async () => {};

  return {
    name: 'boards',
    async started() {
      // Over read models near the log's end, today's documents are loaded
      // before the service is offered (the node is not ready until then), so
      // no board waits for them. Far behind, the projector's catch-up comes
      // first (/readyz says how far it is) and they are loaded beside it. The
      // chart's month ends, which may take a pass over the log, are got ready
      // beside. Only a head start: the first board that needs one tries again.
      const documents = source.warm().catch((error: unknown) => {
        this.logger.warn("today's board documents not loaded at start", error);
      });
      if (await nearTheEnd(deps).catch(() => false)) await documents;
      warming = Promise.all([
        documents,
        source.warmChart().catch((error: unknown) => {
          this.logger.debug('overview chart not warmed', error);
        }),
      ]).then(() => undefined);
      const closer = createDayCloser({
        readModels: deps.readModels,
        today: source.today,
        close: (days) => closing?.closeDays(days) ?? Promise.resolve(0),
        keptDays,
        failed: (error) => {
          if (!stopping.signal.aborted) this.logger.warn('past days not kept ahead', error);
        },
      });
      if (keptDays > 0) {
        // Beside the warming, not after it.
        void closer.run();
        closeTimer = setInterval(closer.run, options.closeEveryMs ?? 3_600_000);
        closeTimer.unref();
      }
      closed = closer.settled;
    },
    async stopped() {
      clearInterval(closeTimer);
      stopping.abort();
      await warming;
      await closing?.close();
      await compute.close();
      await closed();
    },
    actions: {
      responsibilityBoard: settledOrOfDay('responsibilityBoard', responsibilityBoardInput),
      stageBoard: board('stageBoard', stageBoardInput),
      blockageBoard: board('blockageBoard', blockageBoardInput),
      progressBoard: board('progressBoard', progressBoardInput),
      resultsBoard: board('resultsBoard', resultsBoardInput),
      unitDeductions: settledOrOfDay('unitDeductions', unitItemsInput),
      unitFailedTasks: settledOrOfDay('unitFailedTasks', unitItemsInput),
      officialTasks: board('officialTasks', officialItemsInput),
      officialRecords: board('officialRecords', officialItemsInput),
      overview: guarded('overview', async (ctx) => {
        const query = parseInput(overviewInput, ctx.params);
        const on = source.dayOfBoard(query.asOf);
        const earlier = await source.lightsOn(seriesDays(on.day).slice(0, -1));
        return compute.overview(query, on, earlier);
      }),
    },
  };
};
