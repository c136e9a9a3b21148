import { illegalState, notFound, validationError } from '../../../contracts/errors.ts';
import { limits } from '../../../contracts/limits.ts';
import { isoDate, newId, optionalText, requiredText } from '../../shared/domain-rules.ts';

export { isoDate, newId, optionalText, requiredText };

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
