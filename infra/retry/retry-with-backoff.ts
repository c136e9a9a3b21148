export interface RetryWithBackoffOptions {
  /** One try; throws why it failed. */
  attempt: () => Promise<void>;
  /** The failure as one line that names the setting to look at. */
  explain: (error: unknown) => string;
  logger: { info(message: string): void; error(message: string): void };
  /** Aborted when the process stops while still trying. */
  signal: AbortSignal;
  /** Logged once the attempt succeeds after failing. */
  recovered: string;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** A number in [0, 1) that spreads the pauses; Math.random unless a test needs them known. */
  random?: () => number;
}

/**
 * The pause after the `attempt`-th failure: between half and all of the doubled
 * ceiling ("equal jitter", AWS's "Exponential Backoff and Jitter"). Nodes that
 * lost the same server at once then come back at different moments instead of
 * in lockstep, and each still waits at least half the ceiling, so a server
 * that stays away is not asked (nor logged about) in a burst.
 */
export const backoffDelay = (
  attempt: number,
  firstMs: number,
  maxMs: number,
  random: () => number,
): number => {
  const ceiling = Math.min(maxMs, firstMs * 2 ** (attempt - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
};

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Tries until `attempt` succeeds: each failure logs one line (why, and when the
 * next try comes), then waits about twice as long as before, up to `maxDelayMs`
 * (see `backoffDelay`). A
 * server that is not there yet keeps the process up and not ready, instead of
 * crash-looping. Answers false when stopped while trying.
 */
export const retryWithBackoff = async (options: RetryWithBackoffOptions): Promise<boolean> => {
  const first = options.firstDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const random = options.random ?? Math.random;
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    try {
      await options.attempt();
      if (attempt > 1) options.logger.info(options.recovered);
      return true;
    } catch (error) {
      const delay = backoffDelay(attempt, first, max, random);
      options.logger.error(
        `${options.explain(error)}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})`,
      );
      await sleep(delay, options.signal);
    }
  }
  return false;
};
