import type { TaskCommand } from '../../../services/tasks/domain/commands.ts';

/** The data of one task command type, so a test can override its fields. */
export type TaskCommandData<T extends TaskCommand['type']> = Extract<
  TaskCommand,
  { type: T }
>['data'];

/**
 * A builder of one task command: a fresh copy of `defaults`, with the fields a test
 * passes in their place.
 */
export const taskCommand =
  <T extends TaskCommand['type']>(type: T, defaults: TaskCommandData<T>) =>
  (data: Partial<TaskCommandData<T>> = {}): TaskCommand =>
    ({ type, data: { ...structuredClone(defaults), ...data } }) as TaskCommand;
