import { addDays, daysBetween } from '../dates.ts';

/**
 * One year's working-day calendar (工作日历): the public holidays, and the
 * weekend days worked instead (调休上班), as the State Council's notice on the
 * year's holidays sets them. Any other Monday to Friday is a working day.
 */
export interface WorkCalendar {
  year: number;
  /** Days off (放假), `YYYY-MM-DD`, sorted. */
  holidays: readonly string[];
  /** Saturdays and Sundays worked (调休上班), `YYYY-MM-DD`, sorted. */
  workdays: readonly string[];
  /** The notice it follows: its title, date and, where known, number. */
  source: string;
  /** 0 for the calendar shipped with the system; then each version the office publishes. */
  version: number;
}

/** The calendars of the years known, by year. */
export type Calendars = ReadonlyMap<number, WorkCalendar>;

/** A calendar's days as sets, made once per calendar object (calendars are never changed). */
const daySets = new WeakMap<WorkCalendar, { holidays: Set<string>; workdays: Set<string> }>();

const daysOf = (calendar: WorkCalendar) => {
  let days = daySets.get(calendar);
  if (!days) {
    days = { holidays: new Set(calendar.holidays), workdays: new Set(calendar.workdays) };
    daySets.set(calendar, days);
  }
  return days;
};

/** Days of the week are counted in UTC on the date alone: 0 Sunday … 6 Saturday. */
const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

/** A Saturday or a Sunday. */
export const isWeekend = (day: string): boolean => {
  const d = weekday(day);
  return d === 0 || d === 6;
};

/**
 * Whether `day` is a working day: not a holiday of its year's calendar, and a
 * weekday or a weekend day worked instead. A year without a calendar counts
 * weekdays only (see `calendarKnown`).
 */
export const isWorkingDay = (calendars: Calendars, day: string): boolean => {
  const calendar = calendars.get(Number(day.slice(0, 4)));
  const days = calendar ? daysOf(calendar) : undefined;
  if (days?.holidays.has(day)) return false;
  if (days?.workdays.has(day)) return true;
  return !isWeekend(day);
};

/** Whether the calendar of `day`'s year is known (else only weekends are days off). */
export const calendarKnown = (calendars: Calendars, day: string): boolean =>
  calendars.has(Number(day.slice(0, 4)));

/**
 * `day` if it is a working day, else the first working day after it: a time
 * limit that ends on a day off runs to the next working day (the rule of
 * Chinese procedure law for 期间: the day after a 法定休假日 ends the period).
 */
export const nextWorkingDay = (calendars: Calendars, day: string): string => {
  let next = day;
  // The longest run of days off in a year is under a fortnight; a month is a safe bound.
  for (let i = 0; i < 31 && !isWorkingDay(calendars, next); i++) next = addDays(next, 1);
  return next;
};

/** The day `count` working days after `day` (a limit of N working days from `day`). */
export const addWorkingDays = (calendars: Calendars, day: string, count: number): string => {
  let reached = day;
  for (let left = count; left > 0; ) {
    reached = addDays(reached, 1);
    if (isWorkingDay(calendars, reached)) left -= 1;
  }
  return reached;
};

/** Monday to Friday after `from` up to and including `to`: whole weeks by arithmetic. */
const weekdaysBetween = (from: string, to: string): number => {
  const days = daysBetween(from, to);
  if (days <= 0) return 0;
  let count = Math.floor(days / 7) * 5;
  for (let day = addDays(from, Math.floor(days / 7) * 7 + 1); day <= to; day = addDays(day, 1)) {
    if (!isWeekend(day)) count += 1;
  }
  return count;
};

/**
 * The counts found, per calendars object (never changed once made), up to
 * `countsKept` ranges each: boards count the delays of the same deadlines again
 * after every write.
 */
const counts = new WeakMap<Calendars, Map<string, number>>();
const countsKept = 100_000;

const countWorkingDays = (calendars: Calendars, from: string, to: string): number => {
  let count = weekdaysBetween(from, to);
  const inRange = (day: string) => day > from && day <= to;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const calendar = calendars.get(year);
    if (!calendar) continue;
    for (const day of calendar.holidays) if (inRange(day) && !isWeekend(day)) count -= 1;
    for (const day of calendar.workdays) if (inRange(day) && isWeekend(day)) count += 1;
  }
  return count;
};

/**
 * How many working days lie after `from` up to and including `to` (0 when `to`
 * ≤ `from`): the weekdays, less the holidays on weekdays, plus the weekend days
 * worked, of each year's calendar in the range. It costs the calendars' days,
 * not the range's: boards count the delay of every missed deadline.
 */
export const workingDaysBetween = (calendars: Calendars, from: string, to: string): number => {
  if (to <= from) return 0;
  let known = counts.get(calendars);
  if (!known || known.size >= countsKept) {
    known = new Map();
    counts.set(calendars, known);
  }
  const key = `${from}/${to}`;
  let count = known.get(key);
  if (count === undefined) {
    count = countWorkingDays(calendars, from, to);
    known.set(key, count);
  }
  return count;
};

/**
 * The limits found, per calendars object (never changed once made): a board asks
 * the limit of the same few due dates for thousands of tasks.
 */
const limits = new WeakMap<Calendars, Map<string, string>>();

/**
 * The last day of a time limit set to end on `dueDate`: the due date itself on
 * a working day, else the first working day after it (`nextWorkingDay`).
 * Overdue is from the day after the limit; done by the limit is on time.
 */
export const limitOf = (calendars: Calendars, dueDate: string): string => {
  let known = limits.get(calendars);
  if (!known) {
    known = new Map();
    limits.set(calendars, known);
  }
  let limit = known.get(dueDate);
  if (limit === undefined) {
    limit = nextWorkingDay(calendars, dueDate);
    known.set(dueDate, limit);
  }
  return limit;
};

/** The day `count` working days before `day` (the first day of a lead of N working days). */
export const subtractWorkingDays = (calendars: Calendars, day: string, count: number): string => {
  let reached = day;
  for (let left = count; left > 0; ) {
    reached = addDays(reached, -1);
    if (isWorkingDay(calendars, reached)) left -= 1;
  }
  return reached;
};
