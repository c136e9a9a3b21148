import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { setExtensions } from './input-errors/set-extensions.ts';

export interface RequestLimits {
  maxBodyBytes: number;
  maxBatch: number;
}

const relabel = (error: GraphQLError, limits: RequestLimits): void => {
  const { code, http } = error.extensions as { code?: string; http?: { status?: number } };
  if (code === 'REQUEST_ENTITY_TOO_LARGE') {
    setExtensions(error, {
      ...error.extensions,
      code: 'PAYLOAD_TOO_LARGE',
      field: 'body',
      rule: `at most ${limits.maxBodyBytes} bytes`,
    });
  } else if (code === 'BAD_REQUEST' && http?.status === 413) {
    setExtensions(error, {
      ...error.extensions,
      code: 'VALIDATION',
      field: 'body',
      rule: `at most ${limits.maxBatch} operations per batched request`,
    });
  }
};

/**
 * yoga refuses an oversized body (413, while reading it: the Content-Length
 * first, then the bytes as they stream in) and an oversized batch (413). This
 * gives both the project's codes and the limit they broke. Must run before
 * useValidationCodes, which would otherwise take the batch refusal (yoga's
 * BAD_REQUEST) for a request of the wrong shape, GRAPHQL_VALIDATION.
 */
export const useRequestLimitCodes = (limits: RequestLimits): Plugin => ({
  onResultProcess({ result }) {
    for (const single of Array.isArray(result) ? result : [result]) {
      if (single && 'errors' in single && single.errors) {
        for (const error of single.errors) relabel(error as GraphQLError, limits);
      }
    }
  },
});
