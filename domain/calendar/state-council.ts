import { addDays } from '../dates.ts';
import type { Calendars, WorkCalendar } from './work-calendar.ts';

/** Every day from `first` to `last`, both included. */
const run = (first: string, last: string): string[] => {
  const days: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
};

/**
 * 国务院办公厅关于2021年部分节假日安排的通知 (2020-11-25): 元旦 1.1–1.3; 春节
 * 2.11–2.17, 2.7 and 2.20 worked; 清明 4.3–4.5; 劳动节 5.1–5.5, 4.25 and 5.8
 * worked; 端午 6.12–6.14; 中秋 9.19–9.21, 9.18 worked; 国庆 10.1–10.7, 9.26 and
 * 10.9 worked.
 */
const year2021: WorkCalendar = {
  year: 2021,
  holidays: [
    ...run('2021-01-01', '2021-01-03'),
    ...run('2021-02-11', '2021-02-17'),
    ...run('2021-04-03', '2021-04-05'),
    ...run('2021-05-01', '2021-05-05'),
    ...run('2021-06-12', '2021-06-14'),
    ...run('2021-09-19', '2021-09-21'),
    ...run('2021-10-01', '2021-10-07'),
  ],
  workdays: [
    '2021-02-07',
    '2021-02-20',
    '2021-04-25',
    '2021-05-08',
    '2021-09-18',
    '2021-09-26',
    '2021-10-09',
  ],
  source: '国务院办公厅关于2021年部分节假日安排的通知（2020年11月25日）',
  version: 0,
};

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04): 元旦 1.1–1.3, 1.4
 * worked; 春节 2.15–2.23, 2.14 and 2.28 worked; 清明 4.4–4.6; 劳动节 5.1–5.5,
 * 5.9 worked; 端午 6.19–6.21; 中秋 9.25–9.27; 国庆 10.1–10.7, 9.20 and 10.10 worked.
 */
const year2026: WorkCalendar = {
  year: 2026,
  holidays: [
    ...run('2026-01-01', '2026-01-03'),
    ...run('2026-02-15', '2026-02-23'),
    ...run('2026-04-04', '2026-04-06'),
    ...run('2026-05-01', '2026-05-05'),
    ...run('2026-06-19', '2026-06-21'),
    ...run('2026-09-25', '2026-09-27'),
    ...run('2026-10-01', '2026-10-07'),
  ],
  workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
  version: 0,
};

/** The calendars shipped with the system: the demo's year and the current one. */
export const shippedCalendars: Calendars = new Map([
  [2021, year2021],
  [2026, year2026],
]);

/**
 * A year's calendar in force: the latest version the office published, else
 * the one shipped; null for a year with neither (then only weekends are off).
 */
export const calendarInForce = (
  published: WorkCalendar | undefined,
  year: number,
): WorkCalendar | null => published ?? shippedCalendars.get(year) ?? null;

/**
 * The calendars in force, by year, from the versions the office published (in
 * the order they were): each year's latest version, else the one shipped.
 */
export const calendarsInForce = (published: readonly WorkCalendar[]): Calendars => {
  const calendars = new Map(shippedCalendars);
  for (const calendar of published) calendars.set(calendar.year, calendar);
  return calendars;
};
