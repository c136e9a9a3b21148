import { dataSchema } from '../../../contracts/catalogue/declare.ts';
import { commandsOf } from '../../../contracts/catalogue/index.ts';
import { parseInput } from '../../shared/validate.ts';
import type { TaskCommand } from './commands.ts';

const schemas = new Map(
  commandsOf('tasks').map(([, operation]) => [operation.command, dataSchema(operation)]),
);

/**
 * The command with its fields checked by the rules its declaration states, once
 * for the edge and the decider: the deciders keep only the business rules.
 * VALIDATION names the first broken field and its rule.
 */
export const withCheckedFields = <C extends TaskCommand>(command: C): C => {
  const schema = schemas.get(command.type);
  return schema ? ({ ...command, data: parseInput(schema, command.data) } as C) : command;
};
