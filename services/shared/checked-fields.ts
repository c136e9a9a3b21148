import { dataSchema } from '../../contracts/catalogue/declare.ts';
import { commandsOf } from '../../contracts/catalogue/index.ts';
import { parseInput } from './validate.ts';

type Command = { type: string; data: unknown };

/**
 * `withCheckedFields` for the commands `service` declares in the catalogue: the
 * command with its fields checked by the rules its declaration states, once for
 * the edge and the decider, so that the deciders keep only the business rules.
 * The fields come back as the schema gives them (text trimmed, blank optional
 * text null); VALIDATION names the first broken field and its rule. A command
 * without a declaration (the clock's own facts) passes as it is.
 */
export const fieldChecker = (service: string) => {
  const schemas = new Map(
    commandsOf(service).map(([, operation]) => [operation.command, dataSchema(operation)]),
  );
  return <C extends Command>(command: C): C => {
    const schema = schemas.get(command.type);
    return schema ? ({ ...command, data: parseInput(schema, command.data) } as C) : command;
  };
};
