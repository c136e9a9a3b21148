/** The answer to one request: go ahead, or wait this many seconds. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiterOptions {
  /** Sustained requests per minute per key; also the burst a quiet key may spend at once. */
  perMinute: number;
  /** Milliseconds of a monotonic-enough clock; injected by tests. */
  now?: () => number;
  /** Keys remembered at most; the least recently seen is forgotten first. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per key (an actor, or a client address): it holds up to a
 * minute's allowance and refills continuously, so a steady client at the limit
 * is never refused and a burst is refused only once the bucket is empty.
 */
export const createRateLimiter = (options: RateLimiterOptions) => {
  const capacity = options.perMinute;
  const perMs = options.perMinute / 60_000;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, Bucket>();

  const refilled = (key: string, at: number): Bucket => {
    const bucket = buckets.get(key);
    if (!bucket) return { tokens: capacity, at };
    const elapsed = Math.max(0, at - bucket.at);
    return { tokens: Math.min(capacity, bucket.tokens + elapsed * perMs), at };
  };

  /** Re-inserting keeps the map in least-recently-seen order, so eviction takes the first. */
  const remember = (key: string, bucket: Bucket): void => {
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value ?? key);
  };

  const wait = (bucket: Bucket, cost: number): RateDecision => ({
    allowed: false,
    retryAfterSeconds: Math.ceil((Math.min(cost, capacity) - bucket.tokens) / perMs / 1000),
  });

  return {
    /** Spends `cost` (1 by default) from the key's bucket, or refuses and spends nothing. */
    take(key: string, cost = 1): RateDecision {
      const bucket = refilled(key, now());
      if (bucket.tokens >= cost) {
        remember(key, { ...bucket, tokens: bucket.tokens - cost });
        return { allowed: true };
      }
      remember(key, bucket);
      return wait(bucket, cost);
    },
    /** Whether the key could spend one now, spending nothing. */
    peek(key: string): RateDecision {
      const bucket = refilled(key, now());
      return bucket.tokens >= 1 ? { allowed: true } : wait(bucket, 1);
    },
    /** How many keys are remembered (for tests of the bound). */
    size: (): number => buckets.size,
  };
};

export type RateLimiter = ReturnType<typeof createRateLimiter>;
