import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** graphql-js and yoga codes that all mean "the request's input is wrong". */
const inputCodes = new Set([
  undefined,
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
]);

/** The field a graphql-js input error speaks of, from its message (it has no structured path). */
export const fieldOf = (message: string): string | undefined => {
  const path = /got invalid value .* at "[^".[]+[.]?([^"]*)"/.exec(message)?.[1];
  const missing = /Field "(?:\w+\.)?(\w+)" of required type/.exec(message)?.[1];
  if (path && missing) return `${path}.${missing}`;
  if (path || missing) return path || missing;
  const unknown = /Field "(\w+)" is not defined by type/.exec(message);
  if (unknown) return unknown[1];
  const argument = /argument "(\w+)"/i.exec(message);
  return argument?.[1];
};

/** Replaces an error's extensions in place (GraphQLError declares them read-only). */
export const setExtensions = (
  error: GraphQLError,
  extensions: Record<string, unknown>,
): GraphQLError => {
  Object.defineProperty(error, 'extensions', {
    value: extensions,
    enumerable: true,
    configurable: true,
  });
  return error;
};

const relabel = (error: GraphQLError): void => {
  const code = error.extensions?.code as string | undefined;
  const unnamed = code === 'VALIDATION' && error.extensions?.field === undefined;
  if (!inputCodes.has(code) && !unnamed) return;
  const field = fieldOf(error.message);
  setExtensions(error, { ...error.extensions, code: 'VALIDATION', ...(field ? { field } : {}) });
};

/**
 * Gives errors that graphql-js and yoga raise before any resolver runs (parse,
 * validation, variable coercion) the project's stable code VALIDATION and the
 * field they name.
 */
export const useValidationCodes = (): Plugin => ({
  onResultProcess({ result }) {
    const results = Array.isArray(result) ? result : [result];
    for (const single of results) {
      if (single && 'errors' in single && single.errors) {
        for (const error of single.errors) relabel(error as GraphQLError);
      }
    }
  },
});
