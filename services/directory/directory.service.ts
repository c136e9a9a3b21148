import type { ServiceSchema } from 'moleculer';
import type { ServiceDeps } from '../shared/deps.ts';
import { officialActions } from './actions/officials.ts';
import { directoryQueries } from './actions/queries.ts';
import { unitActions } from './actions/units.ts';

/**
 * The directory: units (责任单位), officials (干部) and the posts they hold over
 * time, so "who was responsible on that day" has an answer.
 */
export const createDirectoryService = (deps: ServiceDeps): ServiceSchema => ({
  name: 'directory',
  actions: {
    ...unitActions(deps),
    ...officialActions(deps),
    ...directoryQueries(deps),
  },
});
