import { lastClosedPeriod, periodOf } from '../../domain/calendar/reporting-periods.ts';

describe('a reporting period (报送周期)', () => {
  it.each([
    ['weekly', '2021-03-10', { start: '2021-03-08', end: '2021-03-14' }],
    ['weekly', '2021-03-14', { start: '2021-03-08', end: '2021-03-14' }],
    ['weekly', '2021-01-01', { start: '2020-12-28', end: '2021-01-03' }],
    ['monthly', '2021-02-15', { start: '2021-02-01', end: '2021-02-28' }],
    ['monthly', '2020-02-15', { start: '2020-02-01', end: '2020-02-29' }],
    ['monthly', '2021-12-31', { start: '2021-12-01', end: '2021-12-31' }],
    ['quarterly', '2021-05-20', { start: '2021-04-01', end: '2021-06-30' }],
    ['quarterly', '2021-12-01', { start: '2021-10-01', end: '2021-12-31' }],
  ] as const)('%s holding %s runs %o', (cycle, day, period) => {
    expect(periodOf(cycle, day)).toEqual(period);
  });

  it.each([
    ['weekly', '2021-03-15', { start: '2021-03-08', end: '2021-03-14' }],
    ['monthly', '2021-03-01', { start: '2021-02-01', end: '2021-02-28' }],
    ['quarterly', '2021-01-04', { start: '2020-10-01', end: '2020-12-31' }],
  ] as const)('the last %s period closed before %s runs %o', (cycle, day, period) => {
    expect(lastClosedPeriod(cycle, day)).toEqual(period);
  });
});
