import { shippedCalendars } from '../../domain/calendar/state-council.ts';
import { expectedProgress, plannedProgress, taskLight } from '../../domain/judgement/index.ts';
import { defaultRuleset } from '../../domain/rulesets/default-ruleset.ts';

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

/** 2021-01-01 to 12-31, milestones of weight 1 due 03-31 and 3 due 12-31. */
describe('expected progress by the milestone plan (序时进度 from the plan)', () => {
  const steps = [
    { weight: 1, dueDate: '2021-03-31' },
    { weight: 3, dueDate: '2021-12-31' },
  ];
  const expected = (day: string) => plannedProgress('2021-01-01', '2021-12-31', day, steps);

  it.each([
    ['2020-12-31', 0, 'the day before the start'],
    ['2021-01-01', 0.28, 'the start day: 1 of the first 90 days, toward 25'],
    ['2021-03-31', 25, 'the first milestone due: its weight, 1 of 4'],
    ['2021-07-19', 55, '110 of the 275 days from 03-31 to 12-31: 25 + 75 × 110 / 275'],
    ['2021-12-31', 100, 'the last milestone due'],
    ['2022-01-10', 100, 'after'],
  ])('on %s is %d: %s', (day, percent) => {
    expect(expected(day)).toBe(percent);
  });

  it('keeps a task that keeps its plan green, where a line over its span would not', () => {
    // m1 due 09-30 at 70 % on 06-30, m2 due 12-31 not begun: on the plan's pace.
    const task = {
      plannedStart: '2021-01-01',
      dueDate: '2021-12-31',
      completion: 'none' as const,
      shares: [
        { weight: 1, percent: 70, completed: false },
        { weight: 1, percent: 0, completed: false },
      ],
    };
    const milestones = [
      { title: 'm1', weight: 1, percent: 70, dueDate: '2021-09-30', completed: false },
      { title: 'm2', weight: 1, percent: 0, dueDate: '2021-12-31', completed: false },
    ];
    const lit = taskLight(task, milestones, '2021-06-30', defaultRuleset, shippedCalendars);
    // 181 of m1's 273 days: 50 × 181 / 273.
    expect(lit).toMatchObject({ actual: 35, expected: 33.15, behind: -1.85, light: 'green' });
    // A line over the year would expect 49.59: 14.59 behind, yellow.
    expect(expectedProgress('2021-01-01', '2021-12-31', '2021-06-30')).toBe(49.59);
  });

  it('is linear over the span for a task without milestones', () => {
    expect(plannedProgress('2021-01-01', '2021-12-31', '2021-07-02', [])).toBe(50.14);
  });

  it('takes milestones in due-date order, those due the same day together', () => {
    const shuffled = [
      { weight: 2, dueDate: '2021-12-31' },
      { weight: 1, dueDate: '2021-03-31' },
      { weight: 1, dueDate: '2021-12-31' },
    ];
    expect(plannedProgress('2021-01-01', '2021-12-31', '2021-03-31', shuffled)).toBe(25);
  });
});
