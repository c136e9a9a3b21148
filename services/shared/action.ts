import type { Context } from 'moleculer';
import { Errors } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import { roles } from '../../contracts/actor.ts';
import { DomainError, forbidden } from '../../contracts/errors.ts';
import type { Operation } from '../../contracts/permissions.ts';
import { scopeOf } from '../../contracts/permissions.ts';
import { assertedActorOf } from '../../infra/identity/assertion-middleware.ts';

/** What a request carries in `ctx.meta` across every hop of the broker. */
export interface RequestMeta {
  /** Who acts: set by the caller, signed in `assertion`, checked as the call arrives. */
  actor?: Actor;
  assertion?: string;
  correlationId?: string;
  requestId?: string;
}

const httpStatus: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_STATE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
};

/**
 * A DomainError as a Moleculer error whose `type` is the stable code: a client
 * error, except UNAVAILABLE (a store cannot write now), which is retryable and
 * 503, so the caller may try again once the operator has fixed the store.
 */
export const toBrokerError = (error: unknown): unknown => {
  if (!(error instanceof DomainError)) return error;
  const status = httpStatus[error.code] ?? 400;
  return error.code === 'UNAVAILABLE'
    ? new Errors.MoleculerRetryableError(error.message, status, error.code, error.details)
    : new Errors.MoleculerClientError(error.message, status, error.code, error.details);
};

const isActor = (value: unknown): value is Actor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Actor).id === 'string' &&
  (value as Actor).id !== '' &&
  (roles as readonly unknown[]).includes((value as Actor).role);

/**
 * The actor of a request as its signed assertion proved it (never `ctx.meta` as it
 * arrives), refused with FORBIDDEN when absent or when the permission matrix gives
 * its role nothing for this operation. Enforced here, in the service, so a call
 * that bypasses the gateway is refused too.
 */
export const authorise = (ctx: Context, operation: Operation): Actor => {
  const actor = assertedActorOf(ctx);
  if (!isActor(actor)) throw forbidden(`${operation}: no authenticated actor on the request`);
  if (scopeOf(operation, actor.role) === null) {
    throw forbidden(`${operation}: not permitted for role ${actor.role}`);
  }
  return actor;
};

/** An action handler guarded by the permission matrix, its errors mapped for the broker. */
export const guarded =
  <R>(
    operation: Operation,
    handler: (ctx: Context<unknown, RequestMeta>, actor: Actor) => Promise<R>,
  ) =>
  async (ctx: Context<unknown, RequestMeta>): Promise<R> => {
    try {
      return await handler(ctx, authorise(ctx, operation));
    } catch (error) {
      throw toBrokerError(error);
    }
  };

/** Correlation id of the request, so every event of one request can be found together. */
export const correlationOf = (ctx: Context<unknown, RequestMeta>): string =>
  ctx.meta.correlationId ?? ctx.requestID ?? ctx.id;
