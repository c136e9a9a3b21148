import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
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

/**
 * Rate limiting per actor (RATE_LIMIT_PER_MINUTE): checked when a request is
 * about to be parsed, before any GraphQL work, answering 429 RATE_LIMITED with
 * Retry-After. GraphiQL's page and /healthz do not count.
 */
export const useRateLimit = (limiter: RateLimiter, authenticate: Authenticate): Plugin => ({
  async onRequestParse({ request, serverContext }) {
    const decision = limiter.take(await bucketOf(authenticate, request, serverContext));
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  },
});
