import type { ServiceSchema } from 'moleculer';
import type { z } from 'zod';
import type { StoreConfig } from '../../infra/stores/stores.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import { createBoardSource } from './board-source.ts';
import type { BoardInput } from './build/input.ts';
import { buildOverview, seriesDays } from './build/overview.ts';
import {
  blockageBoardInput,
  overviewInput,
  progressBoardInput,
  responsibilityBoardInput,
  resultsBoardInput,
  stageBoardInput,
} from './inputs.ts';
import {
  type BoardName,
  type BoardQuery,
  boardBuilders,
  createPastDays,
  type PastDays,
} from './past/past-days.ts';
import { pastDaysInWorker } from './past/past-worker.ts';

/** Tuning of the boards service. */
export interface BoardsOptions {
  /** Past days whose documents stay in memory (default 4). */
  cachedDays?: number;
  /**
   * Where to read past days in a worker thread, with the memory its heap may
   * take; without it they are read in the service's own thread.
   */
  worker?: { stores: StoreConfig; memoryMb: number };
}

type Built<N extends BoardName> = ReturnType<(typeof boardBuilders)[N]>;

/**
 * The five boards (钉钉子: 盯责任、盯环节、盯堵点、盯进度、盯实效) and the overview.
 * Each answers for a day: today from the documents held in memory, or `asOf`
 * a past day from the versions the projector keeps, read and built in a worker
 * thread where one is configured. No rule lives here: the pure builders
 * compute lights, scores and chains from the documents and the day.
 */
export const createBoardsService = (
  deps: ServiceDeps,
  options: BoardsOptions = {},
): ServiceSchema => {
  const cachedDays = options.cachedDays ?? 4;
  const stopping = new AbortController();
  const past: PastDays = options.worker
    ? pastDaysInWorker({ ...options.worker, cachedDays })
    : createPastDays({
        eventStore: deps.eventStore,
        readModels: deps.readModels,
        cachedDays,
        signal: stopping.signal,
      });
  const source = createBoardSource({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    clock: deps.clock,
    past,
  });

  type Asked<N extends BoardName> = BoardQuery<N> & { asOf?: string | null | undefined };
  const board = <N extends BoardName>(name: N, schema: z.ZodType<Asked<N>>) =>
    guarded(name, async (ctx): Promise<Built<N>> => {
      const query = parseInput(schema, ctx.params);
      const day = source.dayOfBoard(query.asOf);
      if (day !== source.today()) return past.board(name, query, day);
      const build = boardBuilders[name] as (input: BoardInput, query: BoardQuery<N>) => Built<N>;
      return build(await source.liveInput(day), query);
    });

  let warming: Promise<void> = Promise.resolve();

  return {
    name: 'boards',
    started() {
      warming = source.warm().catch((error: unknown) => {
        // Only a head start: the first board that needs it tries again.
        this.logger.debug('boards not warmed', error);
      });
    },
    async stopped() {
      source.stop();
      stopping.abort();
      await warming;
      await past.close();
    },
    actions: {
      responsibilityBoard: board('responsibilityBoard', responsibilityBoardInput),
      stageBoard: board('stageBoard', stageBoardInput),
      blockageBoard: board('blockageBoard', blockageBoardInput),
      progressBoard: board('progressBoard', progressBoardInput),
      resultsBoard: board('resultsBoard', resultsBoardInput),
      overview: guarded('overview', async (ctx) => {
        const query = parseInput(overviewInput, ctx.params);
        const days = seriesDays(source.dayOfBoard(query.asOf));
        const day = days.at(-1) as string;
        const earlier = source.lightsOn(days.slice(0, -1));
        if (day !== source.today()) return past.overview(query, day, await earlier);
        const [input, lights] = await Promise.all([source.liveInput(day), earlier]);
        return buildOverview(input, lights, query);
      }),
    },
  };
};
