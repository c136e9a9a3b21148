/** Small helpers for the benchmark: percentiles and fixed-width output. */
export const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
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
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { count, elapsedMs: performance.now() - started };
};
