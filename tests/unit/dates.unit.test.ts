import { dayOf, isIsoDate, maxDate, minDate } from '../../contracts/dates.ts';

describe('a business date', () => {
  it.each([
    ['2000-01-01', 'the first day of the range'],
    ['2100-12-31', 'the last day of the range'],
    ['2020-02-29', 'a leap day'],
    ['2000-02-29', 'the leap day of a century divisible by 400'],
    ['2021-12-31', 'the last day of a year'],
  ])('%s is accepted as %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    ['1999-12-31', 'before the range'],
    ['2101-01-01', 'after the range'],
    ['2021-02-29', 'a leap day of a common year'],
    ['2100-02-29', 'a leap day of a century not divisible by 400'],
    ['2021-02-30', 'a day February never has'],
    ['2021-04-31', 'the 31st of a 30-day month'],
    ['2021-13-01', 'a thirteenth month'],
    ['2021-00-10', 'a month zero'],
    ['2021-01-00', 'a day zero'],
    ['2021-1-1', 'without leading zeros'],
    ['2021-01-01T00:00', 'with a time'],
    [' 2021-01-01', 'with a leading space'],
    ['2021/01/01', 'with slashes'],
    ['', 'empty'],
    ['yesterday', 'a word'],
  ])('%s is refused as %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it('ranges from 2000-01-01 to 2100-12-31', () => {
    expect(minDate).toBe('2000-01-01');
    expect(maxDate).toBe('2100-12-31');
  });
});

describe('the day of a timestamp', () => {
  it.each([
    ['2021-03-01T15:59:59Z', '2021-03-01'],
    ['2021-03-01T16:00:00Z', '2021-03-02'],
    ['2021-03-01T00:00:00Z', '2021-03-01'],
    ['2021-12-31T16:00:00.000Z', '2022-01-01'],
    ['2021-03-02T00:30:00+08:00', '2021-03-02'],
  ])('%s falls on %s in China Standard Time', (timestamp, day) => {
    expect(dayOf(timestamp)).toBe(day);
  });
});
