import type { Context } from 'moleculer';
import type { Actor } from '../../contracts/actor.ts';
import type { DomainEvent } from '../../contracts/events/index.ts';
import type { RequestMeta } from './action.ts';
import { correlationOf } from './action.ts';
import type { CommandResult } from './command-handler.ts';
import type { Decider } from './decider.ts';
import type { ServiceDeps } from './deps.ts';
import { appendedEvent } from './deps.ts';

/** Runs one command for an action and tells the projectors when something was appended. */
export const runCommand = async <C, E extends DomainEvent, S>(
  deps: ServiceDeps,
  ctx: Context<unknown, RequestMeta>,
  actor: Actor,
  decider: Decider<C, E, S>,
  streamId: string,
  command: C,
  idempotencyKey: string | undefined,
): Promise<CommandResult> => {
  const result = await deps.handle(decider, {
    streamId,
    command,
    actor,
    correlationId: correlationOf(ctx),
    causationId: ctx.id,
    idempotencyKey,
  });
  if (!result.replayed && result.position > 0) {
    ctx.broadcast(appendedEvent, { position: result.position });
  }
  return result;
};
