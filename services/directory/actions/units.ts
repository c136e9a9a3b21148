import type { ServiceSchema } from 'moleculer';
import { registerUnitInput } from '../../../contracts/inputs.ts';
import { unitStreamId } from '../../../contracts/streams.ts';
import { deterministicId, newId } from '../../../infra/ids/ids.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { runCommand } from '../../shared/run-command.ts';
import { parseInput } from '../../shared/validate.ts';
import { unitDecider } from '../domain/decider.ts';
import { idsFrom, knownIds } from './known.ts';

/** Units (责任单位): registered by the office, looked up by the other services. */
export const unitActions = (deps: ServiceDeps): ServiceSchema['actions'] => ({
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
  knownUnits: guarded('internal', async (ctx) =>
    knownIds(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids), unitStreamId),
  ),
});
