import { monthEndsBetween } from '../../services/boards/as-of/month-end-lights.ts';

describe('monthEndsBetween', () => {
  it('names each month’s last day from the first day to the last, both included', () => {
    expect(monthEndsBetween('2023-11-15', '2024-03-31')).toEqual([
      '2023-11-30',
      '2023-12-31',
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
    ]);
    expect(monthEndsBetween('2021-01-31', '2021-03-30')).toEqual(['2021-01-31', '2021-02-28']);
  });

  it('names none before the first month end, or when there is no log', () => {
    expect(monthEndsBetween('2021-06-01', '2021-06-29')).toEqual([]);
    expect(monthEndsBetween('', '2021-06-29')).toEqual([]);
    expect(monthEndsBetween('2021-06-30', '2021-06-01')).toEqual([]);
  });
});
