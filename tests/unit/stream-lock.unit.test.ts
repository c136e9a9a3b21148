import { createStreamLock } from '../../services/shared/stream-lock.ts';

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

const deferred = <T = void>(): Deferred<T> => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** Lets every pending promise callback run. */
const settle = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** A job that logs its start and end and finishes when its gate opens. */
const gated =
  <T>(log: string[], name: string, gate: Deferred<T>) =>
  async (): Promise<T> => {
    log.push(`${name} start`);
    try {
      return await gate.promise;
    } finally {
      log.push(`${name} end`);
    }
  };

describe('work for one stream', () => {
  it('runs one job at a time in arrival order', async () => {
    const lock = createStreamLock();
    const log: string[] = [];
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()] as const;
    const results = [
      lock('task-1', gated(log, 'a', gates[0])),
      lock('task-1', gated(log, 'b', gates[1])),
      lock('task-1', gated(log, 'c', gates[2])),
    ];
    await settle();
    expect(log).toEqual(['a start']);

    gates[1].resolve('b');
    await settle();
    expect(log).toEqual(['a start']);

    gates[0].resolve('a');
    await settle();
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start']);

    gates[2].resolve('c');
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });

  it('arriving after the stream fell idle runs at once', async () => {
    const lock = createStreamLock();
    await expect(lock('task-1', async () => 'first')).resolves.toBe('first');
    const log: string[] = [];
    const gate = deferred<string>();
    const result = lock('task-1', gated(log, 'second', gate));
    await settle();
    expect(log).toEqual(['second start']);
    gate.resolve('second');
    await expect(result).resolves.toBe('second');
  });
});

describe('work for different streams', () => {
  it('runs concurrently', async () => {
    const lock = createStreamLock();
    const log: string[] = [];
    const gateOne = deferred<string>();
    const gateTwo = deferred<string>();
    const one = lock('task-1', gated(log, 'one', gateOne));
    const two = lock('task-2', gated(log, 'two', gateTwo));
    await settle();
    expect(log).toEqual(['one start', 'two start']);

    gateTwo.resolve('two');
    await expect(two).resolves.toBe('two');
    expect(log).toEqual(['one start', 'two start', 'two end']);

    gateOne.resolve('one');
    await expect(one).resolves.toBe('one');
  });

  it('keeps each stream in its own order', async () => {
    const lock = createStreamLock();
    const log: string[] = [];
    const gates = [deferred(), deferred(), deferred(), deferred()] as const;
    const all = Promise.all([
      lock('task-1', gated(log, '1a', gates[0])),
      lock('task-2', gated(log, '2a', gates[1])),
      lock('task-1', gated(log, '1b', gates[2])),
      lock('task-2', gated(log, '2b', gates[3])),
    ]);
    await settle();
    expect(log).toEqual(['1a start', '2a start']);

    gates[1].resolve();
    await settle();
    expect(log).toEqual(['1a start', '2a start', '2a end', '2b start']);

    for (const gate of gates) gate.resolve();
    await all;
    expect(log.indexOf('1b start')).toBeGreaterThan(log.indexOf('1a end'));
  });
});

describe('a failing job', () => {
  it('does not block the next job of its stream', async () => {
    const lock = createStreamLock();
    const log: string[] = [];
    const failing = deferred<string>();
    const next = deferred<string>();
    const first = lock('task-1', gated(log, 'failing', failing));
    const second = lock('task-1', gated(log, 'next', next));
    first.catch(() => undefined);
    await settle();
    expect(log).toEqual(['failing start']);

    failing.reject(new Error('conflict'));
    await settle();
    expect(log).toEqual(['failing start', 'failing end', 'next start']);

    next.resolve('done');
    await expect(first).rejects.toThrow('conflict');
    await expect(second).resolves.toBe('done');
  });

  it('that throws before returning a promise does not block the next job either', async () => {
    const lock = createStreamLock();
    const throwing = (): Promise<string> => {
      throw new Error('thrown at once');
    };
    const first = lock('task-1', throwing);
    const second = lock('task-1', async () => 'after');
    await expect(first).rejects.toThrow('thrown at once');
    await expect(second).resolves.toBe('after');
  });
});

describe('results and errors', () => {
  it('reach the caller whose job produced them', async () => {
    const lock = createStreamLock();
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()] as const;
    const one = lock('task-1', () => gates[0].promise);
    const two = lock('task-1', () => gates[1].promise);
    const three = lock('task-1', () => gates[2].promise);
    two.catch(() => undefined);

    gates[2].resolve('three');
    gates[1].reject(new Error('two failed'));
    gates[0].resolve('one');

    await expect(one).resolves.toBe('one');
    await expect(two).rejects.toThrow('two failed');
    await expect(three).resolves.toBe('three');
  });
});
