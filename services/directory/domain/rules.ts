import { isIsoDate, maxDate, minDate } from '../../../contracts/dates.ts';
import { notFound, validationError } from '../../../contracts/errors.ts';
import { idRule, limits } from '../../../contracts/limits.ts';

/** Trimmed text that must not be blank and must fit `max` characters. */
export const requiredText = (field: string, value: string, max: number): string => {
  const text = value.trim();
  if (text === '') throw validationError(field, 'must not be empty');
  if (text.length > max) throw validationError(field, `at most ${max} characters`);
  return text;
};

/** A new unit's id becomes part of its stream id: same pattern as the gateway. */
export const newId = (field: string, value: string): string => {
  if (!limits.idPattern.test(value)) throw validationError(field, idRule);
  return value;
};

/** A calendar day the rest of the system can compare as a string. */
export const isoDate = (field: string, value: string): string => {
  if (!isIsoDate(value)) {
    throw validationError(field, `an ISO date YYYY-MM-DD between ${minDate} and ${maxDate}`);
  }
  return value;
};

/** The directory must have confirmed the unit (the service passes what it found). */
export const knownUnit = (
  field: string,
  unitId: string,
  knownUnitIds: readonly string[],
): string => {
  if (!knownUnitIds.includes(unitId)) throw notFound(field, `unit ${unitId}`);
  return unitId;
};
