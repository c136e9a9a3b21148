import type { ServiceSchema } from 'moleculer';
import { officialStreamId } from '../../../contracts/streams.ts';
import { guarded } from '../../shared/action.ts';
import type { ServiceDeps } from '../../shared/deps.ts';
import { idsFrom, knownIds } from './known.ts';

/** Officials (干部) as the other services look them up. */
export const officialLookups = (deps: ServiceDeps): ServiceSchema['actions'] => ({
  /** Which of the given official ids are registered, read from the source of truth. */
  knownOfficials: guarded('internal', async (ctx) =>
    knownIds(deps.eventStore, idsFrom((ctx.params as { ids?: unknown }).ids), officialStreamId),
  ),
});
