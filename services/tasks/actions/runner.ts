import type { Context } from 'moleculer';
import type { Actor } from '../../../contracts/actor.ts';
import { taskStreamId } from '../../../contracts/streams.ts';
import { deterministicId, newId } from '../../../infra/ids/ids.ts';
import type { RequestMeta } from '../../shared/action.ts';
import type { CommandResult } from '../../shared/command-handler.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { runCommand } from '../../shared/run-command.ts';
import type { TaskCommand } from '../domain/commands.ts';
import { taskDecider } from '../domain/decider.ts';

export type TaskContext = Context<unknown, RequestMeta>;

/** What every command action answers: the stream's revision and the global position after it. */
export interface CommandAnswer {
  revision: number;
  position: number;
}

export const answerOf = (result: CommandResult): CommandAnswer => ({
  revision: result.revision,
  position: result.position,
});

/**
 * The id a command's first event recorded under `field`: a replayed command
 * answers with the first run's events, so this is the id that was stored.
 */
export const recordedId = (result: CommandResult, field: string, generated: string): string => {
  const data = result.events[0]?.data as Record<string, unknown> | undefined;
  const recorded = data?.[field];
  return typeof recorded === 'string' ? recorded : generated;
};

const present = (ids: readonly (string | null)[]): string[] =>
  ids.filter((id): id is string => id !== null);

/** How the task actions run commands, name new parts and ask the directory. */
export const createTaskRunner = (deps: ServiceDeps) => ({
  /** Runs a command on its task's stream. */
  run: (ctx: TaskContext, actor: Actor, command: TaskCommand, idempotencyKey: string | undefined) =>
    runCommand(
      deps,
      ctx,
      actor,
      taskDecider,
      taskStreamId(command.data.taskId),
      command,
      idempotencyKey,
    ),

  /** A new child id; derived from the idempotency key so a retry names the same entity. */
  childId: (kind: string, actor: Actor, scope: string, key: string | undefined): string =>
    key ? deterministicId(`${kind}|${scope}|${actor.id}|${key}`) : newId(),

  /** Which of the ids the directory has registered, read from the units' streams. */
  knownUnits: (ctx: TaskContext, ids: readonly (string | null)[]) =>
    ctx.call<string[], { ids: string[] }>('directory.knownUnits', { ids: present(ids) }),

  /** Which of the ids the directory has registered, read from the officials' streams. */
  knownOfficials: (ctx: TaskContext, ids: readonly string[]) =>
    ctx.call<string[], { ids: string[] }>('directory.knownOfficials', { ids: [...ids] }),
});

export type TaskRunner = ReturnType<typeof createTaskRunner>;
