import type { EventStore } from '../../../infra/event-store/port.ts';
import type { ReadModelStore } from '../../../infra/read-model-store/port.ts';
import { createDayCloser } from '../as-of/day-closer.ts';
import { type BoardsCompute, createBoardsCompute } from './boards-compute.ts';

/** The stores, today (China Standard Time, by the clock the nodes run on) and how many days back a node keeps. */
export interface KeepPastDaysOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  today: string;
  /** BOARDS_KEPT_DAYS: the last so many days up to yesterday (0: none). */
  keptDays: number;
  /** Where the days are computed (a worker, its memory bounded); absent, in this thread. The caller closes it. */
  compute?: BoardsCompute;
}

/**
 * Computes and keeps the overviews of the past days a node's closer keeps
 * ahead (see `createDayCloser`): the same days, the same digests, in one pass
 * over the log, by `compute` (else in this thread). Run offline after a rebuild, which clears them
 * with the rest, so a node started on the rebuilt read models finds them kept
 * instead of making that pass while it serves. Answers the days it computed;
 * a failure is thrown, nothing half kept is wrong (each day is kept whole or
 * not at all).
 */
export const keepPastDays = async (options: KeepPastDaysOptions): Promise<number> => {
  const compute =
    options.compute ??
    createBoardsCompute({ eventStore: options.eventStore, readModels: options.readModels });
  const failures: unknown[] = [];
  const closer = createDayCloser({
    readModels: options.readModels,
    today: () => options.today,
    close: (days) => compute.closeDays(days),
    keptDays: options.keptDays,
    failed: (error) => failures.push(error),
  });
  try {
    const computed = await closer.run();
    if (failures.length > 0) throw failures[0];
    return computed;
  } finally {
    if (options.compute === undefined) await compute.close();
  }
};

/**
 * `keepPastDays` as `npm run rebuild` runs it, by `options.compute` (a worker
 * thread, which keeps nothing alive by itself: this thread is held open while
 * it works), closed after. A failure (a pass that outgrows the worker's heap,
 * a store it cannot open) is told to `warn` and leaves the days to the nodes,
 * which compute them when they start: answers null. Otherwise, the days kept.
 */
export const keepPastDaysOrLeave = async (
  options: KeepPastDaysOptions & { compute: BoardsCompute },
  warn: (message: string) => void,
): Promise<number | null> => {
  const waiting = setInterval(() => {}, 60_000);
  try {
    return await keepPastDays(options);
  } catch (error) {
    warn(
      `the past days' overviews were not kept (${(error as Error).message}); ` +
        'the nodes compute them when they start',
    );
    return null;
  } finally {
    clearInterval(waiting);
    await options.compute.close();
  }
};
