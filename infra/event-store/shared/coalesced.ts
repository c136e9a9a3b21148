/**
 * Wraps `work` so that concurrent callers share runs. A caller always gets a run
 * that starts after its call: while one run is going, every caller that arrives
 * shares the single run that follows it (the one going may have started too early
 * to see what they are waiting for). A failed run fails its callers only.
 */
export function coalesced(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const start = (): Promise<void> => {
    const run = work().finally(() => {
      if (running === run) running = undefined;
    });
    running = run;
    return run;
  };

  return () => {
    if (running === undefined) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };
}
