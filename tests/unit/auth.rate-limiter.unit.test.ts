import { createRateLimiter } from '../../gateway/hardening/rate-limiter.ts';

const takes = (limiter: ReturnType<typeof createRateLimiter>, key: string, count: number) =>
  Array.from({ length: count }, () => limiter.take(key).allowed);

describe('a client within its allowance', () => {
  it('is let through a whole minute’s worth at once', () => {
    const limiter = createRateLimiter({ perMinute: 5, now: () => 0 });
    expect(takes(limiter, 'actor:a', 5)).toEqual([true, true, true, true, true]);
  });

  it('is let through forever at exactly the sustained rate', () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 60, now: () => now });
    takes(limiter, 'actor:a', 60);
    for (let second = 1; second <= 300; second++) {
      now = second * 1000;
      expect(limiter.take('actor:a').allowed).toBe(true);
    }
  });
});

describe('a client over its allowance', () => {
  let now: number;
  let limiter: ReturnType<typeof createRateLimiter>;
  beforeEach(() => {
    now = 1_000_000;
    limiter = createRateLimiter({ perMinute: 6, now: () => now });
    takes(limiter, 'actor:a', 6);
  });

  it('is refused, told how long to wait', () => {
    expect(limiter.take('actor:a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
  });

  it('does not hold up anyone else', () => {
    expect(limiter.take('actor:b').allowed).toBe(true);
    expect(limiter.take('ip:127.0.0.1').allowed).toBe(true);
  });

  it('gets one request back per refill interval, and no more', () => {
    now += 9_999;
    expect(limiter.take('actor:a').allowed).toBe(false);
    now += 1;
    expect(takes(limiter, 'actor:a', 2)).toEqual([true, false]);
  });

  it('is refused for as long as it keeps hammering', () => {
    for (let i = 0; i < 100; i++) {
      now += 100;
      limiter.take('actor:a');
    }
    // 10 s have passed: exactly one request was earned back, and spent.
    expect(limiter.take('actor:a').allowed).toBe(false);
  });

  it('recovers the full allowance after a quiet minute, never more', () => {
    now += 600_000;
    expect(takes(limiter, 'actor:a', 7)).toEqual([true, true, true, true, true, true, false]);
  });
});

describe('the memory of many clients', () => {
  it('is bounded, forgetting the least recently seen', () => {
    const limiter = createRateLimiter({ perMinute: 1, now: () => 0, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) limiter.take(key);
    limiter.take('a');
    limiter.take('d');
    expect(limiter.size()).toBe(3);
    // b was forgotten (a fresh bucket), a was remembered (still empty).
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });
});
