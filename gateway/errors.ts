import { GraphQLError } from 'graphql';
import { DomainError, isErrorCode } from '../contracts/errors.ts';

interface BrokerErrorShape {
  name?: string;
  message?: string;
  type?: string;
  data?: { field?: string; rule?: string } | unknown;
  retryable?: boolean;
}

/** Moleculer errors that mean "the service could not be reached in time": retry later. */
const unavailableNames = new Set([
  'ServiceNotFoundError',
  'ServiceNotAvailableError',
  'RequestTimeoutError',
  'RequestSkippedError',
  'BrokerDisconnectedError',
  'QueueIsFullError',
]);

const details = (data: unknown): { field?: string; rule?: string } => {
  if (typeof data !== 'object' || data === null) return {};
  const { field, rule } = data as { field?: unknown; rule?: unknown };
  return {
    ...(typeof field === 'string' ? { field } : {}),
    ...(typeof rule === 'string' ? { rule } : {}),
  };
};

/** UNAVAILABLE (a store cannot write now) tells the client to try again later. */
const retryable = (code: string) => (code === 'UNAVAILABLE' ? { retryable: true } : {});

/**
 * A typed error from the domain or a service, as a client-facing GraphQLError
 * with `extensions.code`; null for anything else, which the gateway masks.
 */
export const toGraphQLError = (error: unknown): GraphQLError | null => {
  if (error instanceof GraphQLError) return error;
  if (error instanceof DomainError) {
    return new GraphQLError(error.message, {
      extensions: { code: error.code, ...retryable(error.code), ...error.details },
    });
  }
  const shape = (error ?? {}) as BrokerErrorShape;
  if (isErrorCode(shape.type)) {
    return new GraphQLError(shape.message ?? shape.type, {
      extensions: { code: shape.type, ...retryable(shape.type), ...details(shape.data) },
    });
  }
  if (shape.name && unavailableNames.has(shape.name)) {
    return new GraphQLError('A service is unavailable right now; retry the request.', {
      extensions: { code: 'UNAVAILABLE', retryable: true },
    });
  }
  return null;
};
