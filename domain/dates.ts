import { validationError } from '../contracts/errors.ts';

const msPerDay = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days already converted, both ways: boards convert the same few hundred days
 * millions of times. Only real calendar days are kept, at most `remembered`.
 */
const numbers = new Map<string, number>();
const dates = new Map<number, string>();
const remembered = 50_000;

const remember = (date: string, number: number): number => {
  if (numbers.size >= remembered) {
    numbers.clear();
    dates.clear();
  }
  numbers.set(date, number);
  dates.set(number, date);
  return number;
};

/**
 * The day number (days since 1970-01-01) of a calendar day `YYYY-MM-DD`. Business
 * days are already China Standard Time days (see `dayOf` in contracts/dates.ts),
 * so day arithmetic needs no time zone: whole days, never hours.
 */
export const dayNumber = (field: string, date: string): number => {
  const known = numbers.get(date);
  if (known !== undefined) return known;
  const match = typeof date === 'string' ? datePattern.exec(date) : null;
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC rolls 2021-02-30 over into March: the round trip refuses it.
    if (new Date(ms).toISOString().startsWith(date)) return remember(date, ms / msPerDay);
  }
  throw validationError(field, 'an ISO date YYYY-MM-DD');
};

/**
 * Whole days from `from` to `to`: 1 from a day to the next, negative backwards.
 * A bad date is reported under the caller's field name.
 */
export const daysBetween = (
  from: string,
  to: string,
  fields = { from: 'from', to: 'to' },
): number => dayNumber(fields.to, to) - dayNumber(fields.from, from);

/** The calendar day `days` after `date` (before it when negative). */
export const addDays = (date: string, days: number, field = 'date'): string => {
  const number = dayNumber(field, date) + days;
  const known = dates.get(number);
  if (known !== undefined) return known;
  const found = new Date(number * msPerDay).toISOString().slice(0, 10);
  // A day before 1970 or after 9999 is not written YYYY-MM-DD: not kept.
  if (datePattern.test(found)) remember(found, number);
  return found;
};
