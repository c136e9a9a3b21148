import { createClockRunner } from '../../services/supervision/clock/runner.ts';

/** A run that ends when the test says so. */
const gate = () => {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
};

describe('runs of the clock in one process', () => {
  it('never overlap: a run asked for during another starts after it', async () => {
    const runner = createClockRunner(0, async () => undefined);
    const order: string[] = [];
    const first = gate();
    const one = runner.exclusive(async () => {
      order.push('first started');
      await first.opened;
      order.push('first ended');
    });
    const two = runner.exclusive(async () => {
      order.push('second started');
    });
    await Promise.resolve();
    expect(order).toEqual(['first started']);
    first.open();
    await Promise.all([one, two]);
    expect(order).toEqual(['first started', 'first ended', 'second started']);
  });

  it('go on after a run that failed, and hand the failure to its caller', async () => {
    const runner = createClockRunner(0, async () => undefined);
    const failed = runner.exclusive(async () => {
      throw new Error('store closed');
    });
    await expect(failed).rejects.toThrow('store closed');
    await expect(runner.exclusive(async () => 'ran')).resolves.toBe('ran');
  });

  it('stop: the runner reports stopping and waits for the run in progress', async () => {
    const runner = createClockRunner(0, async () => undefined);
    const running = gate();
    let ended = false;
    void runner.exclusive(async () => {
      await running.opened;
      ended = true;
    });
    expect(runner.stopping()).toBe(false);
    const stopped = runner.stop();
    expect(runner.stopping()).toBe(true);
    running.open();
    await stopped;
    expect(ended).toBe(true);
  });
});

describe('the schedule of the clock', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once per interval, the first one interval after start', async () => {
    let runs = 0;
    const runner = createClockRunner(1000, async () => {
      runs += 1;
    });
    runner.start();
    await jest.advanceTimersByTimeAsync(999);
    expect(runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toBe(1);
    await jest.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(3);
    await runner.stop();
  });

  it('keeps no schedule at interval 0', async () => {
    let runs = 0;
    const runner = createClockRunner(0, async () => {
      runs += 1;
    });
    runner.start();
    await jest.advanceTimersByTimeAsync(86_400_000);
    expect(runs).toBe(0);
    await runner.stop();
  });

  it('runs no more once stopped', async () => {
    let runs = 0;
    const runner = createClockRunner(1000, async () => {
      runs += 1;
    });
    runner.start();
    await jest.advanceTimersByTimeAsync(1000);
    await runner.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(1);
  });
});
