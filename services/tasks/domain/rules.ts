import { illegalState, validationError } from '../../../contracts/errors.ts';

/** A new child id (request, notice, record…) is not used before in this task. */
export const unusedId = (
  field: string,
  value: string,
  used: { has: (id: string) => boolean },
  what: string,
): string => {
  if (used.has(value)) throw illegalState(`${what} ${value} already exists`, field);
  return value;
};

/** A date inside the task's planned span, so lateness against it is the task's lateness. */
export const dateWithinTask = (
  field: string,
  date: string,
  task: { plannedStart: string; dueDate: string },
): string => {
  if (date < task.plannedStart || date > task.dueDate) {
    throw validationError(
      field,
      `must be within the task, ${task.plannedStart} to ${task.dueDate}`,
    );
  }
  return date;
};
