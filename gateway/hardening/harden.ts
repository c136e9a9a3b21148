import type { Plugin } from 'graphql-yoga';
import { type Config, ConfigError } from '../../infra/config/config.ts';
import type { Authenticate } from '../context.ts';
import { useBodyLimit } from '../plugins/body-limit.ts';
import { useHiddenSuggestions } from '../plugins/hidden-suggestions.ts';
import { useNoIntrospection } from '../plugins/no-introspection.ts';
import { usePersistedOperationsOf } from '../plugins/persisted-operations.ts';
import { useQueryLimits } from '../plugins/query-limits.ts';
import { useRateLimit } from '../plugins/rate-limit.ts';
import { useRequestLimitCodes } from '../plugins/request-limits.ts';
import { loadPersistedOperations } from './persisted-operations-file.ts';
import { createRateLimiter } from './rate-limiter.ts';

export type HardeningConfig = Pick<
  Config,
  | 'graphqlMaxDepth'
  | 'graphqlMaxCost'
  | 'graphqlMaxAliases'
  | 'graphqlMaxDirectives'
  | 'graphqlMaxTokens'
  | 'graphqlMaxBodyBytes'
  | 'graphqlMaxBatch'
  | 'graphqlIntrospection'
  | 'graphqlPersistedOperationsFile'
  | 'graphqlPersistedOnly'
  | 'rateLimitPerMinute'
>;

export interface HardeningDeps {
  authenticate: Authenticate;
  /** Milliseconds for the rate limiter; tests set it. */
  now?: () => number;
  /** The built console's documents by hash, always accepted. */
  consoleOperations?: ReadonlyMap<string, string>;
}

/**
 * The console's documents and those of GRAPHQL_PERSISTED_OPERATIONS_FILE, by
 * hash. With GRAPHQL_PERSISTED_ONLY nothing else runs, so there must be some.
 */
const persisted = (config: HardeningConfig, deps: HardeningDeps): Plugin[] => {
  const operations = new Map([
    ...(deps.consoleOperations ?? []),
    ...(config.graphqlPersistedOperationsFile
      ? loadPersistedOperations(config.graphqlPersistedOperationsFile)
      : []),
  ]);
  if (config.graphqlPersistedOnly && operations.size === 0) {
    throw new ConfigError(
      'GRAPHQL_PERSISTED_ONLY=true: no persisted operations: build the console (npm run build:web) or set GRAPHQL_PERSISTED_OPERATIONS_FILE',
    );
  }
  return operations.size > 0
    ? [usePersistedOperationsOf(operations, config.graphqlPersistedOnly)]
    : [];
};

const rateLimit = (config: HardeningConfig, deps: HardeningDeps): Plugin[] =>
  config.rateLimitPerMinute > 0
    ? [
        useRateLimit(
          createRateLimiter({
            perMinute: config.rateLimitPerMinute,
            ...(deps.now ? { now: deps.now } : {}),
          }),
          deps.authenticate,
        ),
      ]
    : [];

/**
 * The gateway's defences against hostile clients, as yoga
 * options: rate limiting before parsing, persisted operations, graphql-armor's
 * shape limits, introspection off unless allowed, body and batch limits with
 * the project's error codes. Put `plugins` before useValidationCodes.
 */
export const hardenYoga = (config: HardeningConfig, deps: HardeningDeps) => ({
  plugins: [
    ...rateLimit(config, deps),
    ...persisted(config, deps),
    useQueryLimits({
      maxDepth: config.graphqlMaxDepth,
      maxCost: config.graphqlMaxCost,
      maxAliases: config.graphqlMaxAliases,
      maxDirectives: config.graphqlMaxDirectives,
      maxTokens: config.graphqlMaxTokens,
      hideSuggestions: !config.graphqlIntrospection,
    }),
    ...(config.graphqlIntrospection ? [] : [useNoIntrospection(), useHiddenSuggestions()]),
    useBodyLimit(config.graphqlMaxBodyBytes),
    useRequestLimitCodes({
      maxBodyBytes: config.graphqlMaxBodyBytes,
      maxBatch: config.graphqlMaxBatch,
    }),
  ],
  batching: config.graphqlMaxBatch > 0 ? { limit: config.graphqlMaxBatch } : false,
  // Bounded by useBodyLimit, the same way without a stream per request.
  maxRequestBodySize: false as const,
});
