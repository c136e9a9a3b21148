/** Business dates are calendar days, `YYYY-MM-DD`, within a sane range. */
export const minDate = '2000-01-01';
export const maxDate = '2100-12-31';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A day the calendar has: no 2021-02-30, no month 13 (months from 1). */
export const isCalendarDay = (year: number, month: number, day: number): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();

/** True for a real calendar day (no 2021-02-30) inside [minDate, maxDate]. */
export const isIsoDate = (value: string): boolean => {
  if (!isoDatePattern.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return false;
  if (parsed.toISOString().slice(0, 10) !== value) return false;
  return value >= minDate && value <= maxDate;
};

/** The calendar day (UTC+8, China Standard Time) of an ISO timestamp. */
export const dayOf = (timestamp: string): string =>
  new Date(Date.parse(timestamp) + 8 * 3600_000).toISOString().slice(0, 10);
