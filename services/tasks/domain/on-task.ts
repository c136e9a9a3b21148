import type { TaskEvent } from '../../../contracts/events/index.ts';
import type { DecisionContext } from '../../shared/decider.ts';
import type { CommandData, TaskCommandType } from './commands.ts';
import type { RegisteredTask } from './state.ts';

/**
 * The own rules of a command `C` on a task already admitted (role, scope,
 * lifecycle: see `admittedTask`): the events it causes, or a DomainError.
 */
export type OnTask<C extends TaskCommandType> = (
  data: CommandData<C>,
  task: RegisteredTask,
  context: DecisionContext,
) => TaskEvent[];

type Facts<D> = D extends unknown ? Omit<D, 'taskId'> : never;

/** What an event of type `T` says besides the task it is about. */
export type FactsOf<T extends TaskEvent['type']> = Facts<Extract<TaskEvent, { type: T }>['data']>;

/**
 * The one event a decision records about the task: the task's id first, then
 * the facts, so every stored task event reads the same way.
 */
export const recorded = <T extends TaskEvent['type']>(
  type: T,
  task: RegisteredTask,
  facts: FactsOf<T>,
): TaskEvent[] => [{ type, data: { taskId: task.taskId, ...facts } } as TaskEvent];
