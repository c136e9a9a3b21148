/** Small helpers for the benchmark: percentiles and fixed-width output. */
export const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
};

/** Milliseconds as a figure: three decimals under one, one above. */
export const ms = (value: number): string => `${value.toFixed(value < 1 ? 3 : 1)} ms`;

/** p50 and p99 of latency samples, in milliseconds. */
export const latencies = (samples: readonly number[]): string => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 50))}  p99 ${ms(percentile(sorted, 99))}`;
};

export const rate = (count: number, milliseconds: number): number =>
  Math.round((count * 1000) / milliseconds);

export const line = (label: string, value: string): void => {
  process.stdout.write(`${label.padEnd(58)} ${value}\n`);
};

/** Runs `work` from `concurrency` loops until `durationMs` has passed; returns how many finished. */
export const runFor = async (
  durationMs: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<{ count: number; elapsedMs: number }> => {
  const started = performance.now();
  let count = 0;
  let next = 0;
  const loop = async () => {
    while (performance.now() - started < durationMs) {
      await work(next++);
      count++;
      // Real requests arrive as I/O: give the event loop its turn, as they would.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { count, elapsedMs: performance.now() - started };
};

/**
 * Starts `work` at a steady `perSecond` for `durationMs`, at most `concurrency`
 * at once; returns how many finished. Used where a figure is asked "at a rate".
 */
export const runAtRate = async (
  durationMs: number,
  perSecond: number,
  concurrency: number,
  work: (index: number) => Promise<void>,
): Promise<{ count: number; elapsedMs: number }> => {
  const started = performance.now();
  const total = Math.floor((durationMs / 1000) * perSecond);
  let count = 0;
  let next = 0;
  const loop = async () => {
    while (next < total) {
      const index = next++;
      const due = started + (index * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      await work(index);
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { count, elapsedMs: performance.now() - started };
};
