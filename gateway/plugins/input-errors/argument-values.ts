import type { ASTNode, DocumentNode } from 'graphql';
import { BREAK, GraphQLError, Kind, visit } from 'graphql';
import type { Described } from './described.ts';

/** The name of the argument whose value is `node`, found by identity in the document run. */
const argumentHolding = (document: DocumentNode, node: ASTNode): string | undefined => {
  let name: string | undefined;
  visit(document, {
    Argument(argument) {
      if (argument.value !== node) return undefined;
      name = argument.name.value;
      return BREAK;
    },
  });
  return name;
};

/**
 * An error graphql-js raised itself (no code, no cause of its own) while it
 * took a field's arguments (getArgumentValues), which validation lets through
 * only for a variable: one with a default, given null where the argument is
 * non-null, or one given no value. The argument is found in the document by the
 * error's node, the variable's value tells which rule it broke.
 */
export const describeArgumentError = (
  error: GraphQLError,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
): Described | null => {
  const inner = error.originalError;
  if (!error.path || !(inner instanceof GraphQLError)) return null;
  if (inner.extensions.code !== undefined || inner.originalError) return null;
  const node = inner.nodes?.[0];
  const field = node && argumentHolding(document, node);
  if (!node || !field) return null;
  const variable = node.kind === Kind.VARIABLE ? node.name.value : undefined;
  const rule =
    variable === undefined
      ? 'must have the type the schema declares'
      : !Object.hasOwn(variables, variable)
        ? 'is required'
        : variables[variable] === null
          ? 'must not be null'
          : 'must have the type the schema declares';
  return { code: 'VALIDATION', field, rule };
};
