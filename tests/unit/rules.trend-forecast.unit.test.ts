import { forecastYearEnd, reportTrend, trend } from '../../domain/judgement/index.ts';

describe('the trend of the gap behind expected progress', () => {
  it.each([
    [10, 5, 'up'],
    [5, 5, 'flat'],
    [5, 10, 'down'],
    [0, -0.01, 'up'],
    [0.1 + 0.2, 0.3, 'flat'],
  ])('from %p behind to %p behind is %s', (previous, behind, expected) => {
    expect(trend(previous, behind)).toBe(expected);
  });
});

describe('the trend of the last two reports against 序时进度', () => {
  // Expected progress rises 1 point a day from 2021-03-01 (day 1 expects 1).
  const expectedOn = (day: string) => Number(day.slice(-2)) + (day.startsWith('2021-04') ? 31 : 0);

  it.each([
    // Level with 序时进度 on 03-10, 5 behind on 03-20.
    ['down when each report adds progress but less than time asks', 10, '03-20', 15, 'down'],
    // 8 behind, then 2 behind.
    ['up when the task closes its gap', 2, '03-20', 18, 'up'],
    // 2 behind on 03-10 and on 04-10.
    ['flat when progress keeps pace with time', 8, '04-10', 39, 'flat'],
    // 20 ahead, then 10 ahead.
    [
      'down when a task ahead of its plan reports no gain: its lead shrinks',
      30,
      '03-20',
      30,
      'down',
    ],
  ])('is %s', (_name, first, day, last, expected) => {
    const reports = [
      { day: '2021-03-10', actual: first },
      { day: `2021-${day}`, actual: last },
    ];
    expect(reportTrend(reports, expectedOn)).toBe(expected);
  });

  it('reads a first report against a task level with its plan', () => {
    expect(reportTrend([{ day: '2021-03-10', actual: 12 }], expectedOn)).toBe('up');
    expect(reportTrend([{ day: '2021-03-10', actual: 8 }], expectedOn)).toBe('down');
  });

  it('is flat with no report', () => {
    expect(reportTrend([], expectedOn)).toBe('flat');
  });
});

describe('the year-end forecast', () => {
  const dueDate = '2021-12-31';

  it('carries the rate of the last two reports on to the due date', () => {
    // 10 points in 30 days, 120 days left: 40 + 40.
    const points = [
      { day: '2021-08-03', actual: 30 },
      { day: '2021-09-02', actual: 40 },
    ];
    expect(forecastYearEnd(points, '2021-12-31')).toBe(80);
  });

  it('uses only the recent rate, not the first report', () => {
    const points = [
      { day: '2021-01-01', actual: 0 },
      { day: '2021-08-03', actual: 30 },
      { day: '2021-09-02', actual: 40 },
    ];
    expect(forecastYearEnd(points, '2021-12-31')).toBe(80);
  });

  it('reads the reports in day order, the last of a day counting', () => {
    const points = [
      { day: '2021-09-02', actual: 35 },
      { day: '2021-08-03', actual: 30 },
      { day: '2021-09-02', actual: 40 },
    ];
    expect(forecastYearEnd(points, dueDate)).toBe(80);
  });

  it('is capped at 100', () => {
    const points = [
      { day: '2021-06-01', actual: 50 },
      { day: '2021-06-11', actual: 60 },
    ];
    expect(forecastYearEnd(points, dueDate)).toBe(100);
  });

  it('is capped at 0 when progress was corrected downwards', () => {
    const points = [
      { day: '2021-06-01', actual: 50 },
      { day: '2021-06-02', actual: 20 },
    ];
    expect(forecastYearEnd(points, dueDate)).toBe(0);
  });

  it('is the last actual when progress stalls', () => {
    const points = [
      { day: '2021-06-01', actual: 45 },
      { day: '2021-07-01', actual: 45 },
    ];
    expect(forecastYearEnd(points, dueDate)).toBe(45);
  });

  it('is rounded to 2 decimals', () => {
    const points = [
      { day: '2021-12-01', actual: 0 },
      { day: '2021-12-04', actual: 10 },
    ];
    // 10/3 a day for 27 days: 10 + 90.
    expect(forecastYearEnd(points, dueDate)).toBe(100);
    expect(forecastYearEnd(points, '2021-12-05')).toBe(13.33);
  });

  it('is the last actual on or after the due date', () => {
    const points = [
      { day: '2021-12-01', actual: 10 },
      { day: '2021-12-31', actual: 70 },
    ];
    expect(forecastYearEnd(points, dueDate)).toBe(70);
    expect(forecastYearEnd(points, '2021-12-15')).toBe(70);
  });

  it('is 100 once done, even from a single report', () => {
    expect(forecastYearEnd([{ day: '2021-06-01', actual: 100 }], dueDate)).toBe(100);
  });

  it('is unknown from no report, or a single one before the due date', () => {
    expect(forecastYearEnd([], dueDate)).toBeNull();
    expect(forecastYearEnd([{ day: '2021-06-01', actual: 40 }], dueDate)).toBeNull();
    expect(
      forecastYearEnd(
        [
          { day: '2021-06-01', actual: 40 },
          { day: '2021-06-01', actual: 50 },
        ],
        dueDate,
      ),
    ).toBeNull();
  });

  it('refuses a bad due date, naming it', () => {
    expect(() => forecastYearEnd([{ day: '2021-06-01', actual: 40 }], '2021-12-32')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'dueDate' }) }),
    );
  });
});
