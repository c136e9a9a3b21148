import type { IncomingMessage } from 'node:http';
import {
  type ExecutionArgs,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Authenticate } from '../context.ts';
import type { RateLimiter } from '../hardening/rate-limiter.ts';

const rateLimited = (retryAfterSeconds: number) =>
  new GraphQLError(`Too many requests: retry in ${retryAfterSeconds} s.`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: { 'retry-after': String(retryAfterSeconds) } },
    },
  });

const clientAddress = (serverContext: unknown): string =>
  (serverContext as { req?: IncomingMessage }).req?.socket?.remoteAddress ?? 'unknown';

/**
 * The bucket a request draws on: its verified actor, or its client address when
 * it has no valid token (a forged subject must not drain someone else's bucket,
 * and guessing tokens is paid for from the guesser's own).
 */
const bucketOf = async (
  authenticate: Authenticate,
  request: Request,
  serverContext: unknown,
): Promise<string> => {
  try {
    const actor = await authenticate(request);
    if (actor) return `actor:${actor.id}`;
  } catch {
    // Refused later, by the context, with its own reason; charged to the address here.
  }
  return `address:${clientAddress(serverContext)}`;
};

/** The root fields an operation asks for, aliases and fragments at the root counted each. */
const rootFields = (args: ExecutionArgs): number => {
  const operation = args.document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      (args.operationName == null || definition.name?.value === args.operationName),
  );
  const fragments = new Map(
    args.document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const count = (selections: readonly SelectionNode[], depth: number): number =>
    selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD)
        return sum + (selection.name.value === '__typename' ? 0 : 1);
      if (depth > 10) return sum;
      const nested =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection.selectionSet
          : fragments.get(selection.name.value)?.selectionSet;
      return sum + (nested ? count(nested.selections, depth + 1) : 0);
    }, 0);
  return operation ? Math.max(1, count(operation.selectionSet.selections, 0)) : 1;
};

/**
 * Rate limiting per actor (RATE_LIMIT_PER_MINUTE), counting operations: a
 * request is refused before it is parsed when its bucket is empty, and each
 * operation, once validated, spends one per root field it asks for (aliases and
 * each operation of a batch counted), or is refused whole; a request without a
 * valid token spends one from its address's bucket. 429 RATE_LIMITED with
 * Retry-After. GraphiQL's page and /healthz do not count.
 */
export const useRateLimit = (limiter: RateLimiter, authenticate: Authenticate): Plugin => {
  const buckets = new WeakMap<Request, string>();
  return {
    async onRequestParse({ request, serverContext }) {
      const bucket = await bucketOf(authenticate, request, serverContext);
      // Without a valid token the request is refused before it runs: it pays
      // here, so guessing tokens is paid for request by request.
      if (!bucket.startsWith('actor:')) {
        const decision = limiter.take(bucket);
        if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
        return;
      }
      buckets.set(request, bucket);
      const decision = limiter.peek(bucket);
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const bucket = request ? buckets.get(request) : undefined;
      if (bucket === undefined) return;
      const decision = limiter.take(bucket, rootFields(args));
      if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
    },
  };
};
