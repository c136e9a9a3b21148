import { isIsoDate, maxDate, minDate } from '../../contracts/dates.ts';
import { validationError } from '../../contracts/errors.ts';
import { idRule, limits } from '../../contracts/limits.ts';

/**
 * Field rules every aggregate's decider applies to its commands: pure, each
 * throwing VALIDATION that names the field and the rule.
 */

/** Trimmed text that must not be blank and must fit `max` characters. */
export const requiredText = (field: string, value: string, max: number): string => {
  const text = value.trim();
  if (text === '') throw validationError(field, 'must not be empty');
  if (text.length > max) throw validationError(field, `at most ${max} characters`);
  return text;
};

/** Trimmed optional text: blank counts as absent (null). */
export const optionalText = (field: string, value: string | null, max: number): string | null => {
  if (value === null || value.trim() === '') return null;
  return requiredText(field, value, max);
};

/** A calendar day the rest of the system can compare as a string. */
export const isoDate = (field: string, value: string): string => {
  if (!isIsoDate(value)) {
    throw validationError(field, `an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`);
  }
  return value;
};

/** A new entity's id becomes part of stream ids and URLs: same pattern as the gateway. */
export const newId = (field: string, value: string): string => {
  if (!limits.idPattern.test(value)) throw validationError(field, idRule);
  return value;
};
