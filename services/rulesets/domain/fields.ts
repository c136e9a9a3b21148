import { isIsoDate, maxDate, minDate } from '../../../contracts/dates.ts';
import { validationError } from '../../../contracts/errors.ts';

/** A finite number within [min, max]. */
export const numberWithin = (field: string, value: number, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw validationError(field, `must be a number between ${min} and ${max}`);
  }
  return value;
};

/** A whole number of days, 0 to 60: long enough for any lead time, short enough to matter. */
export const days = (field: string, value: number): number => {
  if (!Number.isInteger(value) || value < 0 || value > 60) {
    throw validationError(field, 'must be a whole number of days between 0 and 60');
  }
  return value;
};

/** A deduction is a loss of points: from −100 to 0. */
export const deduction = (field: string, value: number): number =>
  numberWithin(field, value, -100, 0);

/** A calendar day the rest of the system can compare as a string. */
export const isoDate = (field: string, value: string): string => {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw validationError(field, `an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`);
  }
  return value;
};

/** Trimmed optional text: blank counts as absent (null). */
export const optionalText = (field: string, value: string | null, max: number): string | null => {
  // A command that crossed a process boundary may leave the note out altogether.
  if (value === null || value === undefined || value.trim() === '') return null;
  const text = value.trim();
  if (text.length > max) throw validationError(field, `at most ${max} characters`);
  return text;
};
