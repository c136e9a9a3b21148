/** How retries spread out: the first delay, and the most any one waits. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const backoffDefaults: BackoffPolicy = { baseMs: 1_000, capMs: 10 * 60_000 };

/**
 * The delay before the next attempt after `attempts` failures: "full jitter"
 * (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniformly random
 * between 0 and min(cap, base·2^(attempts−1)), so many notifications failing
 * together (a channel down) do not come back all at once. `random` is in [0, 1).
 */
export const retryDelayMs = (attempts: number, random: number, policy = backoffDefaults) => {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.floor(Math.min(Math.max(random, 0), 1) * ceiling);
};

/**
 * Whether the failure at `attempts` is recorded as a fact: the first one, then
 * every `every`-th, so the office sees a failing channel while the log does not
 * fill up with one event per attempt.
 */
export const failureRecorded = (attempts: number, every: number): boolean =>
  attempts === 1 || (every > 0 && attempts % every === 0);
