import { ConfigError, loadConfig } from '../../infra/config/config.ts';

const refusal = (clock: string): ConfigError => {
  try {
    loadConfig({ CLOCK: clock });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected CLOCK=${clock} to be refused`);
};

describe('the CLOCK setting', () => {
  it.each([
    '2021-12-31',
    '2024-02-29',
    '2021-12-31T10:00:00+08:00',
    '2021-03-01T08:00:00Z',
    '2021-03-01T08:00Z',
    '2021-03-01T08:00+08:00',
    '2024-02-29T23:59:59.999Z',
    '2021-01-01T00:00:00.5-05:30',
  ])('takes %s, a date or a timestamp with its zone, as it is', (clock) => {
    expect(loadConfig({ CLOCK: clock }).clock).toBe(clock);
  });

  it('reads the system clock when set to system', () => {
    expect(loadConfig({ CLOCK: 'system' }).clock).toBe('system');
  });

  it.each([
    ['1', 'a number (Date.parse reads 2001-01-01)'],
    ['2021', 'a year'],
    ['2021-1-1', 'a date without leading zeros'],
    ['20211231', 'a date without dashes'],
    ['Dec 31 2021', 'a date in words'],
    ['now', 'a word'],
    ['2021-13-01', 'a thirteenth month'],
    ['2021-00-10', 'month zero'],
    ['2021-01-00', 'day zero'],
    ['2021-02-29', 'the 29th of February outside a leap year'],
    ['2021-04-31', 'the 31st of April'],
    ['2021-01-01T24:00Z', 'hour 24'],
    ['2021-01-01T10:60Z', 'minute 60'],
    ['2021-01-01T10:00:60Z', 'second 60'],
    ['2021-01-01T10:00', 'a time without its zone'],
    ['2021-01-01T10:00:00', 'a time with seconds but without its zone'],
    ['2021-01-01 10:00Z', 'a space for the T'],
    ['2021-12-31T10:00:00+0800', 'an offset without its colon'],
    ['2021-12-31T10:00:00+08:60', 'an offset of 60 minutes'],
    ['2021-01-01T10:00:00.1234Z', 'more than milliseconds'],
    ['2021-01-01T10Z', 'an hour without minutes'],
  ])('refuses %s (%s), naming CLOCK and the rule', (clock) => {
    const error = refusal(clock);
    expect(error.message.startsWith(`CLOCK=${clock}: must be system`)).toBe(true);
    expect(error.message).toContain('YYYY-MM-DD');
    expect(error.message).toContain('real calendar day');
  });
});
