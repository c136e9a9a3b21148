import type { GraphQLError } from 'graphql';
import { setExtensions } from './set-extensions.ts';

/**
 * What an input error says to a client: GRAPHQL_VALIDATION when the document or
 * the request itself is wrong (a client's mistake: it does not parse, asks for
 * what the schema does not have, leaves out what it requires), VALIDATION when
 * a value does not satisfy what the input declares (the user's: a variable's
 * value, a date the Date scalar refuses, a rule of a service).
 */
export interface Described {
  code: 'GRAPHQL_VALIDATION' | 'VALIDATION';
  /** The field, argument, variable (or part of the request) the error concerns. */
  field?: string | undefined;
  /** The rule it broke, in the project's words: "is not a field of Task". */
  rule: string;
}

/** Gives `error` the code, field and rule of `described`, keeping its other extensions. */
export const relabel = (error: GraphQLError, { code, field, rule }: Described): GraphQLError =>
  setExtensions(error, { ...error.extensions, code, ...(field ? { field } : {}), rule });
