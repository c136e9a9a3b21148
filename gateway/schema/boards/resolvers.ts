import { query } from '../forward.ts';

/** Resolvers of the boards area: each query forwards its arguments, as given, to one action. */
export const boardResolvers = {
  Query: {
    responsibilityBoard: query('boards.responsibilityBoard'),
    stageBoard: query('boards.stageBoard'),
    blockageBoard: query('boards.blockageBoard'),
    progressBoard: query('boards.progressBoard'),
    resultsBoard: query('boards.resultsBoard'),
    overview: query('boards.overview'),
  },
};
