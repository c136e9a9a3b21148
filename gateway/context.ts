import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ServiceBroker } from 'moleculer';
import type { Actor } from '../contracts/actor.ts';
import { DomainError } from '../contracts/errors.ts';
import { KeysUnavailableError, type TokenVerifier } from '../infra/auth/verifier.ts';
import { toGraphQLError } from './errors.ts';
import { countRecordedRead, recordReadIfAudited } from './hardening/audited-reads.ts';
import type { UnitCheck } from './hardening/unit-check.ts';

export interface GatewayContext {
  actor: Actor | null;
  requestId: string;
  /** Calls a service action as the request's actor; errors come back as GraphQLErrors. */
  call<T>(action: string, params?: Record<string, unknown>): Promise<T>;
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

const bearer = (header: string | null): string | null => {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('Authorization header must be "Bearer <token>"');
  return match[1];
};

/** A failure to authenticate, as the client sees it. */
const authenticationError = (error: unknown): unknown => {
  if (error instanceof DomainError) return unauthenticated(error.message);
  if (error instanceof KeysUnavailableError) {
    return new GraphQLError('The token issuer cannot be reached; retry the request.', {
      extensions: { code: 'UNAVAILABLE', retryable: true, http: { status: 503 } },
    });
  }
  return toGraphQLError(error) ?? error;
};

/** The verified actor of a request, null when it carries no token. */
export type Authenticate = (request: Request) => Promise<Actor | null>;

/**
 * Verifies the request's bearer token, then that a department head's unit is in
 * the directory. Once per request: the rate limiter and the context share the answer.
 */
export const createAuthenticator = (verify: TokenVerifier, checkUnit: UnitCheck): Authenticate => {
  const answers = new WeakMap<Request, Promise<Actor | null>>();
  const authenticate = async (request: Request): Promise<Actor | null> => {
    const token = bearer(request.headers.get('authorization'));
    if (!token) return null;
    try {
      const actor = await verify(token);
      await checkUnit(actor);
      return actor;
    } catch (error) {
      throw authenticationError(error);
    }
  };
  return (request) => {
    let answer = answers.get(request);
    if (!answer) {
      answer = authenticate(request);
      answers.set(request, answer);
    }
    return answer;
  };
};

export const requireActor = (ctx: GatewayContext): Actor => {
  if (!ctx.actor) throw unauthenticated('sign in: send Authorization: Bearer <token>');
  return ctx.actor;
};

/** Builds the per-request context: the verified actor and a broker caller bound to it. */
export const createContextFactory = (broker: ServiceBroker, authenticate: Authenticate) => {
  return async ({ request }: { request: Request }): Promise<GatewayContext> => {
    const actor = await authenticate(request);
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    return {
      actor,
      requestId,
      async call<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
        if (!actor) throw unauthenticated('sign in: send Authorization: Bearer <token>');
        const meta = { actor, correlationId: requestId };
        try {
          countRecordedRead(request, action, actor);
          const result = await broker.call<T, Record<string, unknown>>(action, params, { meta });
          await recordReadIfAudited(broker, actor, { action, params, result, meta });
          return result;
        } catch (error) {
          throw toGraphQLError(error) ?? error;
        }
      },
    };
  };
};
