/** Serialises the clock's runs in one process and keeps its schedule. */
export interface ClockRunner {
  /** Runs `work` after every run queued before it: runs of one process never overlap. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** True once `stop` was called: a run in progress ends before its next command. */
  stopping(): boolean;
  /** Starts the schedule: a run every `intervalMs`, the first one interval after start. */
  start(): void;
  /** Ends the schedule and waits for the runs queued so far. */
  stop(): Promise<void>;
}

/**
 * `intervalMs` 0 keeps no schedule (runs on demand only). The first scheduled
 * run waits one interval, so a restart never sets off a burst of facts before
 * the system is up; the clock's facts are per day, so an interval late is on time.
 * The next run is timed from the end of the last, so slow runs never pile up.
 */
export const createClockRunner = (
  intervalMs: number,
  scheduled: () => Promise<unknown>,
): ClockRunner => {
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const schedule = () => {
    timer = setTimeout(async () => {
      await exclusive(scheduled).catch(() => undefined);
      if (!stopped) schedule();
    }, intervalMs);
  };

  return {
    exclusive,
    stopping: () => stopped,
    start() {
      if (intervalMs > 0 && !stopped) schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await queue;
    },
  };
};
