import type { ServiceSchema } from 'moleculer';
import { officialStreamId, unitStreamId } from '../../contracts/streams.ts';
import { type Aggregate, commandActions } from '../shared/command-actions.ts';
import type { ServiceDeps } from '../shared/deps.ts';
import { officialLookups } from './actions/officials.ts';
import { directoryQueries } from './actions/queries.ts';
import { unitLookups } from './actions/units.ts';
import { unitDecider } from './domain/decider.ts';
import { officialDecider } from './domain/officials/decider.ts';

const units: Aggregate = {
  decider: unitDecider,
  streamId: (data) => unitStreamId(String(data.unitId)),
};

const officials: Aggregate = {
  decider: officialDecider,
  streamId: (data) => officialStreamId(String(data.officialId)),
};

/**
 * The directory: units (责任单位), officials (干部) and the posts they hold over
 * time, so "who was responsible on that day" has an answer. Its commands are the
 * catalogue's (`contracts/catalogue/directory/`).
 */
export const createDirectoryService = (deps: ServiceDeps): ServiceSchema => ({
  name: 'directory',
  actions: {
    ...commandActions(deps, 'directory', (operation) =>
      operation.command === 'RegisterUnit' ? units : officials,
    ),
    ...unitLookups(deps),
    ...officialLookups(deps),
    ...directoryQueries(deps),
  },
});
