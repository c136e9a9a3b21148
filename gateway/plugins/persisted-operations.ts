import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';

const hashField = 'extensions.persistedQuery.sha256Hash';

/**
 * Persisted operations: a request may name a stored query by its hash instead of
 * sending it. With `persistedOnly` nothing else runs, so a client can do exactly
 * what the shipped console does and no more. Refusals use the project's codes.
 */
export const usePersistedOperationsOf = (
  operations: ReadonlyMap<string, string>,
  persistedOnly: boolean,
): Plugin =>
  usePersistedOperations({
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    allowArbitraryOperations: !persistedOnly,
    customErrors: {
      persistedQueryOnly: {
        message: `only persisted operations are accepted: send ${hashField} instead of a query`,
        extensions: {
          code: 'VALIDATION',
          field: 'query',
          rule: 'only persisted operations are accepted',
          http: { status: 400 },
        },
      },
      notFound: {
        message: `${hashField}: no persisted operation has this hash`,
        extensions: {
          code: 'NOT_FOUND',
          field: hashField,
          rule: 'must name a persisted operation',
          http: { status: 400 },
        },
      },
      // A request without a document is of the wrong shape, like yoga's "Must provide query string".
      keyNotFound: {
        message: `send a query or ${hashField}`,
        extensions: {
          code: 'GRAPHQL_VALIDATION',
          field: 'query',
          rule: 'a query or a persisted operation hash is required',
          http: { status: 400 },
        },
      },
    },
  }) as Plugin;
