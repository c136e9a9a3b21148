import { backoffDelay, retryWithBackoff } from '../../infra/retry/retry-with-backoff.ts';
import { explainNatsError } from '../../infra/transport/await-transporter.ts';

/*
 * Start-up waits (for NATS before any lease is asked for, for the stores before
 * the broker starts) go through one retry loop; these pin its log and its pauses.
 */

const recorder = () => {
  const lines: string[] = [];
  return {
    lines,
    info: (line: string) => lines.push(line),
    error: (line: string) => lines.push(line),
  };
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('a server that answers only on the fourth try', () => {
  it('is tried again after 0.5, 1 and 2 s (the shortest pauses from 1 s), one line per failure, then said to be back', async () => {
    const logger = recorder();
    let tries = 0;
    const done = retryWithBackoff({
      attempt: async () => {
        tries += 1;
        if (tries < 4) throw new Error('ECONNREFUSED');
      },
      explain: (error) => `EVENT_STORE_URL=kurrentdb://db:2113: ${(error as Error).message}`,
      recovered: 'the stores answer',
      logger,
      signal: new AbortController().signal,
      firstDelayMs: 1000,
      random: () => 0,
    });
    await jest.advanceTimersByTimeAsync(3500);
    expect(logger.lines).toEqual([
      'EVENT_STORE_URL=kurrentdb://db:2113: ECONNREFUSED; retrying in 0.5 s (attempt 1)',
      'EVENT_STORE_URL=kurrentdb://db:2113: ECONNREFUSED; retrying in 1.0 s (attempt 2)',
      'EVENT_STORE_URL=kurrentdb://db:2113: ECONNREFUSED; retrying in 2.0 s (attempt 3)',
      'the stores answer',
    ]);
    expect(await done).toBe(true);
  });
});

describe('a server that never answers', () => {
  it('is tried no less often than every maxDelayMs, and the wait ends when the process stops', async () => {
    const logger = recorder();
    const stop = new AbortController();
    const done = retryWithBackoff({
      attempt: async () => {
        throw new Error('down');
      },
      explain: () => 'TRANSPORTER=nats://nats:4222: down',
      recovered: 'connected',
      logger,
      signal: stop.signal,
      maxDelayMs: 4000,
      random: () => 0.999_999,
    });
    await jest.advanceTimersByTimeAsync(0.5e3 + 1e3 + 2e3 + 4e3 + 4e3 + 1);
    expect(logger.lines.map((line) => line.replace(/^.*retrying in /, ''))).toEqual([
      '0.5 s (attempt 1)',
      '1.0 s (attempt 2)',
      '2.0 s (attempt 3)',
      '4.0 s (attempt 4)',
      '4.0 s (attempt 5)',
      '4.0 s (attempt 6)',
    ]);
    stop.abort();
    expect(await done).toBe(false);
  });
});

describe('nodes that lost the same server at once', () => {
  const failing = (random?: () => number) => {
    const logger = recorder();
    const stop = new AbortController();
    const done = retryWithBackoff({
      attempt: async () => {
        throw new Error('down');
      },
      explain: () => 'down',
      recovered: 'back',
      logger,
      signal: stop.signal,
      firstDelayMs: 1000,
      ...(random ? { random } : {}),
    });
    return { lines: logger.lines, stop: () => stop.abort(), done };
  };

  it('try again at different moments, not in lockstep', async () => {
    const early = failing(() => 0.2);
    const late = failing(() => 0.8);
    await jest.advanceTimersByTimeAsync(1000);
    expect(early.lines).toEqual([
      'down; retrying in 0.6 s (attempt 1)',
      'down; retrying in 1.2 s (attempt 2)',
    ]);
    expect(late.lines).toEqual([
      'down; retrying in 0.9 s (attempt 1)',
      'down; retrying in 1.8 s (attempt 2)',
    ]);
    early.stop();
    late.stop();
    await Promise.all([early.done, late.done]);
  });

  it('spread by Math.random unless told otherwise', async () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0);
    try {
      const node = failing();
      await jest.advanceTimersByTimeAsync(0);
      expect(node.lines).toEqual(['down; retrying in 0.5 s (attempt 1)']);
      expect(random).toHaveBeenCalled();
      node.stop();
      await node.done;
    } finally {
      random.mockRestore();
    }
  });

  it.each([
    [1, 0, 500],
    [1, 0.5, 750],
    [3, 0, 2000],
    [3, 0.999, 3998],
    [9, 0, 15_000],
    [9, 0.5, 22_500],
  ])(
    'after failure %i with a draw of %f, wait %i ms: between half and all of the doubled pause, never over the most',
    (attempt, draw, ms) => {
      expect(backoffDelay(attempt, 1000, 30_000, () => draw)).toBe(ms);
    },
  );
});

describe('a NATS connection error', () => {
  it.each([
    [
      { code: 'AUTHORIZATION_VIOLATION', message: 'Authorization Violation' },
      'refused the credentials',
    ],
    [{ code: 'CONNECTION_REFUSED', message: 'CONNECTION_REFUSED' }, 'nothing listens there'],
    [{ message: 'getaddrinfo ENOTFOUND nats' }, 'the host name does not resolve'],
    [{ message: 'unable to verify the first certificate' }, 'TLS failed (NATS_TLS_*)'],
  ])('%j is explained as "%s"', (error, words) => {
    expect(explainNatsError(error)).toContain(words);
  });
});
