import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { ServiceBroker } from 'moleculer';
import type { Actor } from '../contracts/actor.ts';
import { DomainError } from '../contracts/errors.ts';
import { cachedVerifier } from '../infra/auth/token-cache.ts';
import { verifyToken } from '../infra/auth/tokens.ts';
import { toGraphQLError } from './errors.ts';

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

type Verify = (token: string) => Promise<Actor>;

const authenticate = async (verify: Verify, header: string | null): Promise<Actor | null> => {
  const token = bearer(header);
  if (!token) return null;
  try {
    return await verify(token);
  } catch (error) {
    if (error instanceof DomainError) throw unauthenticated(error.message);
    throw error;
  }
};

export const requireActor = (ctx: GatewayContext): Actor => {
  if (!ctx.actor) throw unauthenticated('sign in: send Authorization: Bearer <token>');
  return ctx.actor;
};

/** Builds the per-request context: the verified actor and a broker caller bound to it. */
export const createContextFactory = (broker: ServiceBroker, secret: string) => {
  const verify = cachedVerifier((token) => verifyToken(secret, token));
  return async ({ request }: { request: Request }): Promise<GatewayContext> => {
    const actor = await authenticate(verify, request.headers.get('authorization'));
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    return {
      actor,
      requestId,
      async call<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
        if (!actor) throw unauthenticated('sign in: send Authorization: Bearer <token>');
        try {
          return await broker.call<T, Record<string, unknown>>(action, params, {
            meta: { actor, correlationId: requestId },
          });
        } catch (error) {
          throw toGraphQLError(error) ?? error;
        }
      },
    };
  };
};
