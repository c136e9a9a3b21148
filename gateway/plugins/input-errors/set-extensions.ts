import type { GraphQLError } from 'graphql';

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
