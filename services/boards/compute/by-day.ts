import type { BoardsCompute } from './boards-compute.ts';

/**
 * Today's boards built by `today`, past days' (and the chart's lights of past
 * days) by `past`: where each is a worker of its own, a past day read and
 * judged for the first time (every document of that day) holds up no board of
 * today, and the past days kept in memory are not in the heap today's boards
 * are collected in. The same compute may be given for both.
 */
export const boardsComputeByDay = (today: BoardsCompute, past: BoardsCompute): BoardsCompute => ({
  board: (name, query, on) => (on.today ? today : past).board(name, query, on),
  overview: (query, on, earlier) => (on.today ? today : past).overview(query, on, earlier),
  lights: (days) => past.lights(days),
  closeDays: (days) => past.closeDays(days),
  warm: (day) => today.warm(day),
  async close() {
    await Promise.all(today === past ? [today.close()] : [today.close(), past.close()]);
  },
});
