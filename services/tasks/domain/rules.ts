import { isIsoDate, maxDate, minDate } from '../../../contracts/dates.ts';
import { illegalState, notFound, validationError } from '../../../contracts/errors.ts';
import { idRule, limits } from '../../../contracts/limits.ts';

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

/** The directory must have confirmed the unit (the service passes what it found). */
export const knownUnit = (field: string, unitId: string, knownUnitIds: readonly string[]): void => {
  if (!knownUnitIds.includes(unitId)) throw notFound(field, `unit ${unitId}`);
};

/** One value of a closed list, e.g. a notice level. */
export const oneOf = <T extends string>(field: string, value: T, allowed: readonly T[]): T => {
  if (!allowed.includes(value)) throw validationError(field, `one of ${allowed.join(', ')}`);
  return value;
};

/** A finite number: NaN and infinities are no measurement. */
export const finiteNumber = (field: string, value: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(field, 'must be a finite number');
  }
  return value;
};

/** A new child id (request, notice, record…): fit for an id, and not used before in this task. */
export const unusedId = (
  field: string,
  value: string,
  used: { has: (id: string) => boolean },
  what: string,
): string => {
  if (used.has(value)) throw illegalState(`${what} ${value} already exists`, field);
  return newId(field, value);
};

/** A reason is required wherever a decision can be questioned later. */
export const reasonText = (value: string): string => requiredText('reason', value, limits.note);

/** A date inside the task's planned span, so lateness against it is the task's lateness. */
export const dateWithinTask = (
  field: string,
  value: string,
  task: { plannedStart: string; dueDate: string },
): string => {
  const date = isoDate(field, value);
  if (date < task.plannedStart || date > task.dueDate) {
    throw validationError(
      field,
      `must be within the task, ${task.plannedStart} to ${task.dueDate}`,
    );
  }
  return date;
};
