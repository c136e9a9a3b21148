import { GraphQLError } from 'graphql';
import { toGraphQLError } from './errors.ts';
import { setExtensions } from './plugins/input-errors/set-extensions.ts';

/**
 * Client errors keep their message and get a stable `extensions.code`; everything
 * else is masked (yoga logs the original once). Errors are relabelled in place so
 * that yoga does not log them as if they had been masked.
 */
export const maskError = (error: unknown) => {
  if (error instanceof GraphQLError && error.extensions.code) return error;
  const root = rootCause(error);
  if (root instanceof GraphQLError) {
    // Raised by graphql-js itself (parse, validation, variables): the input is wrong.
    const target = error instanceof GraphQLError ? error : root;
    return setExtensions(target, {
      ...root.extensions,
      code: root.extensions.code ?? 'VALIDATION',
    });
  }
  const typed = toGraphQLError(root);
  if (typed) return error instanceof GraphQLError ? setExtensions(error, typed.extensions) : typed;
  return new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL' } });
};

/** The innermost error of a chain of GraphQLErrors wrapping each other. */
const rootCause = (error: unknown): unknown => {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
};
