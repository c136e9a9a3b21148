import type { ServiceSchema } from 'moleculer';
import { unitStreamId } from '../../../contracts/streams.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { idsFrom, knownIds } from './known.ts';

/** Units (责任单位) as the other services look them up. */
export const unitLookups = (deps: ServiceDeps): ServiceSchema['actions'] => ({
  /** Which of the given unit ids are registered, read from the source of truth. */
  knownUnits: guarded('internal', async (ctx) =>
    knownIds(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids), unitStreamId),
  ),
});
