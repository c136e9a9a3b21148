import { randomUUID } from 'node:crypto';
import type { GatewayContext } from '../context.ts';

export type Args = Record<string, unknown>;
type Input = { input: Record<string, unknown> };

/**
 * A mutation field forwarding its input to one service action. Without a client
 * key the gateway names the attempt itself, so a broker-level retry stays idempotent.
 */
export const command =
  (action: string) =>
  (_: unknown, { input }: Input, ctx: GatewayContext) =>
    ctx.call(action, { ...input, idempotencyKey: input.idempotencyKey ?? randomUUID() });

/** A query field forwarding its arguments to one service action. */
export const query =
  (action: string, params: (args: Args) => Args = (args) => args) =>
  (_: unknown, args: Args, ctx: GatewayContext) =>
    ctx.call(action, params(args));
