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
}

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
 * next try comes), then waits twice as long as before, up to `maxDelayMs`. A
 * server that is not there yet keeps the process up and not ready, instead of
 * crash-looping. Answers false when stopped while trying.
 */
export const retryWithBackoff = async (options: RetryWithBackoffOptions): Promise<boolean> => {
  const first = options.firstDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  for (let attempt = 1; !options.signal.aborted; attempt++) {
    try {
      await options.attempt();
      if (attempt > 1) options.logger.info(options.recovered);
      return true;
    } catch (error) {
      const delay = Math.min(max, first * 2 ** (attempt - 1));
      options.logger.error(
        `${options.explain(error)}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt})`,
      );
      await sleep(delay, options.signal);
    }
  }
  return false;
};
