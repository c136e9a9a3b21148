import type { ServiceSchema } from 'moleculer';
import type { z } from 'zod';
import type { Operation } from '../../contracts/permissions.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { parseInput } from '../shared/validate.ts';
import { createBoardSource } from './board-source.ts';
import { buildBlockageBoard } from './build/blockage-board.ts';
import type { BoardInput } from './build/input.ts';
import { buildOverview, seriesDays } from './build/overview.ts';
import { buildProgressBoard } from './build/progress-board.ts';
import { buildResponsibilityBoard } from './build/responsibility-board.ts';
import { buildResultsBoard } from './build/results-board.ts';
import { buildStageBoard } from './build/stage-board.ts';
import {
  blockageBoardInput,
  overviewInput,
  progressBoardInput,
  responsibilityBoardInput,
  resultsBoardInput,
  stageBoardInput,
} from './inputs.ts';

/** Tuning of the boards service. */
export interface BoardsOptions {
  /** Past days whose replayed documents stay in memory (default 4). */
  cachedDays?: number;
}

/**
 * The five boards (钉钉子: 盯责任、盯环节、盯堵点、盯进度、盯实效) and the overview.
 * Each answers for a day: today from the read models, or `asOf` a past day
 * rebuilt from the events recorded by its end. No rule lives here: the pure
 * builders compute lights, scores and chains from the documents and the day.
 */
export const createBoardsService = (
  deps: ServiceDeps,
  options: BoardsOptions = {},
): ServiceSchema => {
  const source = createBoardSource({
    eventStore: deps.eventStore,
    readModels: deps.readModels,
    clock: deps.clock,
    ...(options.cachedDays === undefined ? {} : { cachedDays: options.cachedDays }),
  });

  const board = <S extends z.ZodType<{ asOf?: string | null | undefined }>, R>(
    operation: Operation,
    schema: S,
    build: (input: BoardInput, query: z.output<S>) => R,
  ) =>
    guarded(operation, async (ctx) => {
      const query = parseInput(schema, ctx.params);
      const [input] = await source.inputs([source.dayOfBoard(query.asOf)]);
      return build(input as BoardInput, query);
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
      await warming;
    },
    actions: {
      responsibilityBoard: board(
        'responsibilityBoard',
        responsibilityBoardInput,
        buildResponsibilityBoard,
      ),
      stageBoard: board('stageBoard', stageBoardInput, buildStageBoard),
      blockageBoard: board('blockageBoard', blockageBoardInput, buildBlockageBoard),
      progressBoard: board('progressBoard', progressBoardInput, buildProgressBoard),
      resultsBoard: board('resultsBoard', resultsBoardInput, buildResultsBoard),
      overview: guarded('overview', async (ctx) => {
        const query = parseInput(overviewInput, ctx.params);
        const days = seriesDays(source.dayOfBoard(query.asOf));
        const [[input], earlier] = await Promise.all([
          source.inputs(days.slice(-1)),
          source.lightsOn(days.slice(0, -1)),
        ]);
        return buildOverview(input as BoardInput, earlier, query);
      }),
    },
  };
};
