import { watchLoopDelay } from '../../infra/probes/loop-delay.ts';

/** Holds this thread's event loop for `ms` milliseconds. */
const block = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy: no timer runs meanwhile.
  }
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the event loop watched in windows', () => {
  it('says how long the loop was held up in the window under way, then in the last whole one', async () => {
    const watch = watchLoopDelay(1);
    try {
      expect(watch.read().lastWindow).toBeNull();
      await pause(50);
      block(150);
      await pause(30);
      const now = watch.read();
      expect(now.windowSeconds).toBe(1);
      expect(now.thisWindowMaxMs).toBeGreaterThanOrEqual(140);
      await pause(1100);
      const later = watch.read();
      // The first window, which held the block.
      expect(later.lastWindow?.number).toBe(1);
      expect(later.lastWindow?.maxMs).toBeGreaterThanOrEqual(140);
      expect(later.lastWindow?.p99Ms).toBeLessThanOrEqual(later.lastWindow?.maxMs ?? 0);
    } finally {
      watch.stop();
    }
  });
});
