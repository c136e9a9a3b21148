import { isCalendarDay } from '../../contracts/dates.ts';

/**
 * `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM[:SS[.sss]]` with `Z` or `±HH:MM`: the only
 * forms of ISO 8601 taken for a moment. A time without its zone would depend on
 * the machine's, and `Date.parse` alone takes far more (`1` is 2001-01-01).
 */
const form =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

const within = (text: string | undefined, max: number): boolean =>
  text === undefined || Number(text) <= max;

/** Is `text` a date or a timestamp in one of those forms, on a day the calendar has? */
export const isIsoDateOrTimestamp = (text: string): boolean => {
  const parts = form.exec(text);
  if (!parts) return false;
  const [, year, month, day, hours, minutes, seconds, offsetHours, offsetMinutes] = parts;
  return (
    isCalendarDay(Number(year), Number(month), Number(day)) &&
    within(hours, 23) &&
    within(minutes, 59) &&
    within(seconds, 59) &&
    within(offsetHours, 23) &&
    within(offsetMinutes, 59)
  );
};
