import fc from 'fast-check';
import { calendarsInForce, shippedCalendars } from '../../domain/calendar/state-council.ts';
import {
  addWorkingDays,
  calendarKnown,
  isWorkingDay,
  limitOf,
  nextWorkingDay,
  workingDaysBetween,
} from '../../domain/calendar/work-calendar.ts';
import { addDays } from '../../domain/dates.ts';

const calendars = shippedCalendars;

describe('the working-day calendar', () => {
  it('knows the holidays and the weekend days worked of the State Council notices', () => {
    expect(isWorkingDay(calendars, '2021-10-04')).toBe(false); // 国庆, a Monday
    expect(isWorkingDay(calendars, '2021-10-09')).toBe(true); // a Saturday worked
    expect(isWorkingDay(calendars, '2021-10-10')).toBe(false); // a Sunday
    expect(isWorkingDay(calendars, '2021-02-07')).toBe(true); // a Sunday worked (春节)
    expect(isWorkingDay(calendars, '2026-02-23')).toBe(false); // 春节, a Monday
    expect(isWorkingDay(calendars, '2026-01-04')).toBe(true); // a Sunday worked (元旦)
    expect(isWorkingDay(calendars, '2026-12-07')).toBe(true); // a plain Monday
  });

  it('answers each calendars object’s limit of a due date, however often it is asked', () => {
    expect(limitOf(calendars, '2021-10-04')).toBe('2021-10-08');
    expect(limitOf(calendars, '2021-10-04')).toBe('2021-10-08');
    // A version the office publishes, with 10-08 off as well, is another calendars object.
    const shipped = calendars.get(2021)!;
    const published = calendarsInForce([
      { ...shipped, holidays: [...shipped.holidays, '2021-10-08'] },
    ]);
    expect(limitOf(published, '2021-10-04')).toBe('2021-10-09'); // the Saturday worked
    expect(limitOf(calendars, '2021-10-04')).toBe('2021-10-08');
  });

  it('runs a limit that ends on a day off to the next working day: due 2021-10-04 falls due 10-08', () => {
    expect(nextWorkingDay(calendars, '2021-10-04')).toBe('2021-10-08');
    expect(nextWorkingDay(calendars, '2021-10-08')).toBe('2021-10-08');
    expect(nextWorkingDay(calendars, '2021-12-31')).toBe('2021-12-31');
  });

  it('counts limits in working days across holidays and worked weekends', () => {
    // 5 working days from Thursday 2021-09-30: 10-08 (Fri), 10-09 (Sat, worked), 10-11, 10-12, 10-13.
    expect(addWorkingDays(calendars, '2021-09-30', 5)).toBe('2021-10-13');
    expect(workingDaysBetween(calendars, '2021-09-30', '2021-10-13')).toBe(5);
    expect(workingDaysBetween(calendars, '2021-10-13', '2021-09-30')).toBe(0);
  });

  it('counts weekdays alone in a year it has no calendar for, and says so', () => {
    expect(calendarKnown(calendars, '2030-10-01')).toBe(false);
    expect(isWorkingDay(calendars, '2030-10-01')).toBe(true);
    expect(calendarKnown(calendars, '2026-10-01')).toBe(true);
  });

  it('holds each shipped year’s holidays within the year, sorted, and worked days on weekends', () => {
    for (const [year, calendar] of calendars) {
      for (const list of [calendar.holidays, calendar.workdays]) {
        expect([...list].sort()).toEqual(list);
        expect(list.every((day) => day.startsWith(`${year}-`))).toBe(true);
      }
      expect(calendar.workdays.every((day) => !isWorkingDay(new Map(), day))).toBe(true);
    }
  });
});

describe('working days counted between two days', () => {
  /** Day by day: what the arithmetic must agree with. */
  const counted = (from: string, to: string): number => {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (isWorkingDay(calendars, day)) count += 1;
    }
    return count;
  };

  it('agree with counting day by day, over any range of 2020 to 2027, when asked again too', () => {
    const day = fc.integer({ min: 0, max: 8 * 366 }).map((offset) => addDays('2020-01-01', offset));
    // A few days, so that ranges meet again and are answered from what was counted before.
    const near = fc.integer({ min: 0, max: 40 }).map((offset) => addDays('2021-09-20', offset));
    for (const days of [day, near]) {
      fc.assert(
        fc.property(days, days, (from, to) => {
          const expected = counted(from, to);
          return (
            workingDaysBetween(calendars, from, to) === expected &&
            workingDaysBetween(calendars, from, to) === expected
          );
        }),
        { numRuns: 500 },
      );
    }
  });

  it('count a year of 2021 as its calendar has it: 250 working days', () => {
    expect(workingDaysBetween(calendars, '2020-12-31', '2021-12-31')).toBe(
      counted('2020-12-31', '2021-12-31'),
    );
    expect(workingDaysBetween(calendars, '2020-12-31', '2021-12-31')).toBe(250);
  });
});
