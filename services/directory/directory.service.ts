import type { ServiceSchema } from 'moleculer';
import { registerUnitInput } from '../../contracts/inputs.ts';
import { unitStreamId } from '../../contracts/streams.ts';
import { deterministicId, newId } from '../../infra/ids/ids.ts';
import { guarded } from '../shared/action.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { runCommand } from '../shared/run-command.ts';
import { parseInput } from '../shared/validate.ts';
import { unitDecider } from './domain/decider.ts';

/** The directory of units (and, later, officials and the posts they hold). */
export const createDirectoryService = (deps: ServiceDeps): ServiceSchema => ({
  name: 'directory',
  actions: {
    registerUnit: guarded('registerUnit', async (ctx, actor) => {
      const input = parseInput(registerUnitInput, ctx.params);
      const unitId =
        input.id ??
        (input.idempotencyKey
          ? deterministicId(`unit|${actor.id}|${input.idempotencyKey}`)
          : newId());
      const command = { type: 'RegisterUnit' as const, data: { unitId, name: input.name } };
      const result = await runCommand(
        deps,
        ctx,
        actor,
        unitDecider,
        unitStreamId(unitId),
        command,
        input.idempotencyKey,
      );
      return { id: unitId, revision: result.revision, position: result.position };
    }),

    /** Which of the given unit ids are registered, read from the source of truth. */
    knownUnits: guarded('internal', async (ctx) => {
      const ids = (ctx.params as { ids?: unknown }).ids;
      const wanted = Array.isArray(ids)
        ? ids.filter((id): id is string => typeof id === 'string')
        : [];
      const found = await Promise.all(
        wanted.map(async (id) =>
          (await deps.eventStore.readStream(unitStreamId(id))).length > 0 ? id : null,
        ),
      );
      return found.filter((id): id is string => id !== null);
    }),
  },
});
