import { offsetClock, settableClock, systemClock } from '../../infra/clock/clock.ts';

const pause = (milliseconds: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, milliseconds);
  });

describe('a settable clock', () => {
  it('reads the time it starts at, as an ISO timestamp in UTC', () => {
    expect(settableClock('2021-03-01T08:00:00+08:00').now()).toBe('2021-03-01T00:00:00.000Z');
  });

  it('stands still until set or advanced', async () => {
    const clock = settableClock('2021-03-01T08:00:00Z');
    const before = clock.now();
    await pause(5);
    expect(clock.now()).toBe(before);
  });

  it('reads the time it was set to', () => {
    const clock = settableClock('2021-03-01T08:00:00Z');
    clock.set('2021-06-30T23:59:59.999Z');
    expect(clock.now()).toBe('2021-06-30T23:59:59.999Z');
  });

  it('moves by the milliseconds it is advanced', () => {
    const clock = settableClock('2021-03-01T08:00:00Z');
    clock.advance(1500);
    expect(clock.now()).toBe('2021-03-01T08:00:01.500Z');
    clock.advance(24 * 3600_000);
    expect(clock.now()).toBe('2021-03-02T08:00:01.500Z');
  });

  it('refuses to be advanced by something that is not a duration', () => {
    const clock = settableClock('2021-03-01T08:00:00Z');
    expect(() => clock.advance(Number.NaN)).toThrow('not a duration');
    expect(clock.now()).toBe('2021-03-01T08:00:00.000Z');
  });

  it('refuses to start at something that is not a timestamp', () => {
    expect(() => settableClock('not a time')).toThrow('not a timestamp: not a time');
  });

  it('refuses to be set to something that is not a timestamp, keeping its time', () => {
    const clock = settableClock('2021-03-01T08:00:00Z');
    expect(() => clock.set('soon')).toThrow('not a timestamp: soon');
    expect(clock.now()).toBe('2021-03-01T08:00:00.000Z');
  });
});

describe('an offset clock', () => {
  it('starts at the given time and moves forward', async () => {
    const start = '2021-03-01T08:00:00.000Z';
    const clock = offsetClock(start);
    const first = clock.now();
    await pause(25);
    const second = clock.now();
    expect(first >= start).toBe(true);
    expect(first.slice(0, 10)).toBe('2021-03-01');
    expect(second > first).toBe(true);
  });

  it('refuses to start at something that is not a timestamp', () => {
    expect(() => offsetClock('never')).toThrow('not a timestamp: never');
  });
});

describe('the system clock', () => {
  it('reads an ISO timestamp in UTC', () => {
    expect(systemClock.now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
