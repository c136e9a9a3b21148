/**
 * Runs work for one stream at a time within this process. Optimistic concurrency
 * still guards the store across processes; this only keeps commands of one
 * process from racing each other into avoidable conflicts.
 */
export const createStreamLock = () => {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(streamId: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(streamId) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(streamId, tail);
    try {
      return await run;
    } finally {
      if (tails.get(streamId) === tail) tails.delete(streamId);
    }
  };
};

export type StreamLock = ReturnType<typeof createStreamLock>;
