import type { Context, ServiceSchema } from 'moleculer';
import type { Actor } from '../../../contracts/actor.ts';
import {
  assignPostInput,
  registerOfficialInput,
  vacatePostInput,
} from '../../../contracts/inputs/directory.ts';
import { officialStreamId, unitStreamId } from '../../../contracts/streams.ts';
import { deterministicId, newId } from '../../../infra/ids/ids.ts';
import type { RequestMeta } from '../../shared/action.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { runCommand } from '../../shared/run-command.ts';
import { parseInput } from '../../shared/validate.ts';
import type { OfficialCommand } from '../domain/officials/commands.ts';
import { officialDecider } from '../domain/officials/decider.ts';
import { idsFrom, knownIds } from './known.ts';

/** An official's id: the one given, else derived from the idempotency key so a retry names the same. */
const officialIdOf = (given: string | null | undefined, actor: Actor, key: string | undefined) =>
  given ?? (key ? deterministicId(`official|${actor.id}|${key}`) : newId());

/** Officials (干部) and the posts they hold in units over time (任职). */
export const officialActions = (deps: ServiceDeps): ServiceSchema['actions'] => {
  const run = async (
    ctx: Context<unknown, RequestMeta>,
    actor: Actor,
    command: OfficialCommand,
    idempotencyKey: string | undefined,
  ) => {
    const streamId = officialStreamId(command.data.officialId);
    const result = await runCommand(
      deps,
      ctx,
      actor,
      officialDecider,
      streamId,
      command,
      idempotencyKey,
    );
    return { revision: result.revision, position: result.position };
  };

  return {
    registerOfficial: guarded('registerOfficial', async (ctx, actor) => {
      const { idempotencyKey, id, ...data } = parseInput(registerOfficialInput, ctx.params);
      const officialId = officialIdOf(id, actor, idempotencyKey);
      const command = { type: 'RegisterOfficial' as const, data: { officialId, ...data } };
      return { id: officialId, ...(await run(ctx, actor, command, idempotencyKey)) };
    }),

    assignPost: guarded('assignPost', async (ctx, actor) => {
      const { idempotencyKey, ...data } = parseInput(assignPostInput, ctx.params);
      const knownUnitIds = await knownIds(deps.eventStore, [data.unitId], unitStreamId);
      const command = { type: 'AssignPost' as const, data: { ...data, knownUnitIds } };
      return run(ctx, actor, command, idempotencyKey);
    }),

    vacatePost: guarded('vacatePost', async (ctx, actor) => {
      const { idempotencyKey, ...data } = parseInput(vacatePostInput, ctx.params);
      return run(ctx, actor, { type: 'VacatePost', data }, idempotencyKey);
    }),

    /** Which of the given official ids are registered, read from the source of truth. */
    knownOfficials: guarded('internal', async (ctx) =>
      knownIds(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids), officialStreamId),
    ),
  };
};
