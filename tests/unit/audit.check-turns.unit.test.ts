import { createCheckTurns } from '../../services/audit/check-turns.ts';

/** A check that ends when told to, recording where each started and how many ran at once. */
const controlledChecks = () => {
  const started: number[] = [];
  const ends: (() => void)[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const checkFrom = (from: number) =>
    new Promise<void>((resolve) => {
      started.push(from);
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      ends.push(() => {
        running -= 1;
        resolve();
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { started, ends, checkFrom, settle, mostAtOnce: () => mostAtOnce };
};

describe('the stored log checks, one at a time', () => {
  it('a tick during the start-up check of the whole log waits, then checks only what was indexed after it', async () => {
    const checks = controlledChecks();
    let checkedUpTo = 0;
    const inTurn = createCheckTurns(async (from) => {
      await checks.checkFrom(from);
      checkedUpTo = 1_000_000;
    }, new AbortController().signal);
    const whole = inTurn(() => 1);
    const tick = inTurn(() => checkedUpTo + 1);
    await checks.settle();
    expect(checks.started).toEqual([1]);
    checks.ends[0]?.();
    await whole;
    await checks.settle();
    expect(checks.started).toEqual([1, 1_000_001]);
    checks.ends[1]?.();
    await tick;
    expect(checks.mostAtOnce()).toBe(1);
  });

  it('a check that fails does not stop the next, which starts from where the last one that passed ended', async () => {
    let checkedUpTo = 0;
    const started: number[] = [];
    const inTurn = createCheckTurns(async (from) => {
      started.push(from);
      if (started.length === 1) throw new Error('the worker could not open the log');
      checkedUpTo = 500;
    }, new AbortController().signal);
    await expect(inTurn(() => 1)).rejects.toThrow('could not open the log');
    await inTurn(() => checkedUpTo + 1);
    await inTurn(() => checkedUpTo + 1);
    expect(started).toEqual([1, 1, 501]);
  });

  it('starts no check that was waiting once the service stops', async () => {
    const checks = controlledChecks();
    const stopping = new AbortController();
    const inTurn = createCheckTurns(checks.checkFrom, stopping.signal);
    const whole = inTurn(() => 1);
    const tick = inTurn(() => 1_000_001);
    await checks.settle();
    stopping.abort();
    checks.ends[0]?.();
    await whole;
    await checks.settle();
    expect(checks.started).toEqual([1]);
    await tick;
  });
});
