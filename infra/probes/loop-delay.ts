import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How long this thread's event loop was held up, in milliseconds. */
export interface LoopDelay {
  /** The length of a window, in seconds. */
  windowSeconds: number;
  /** The last whole window (numbered from 1): the 99th percentile and the longest delay; null in the first. */
  lastWindow: { number: number; p99Ms: number; maxMs: number } | null;
  /** The window under way: the longest delay so far. */
  thisWindowMaxMs: number;
}

const ms = (nanoseconds: number) => Math.round(nanoseconds / 1e5) / 10;

/**
 * Watches this thread's event loop (sampled every 10 ms), in windows of
 * `windowSeconds`: how long the loop was held up, the last whole window and
 * the one under way, so an operator, or a benchmark, can tell a server that
 * blocks from one that is only busy. Its timer keeps nothing alive.
 */
export const watchLoopDelay = (windowSeconds: number) => {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let lastWindow: LoopDelay['lastWindow'] = null;
  const roll = setInterval(() => {
    const number = (lastWindow?.number ?? 0) + 1;
    lastWindow = { number, p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
    histogram.reset();
  }, windowSeconds * 1000);
  roll.unref();
  return {
    read: (): LoopDelay => ({
      windowSeconds,
      lastWindow,
      thisWindowMaxMs: histogram.count > 0 ? ms(histogram.max) : 0,
    }),
    stop() {
      clearInterval(roll);
      histogram.disable();
    },
  };
};

let watched: ReturnType<typeof watchLoopDelay> | null = null;

/** This process's event loop, watched from the first call on, in windows of 10 seconds. */
export const processLoopDelay = (): LoopDelay => {
  watched ??= watchLoopDelay(10);
  return watched.read();
};
