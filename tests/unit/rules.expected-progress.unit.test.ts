import { expectedProgress } from '../../domain/judgement/index.ts';

describe('expected progress (序时进度) of a ten-day span, 2021-03-01 to 2021-03-10', () => {
  const expected = (day: string) => expectedProgress('2021-03-01', '2021-03-10', day);

  it.each([
    ['2021-02-01', 0, 'well before the start'],
    ['2021-02-28', 0, 'the day before the start'],
    ['2021-03-01', 10, 'the start day, one day of ten elapsed by its end'],
    ['2021-03-05', 50, 'mid-span, five days of ten'],
    ['2021-03-09', 90, 'the day before the due date'],
    ['2021-03-10', 100, 'the due date, fully elapsed'],
    ['2021-03-11', 100, 'the day after'],
    ['2022-01-01', 100, 'long after'],
  ])('on %s is %d: %s', (day, percent) => {
    expect(expected(day)).toBe(percent);
  });
});

describe('expected progress of a year, 2021-01-01 to 2021-12-31', () => {
  const expected = (day: string) => expectedProgress('2021-01-01', '2021-12-31', day);

  it('is rounded to 2 decimals', () => {
    expect(expected('2021-01-01')).toBe(0.27);
    expect(expected('2021-07-02')).toBe(50.14);
  });

  it('reaches 100 on 2021-12-31', () => {
    expect(expected('2021-12-30')).toBe(99.73);
    expect(expected('2021-12-31')).toBe(100);
  });

  it('counts 29 days in February of a leap year', () => {
    expect(expectedProgress('2020-02-01', '2020-03-01', '2020-02-29')).toBe(96.67);
    expect(expectedProgress('2021-02-01', '2021-03-01', '2021-02-28')).toBe(96.55);
  });
});

describe('expected progress of a one-day span', () => {
  it('is 0 the day before and 100 on the day', () => {
    expect(expectedProgress('2021-05-01', '2021-05-01', '2021-04-30')).toBe(0);
    expect(expectedProgress('2021-05-01', '2021-05-01', '2021-05-01')).toBe(100);
  });
});

describe('expected progress from bad dates', () => {
  it.each([
    ['2021-02-30', '2021-03-10', '2021-03-01', 'plannedStart'],
    ['2021-03-01', '2021-3-10', '2021-03-01', 'dueDate'],
    ['2021-03-01', '2021-03-10', 'today', 'day'],
  ])('(%s, %s, %s) is refused naming %s', (start, due, day, field) => {
    expect(() => expectedProgress(start, due, day)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ field }) }),
    );
  });

  it('refuses a due date before the planned start', () => {
    expect(() => expectedProgress('2021-03-10', '2021-03-01', '2021-03-05')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        details: expect.objectContaining({ field: 'dueDate' }),
      }),
    );
  });
});
